/**
 * The COS store (reference §7a), through `cos-nodejs-sdk-v5`. Writes follow the write-once recipe of
 * §7a.6: `x-cos-forbid-overwrite: true` plus the SDK's own `Content-MD5`; on 409 the existing object's
 * ETag is compared with the MD5 of our bytes, so an SDK retry after a lost response (§7a.8) reads as
 * already stored while a different object reads as a conflict. The bucket must never have had
 * versioning, where the header has no effect (§7a.6).
 *
 * The SDK is loaded on first use: it is most of this function's bundle and a directory store never
 * needs it. Keep-alive is off: a run makes a handful of COS calls, and idle sockets would only keep a
 * local process alive.
 */
import { createHash } from 'node:crypto';
import type COS from 'cos-nodejs-sdk-v5';
import { InventoryStoreError, type InventoryStore, type WriteOutcome } from './inventory-store';

export interface CosStoreOptions {
  /** `<name>-<APPID>` (§7a.1). */
  readonly bucket: string;
  readonly region: string;
  /** Key prefix for everything this store writes, e.g. `inventory/`. */
  readonly prefix: string;
  readonly credentials: { readonly secretId: string; readonly secretKey: string; readonly token: string | undefined };
  /** `ip:port` to connect to instead of COS (the emulator), over plain HTTP with the real Host (§7a.8). */
  readonly endpoint: string | undefined;
  readonly timeoutMs: number;
}

/** The SDK fails with Errors and plain objects alike (§7a.8): read only these fields. */
interface CosFailure {
  readonly statusCode?: number;
  readonly code?: string;
  readonly message?: string;
}

function asFailure(error: unknown): CosFailure {
  return typeof error === 'object' && error !== null ? (error as CosFailure) : {};
}

function storeError(operation: string, location: string, error: unknown): InventoryStoreError {
  const failure = asFailure(error);
  const code = failure.code ?? (failure.statusCode === undefined ? 'CosError' : String(failure.statusCode));
  const status = failure.statusCode === undefined ? '' : ` HTTP ${failure.statusCode}`;
  return new InventoryStoreError(code, `COS ${operation} of ${location} failed:${status} ${code}.`);
}

/** Quoted lower-case hex MD5, the ETag of a plain single PUT (§7a.4). */
const etagOf = (body: Buffer): string => `"${createHash('md5').update(body).digest('hex')}"`;

/**
 * @example
 * const store = createCosStore({
 *   bucket: 'inventory-1250000000', region: 'ap-guangzhou', prefix: 'inventory/',
 *   credentials, endpoint: undefined, timeoutMs: 10000,
 * });
 */
export function createCosStore(options: CosStoreOptions): InventoryStore {
  let client: COS | undefined;
  const target = { Bucket: options.bucket, Region: options.region };
  const objectKey = (key: string): string => `${options.prefix}${key}`;
  const locate = (key: string): string => `cos://${options.bucket}/${objectKey(key)}`;

  async function cos(): Promise<COS> {
    if (client === undefined) {
      const { default: Cos } = await import('cos-nodejs-sdk-v5');
      const { secretId, secretKey, token } = options.credentials;
      client = new Cos({
        SecretId: secretId,
        SecretKey: secretKey,
        ...(token === undefined ? {} : { SecurityToken: token }),
        ...(options.endpoint === undefined ? {} : { Ip: options.endpoint, Protocol: 'http:' }),
        Timeout: options.timeoutMs,
        KeepAlive: false,
        UploadCheckContentMd5: true,
      });
    }
    return client;
  }

  async function headEtag(key: string): Promise<string | undefined> {
    try {
      const head = await (await cos()).headObject({ ...target, Key: objectKey(key) });
      return head.ETag;
    } catch (error) {
      if (asFailure(error).statusCode === 404) return undefined;
      throw storeError('HEAD', locate(key), error);
    }
  }

  async function writeOnce(key: string, body: Buffer): Promise<WriteOutcome> {
    try {
      await (await cos()).putObject({
        ...target,
        Key: objectKey(key),
        Body: body,
        ContentType: 'application/json',
        Headers: { 'x-cos-forbid-overwrite': 'true' },
      });
      return 'written';
    } catch (error) {
      if (asFailure(error).statusCode !== 409) throw storeError('PUT', locate(key), error);
      return (await headEtag(key)) === etagOf(body) ? 'alreadyStored' : 'conflict';
    }
  }

  async function list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let marker = '';
    for (;;) {
      let page: COS.GetBucketResult;
      try {
        page = await (await cos()).getBucket({ ...target, Prefix: objectKey(prefix), Marker: marker, MaxKeys: 1000 });
      } catch (error) {
        throw storeError('GET Bucket', `cos://${options.bucket}/${objectKey(prefix)}`, error);
      }
      keys.push(...page.Contents.map((object) => object.Key.slice(options.prefix.length)));
      const last = page.Contents[page.Contents.length - 1]?.Key;
      if (page.IsTruncated !== 'true' || last === undefined) return keys.sort();
      marker = page.NextMarker ?? last;
    }
  }

  return {
    locate,
    writeOnce,
    list,
    exists: async (key) => (await headEtag(key)) !== undefined,
    async read(key) {
      try {
        const object = await (await cos()).getObject({ ...target, Key: objectKey(key) });
        return object.Body;
      } catch (error) {
        if (asFailure(error).statusCode === 404) return undefined;
        throw storeError('GET', locate(key), error);
      }
    },
  };
}
