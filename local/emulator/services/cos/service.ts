/**
 * The emulated COS endpoint for the inventory store (reference §7a): PUT/GET/HEAD/DELETE Object and
 * GET Bucket on virtual-hosted bucket hosts, every request signed (§7a.7). Pure request → reply; the
 * HTTP plumbing is in `http.ts`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AccountRegistry } from '../../accounts';
import { authenticateCosRequest } from './authenticate';
import { CosBucketStore, type CosBucket } from './buckets';
import { accessDenied, CosError, entityTooLarge, methodNotAllowed, noSuchBucket } from './errors';
import { deleteObject } from './operations/delete-object';
import { getBucket } from './operations/get-bucket';
import { getObject, headObject } from './operations/get-object';
import { putObject } from './operations/put-object';
import { EMPTY_BODY, type CosReply } from './reply';
import { parseBucketHost, parseCosRequest, type BucketAddress, type CosRequest } from './request';
import { errorXml } from './xml';

export interface CosServiceOptions {
  readonly accounts: AccountRegistry;
  /** Milliseconds since the epoch; injectable so signature windows and Last-Modified are testable. */
  readonly now?: () => number;
}

export interface CosHttpRequest {
  readonly method: string;
  /** Path and query exactly as on the request line. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** Undefined when the body was larger than the HTTP layer accepts. */
  readonly body: Buffer | undefined;
}

export interface CosService {
  /** Whether a Host header names a COS bucket endpoint (`<bucket>.cos.<region>.myqcloud.com[:port]`). */
  handles(host: string | undefined): boolean;
  handle(request: CosHttpRequest): CosReply;
  /** Drops every bucket and object. */
  reset(): void;
}

/** Query parameters each operation understands; anything else is a sub-resource (`?acl`, `?tagging`, …) not emulated. */
const OBJECT_READ_PARAMETERS = new Set([
  'versionid',
  'response-content-type',
  'response-content-language',
  'response-expires',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
]);
const OBJECT_WRITE_PARAMETERS = new Set(['versionid']);
const LIST_PARAMETERS = new Set(['prefix', 'delimiter', 'marker', 'max-keys', 'encoding-type']);

type Operation = (bucket: CosBucket, request: CosRequest, nowMs: number) => CosReply;

function selectOperation(request: CosRequest): Operation {
  const onlyParameters = (allowed: ReadonlySet<string>): boolean =>
    [...request.parameters.keys()].every((name) => allowed.has(name));
  if (request.key === '') {
    if (request.method === 'GET' && onlyParameters(LIST_PARAMETERS)) {
      return getBucket;
    }
  } else if ((request.method === 'GET' || request.method === 'HEAD') && onlyParameters(OBJECT_READ_PARAMETERS)) {
    return request.method === 'GET' ? getObject : headObject;
  } else if (request.method === 'PUT' && onlyParameters(OBJECT_WRITE_PARAMETERS)) {
    return putObject;
  } else if (request.method === 'DELETE' && onlyParameters(OBJECT_WRITE_PARAMETERS)) {
    return deleteObject;
  }
  throw methodNotAllowed();
}

const newId = (): string => randomBytes(24).toString('base64');

function endpointHost(address: BucketAddress): string {
  return `${address.bucket}.cos.${address.region}.myqcloud.com`;
}

export function createCosService(options: CosServiceOptions): CosService {
  const now = options.now ?? Date.now;
  const buckets = new CosBucketStore();

  function openBucket(request: CosRequest, accountId: string): CosBucket {
    const { bucket, appId, region } = request.address;
    const lookup = buckets.open(bucket, appId, region, accountId);
    switch (lookup.kind) {
      case 'found':
        return lookup.bucket;
      case 'otherRegion':
        throw noSuchBucket();
      case 'otherAccount':
        throw accessDenied();
    }
  }

  function errorReply(error: CosError, method: string, address: BucketAddress, url: string, requestId: string): CosReply {
    const traceId = newId();
    const headers = { 'x-cos-trace-id': traceId };
    // HEAD errors carry no body (§7a.3).
    if (method.toUpperCase() === 'HEAD') {
      return { status: error.status, headers, body: EMPTY_BODY };
    }
    const path = url.split('?')[0] ?? '/';
    const resource = `${endpointHost(address)}${path}`;
    const xml = errorXml({ code: error.code, message: error.message, resource, requestId, traceId });
    return {
      status: error.status,
      headers: { ...headers, 'Content-Type': 'application/xml' },
      body: Buffer.from(xml, 'utf8'),
    };
  }

  function handle(request: CosHttpRequest): CosReply {
    const requestId = newId();
    const nowMs = now();
    const address = parseBucketHost(request.headers.host);
    const common = {
      Server: 'tencent-cos',
      Date: new Date(nowMs).toUTCString(),
      'x-cos-request-id': requestId,
    };
    if (address === undefined) {
      // Routed here only for bucket hosts; answer a stray call as COS answers an unknown bucket.
      return { status: 404, headers: common, body: EMPTY_BODY };
    }
    try {
      if (request.body === undefined) {
        throw entityTooLarge();
      }
      const parsed = parseCosRequest(address, request.method, request.url, request.headers, request.body);
      const keyPair = authenticateCosRequest(parsed, options.accounts, Math.floor(nowMs / 1000));
      const operation = selectOperation(parsed);
      const reply = operation(openBucket(parsed, keyPair.accountId), parsed, nowMs);
      return { ...reply, headers: { ...common, ...reply.headers } };
    } catch (error) {
      if (!(error instanceof CosError)) {
        throw error;
      }
      const reply = errorReply(error, request.method, address, request.url, requestId);
      return { ...reply, headers: { ...common, ...reply.headers } };
    }
  }

  return {
    handles: (host) => parseBucketHost(host) !== undefined,
    handle,
    reset: () => buckets.reset(),
  };
}
