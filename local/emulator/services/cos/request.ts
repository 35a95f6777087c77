/** A COS request after the host and URL are parsed, shared by every operation. */
import type { IncomingHttpHeaders } from 'node:http';
import { invalidUri } from './errors';
import type { SignableRequest } from './signature';

/** Virtual-hosted COS endpoint (reference §7a.1); the SDK's `Ip` option keeps this Host (§7a.8). */
const BUCKET_HOST = /^(([a-z\d-]+)-(\d+))\.cos\.([a-z\d-]+)\.myqcloud\.com(?::\d+)?$/;

export interface BucketAddress {
  readonly bucket: string;
  readonly appId: string;
  readonly region: string;
}

export function parseBucketHost(host: string | undefined): BucketAddress | undefined {
  const match = host === undefined ? null : BUCKET_HOST.exec(host.toLowerCase());
  if (match === null) {
    return undefined;
  }
  const [, bucket = '', , appId = '', region = ''] = match;
  return { bucket, appId, region };
}

export interface CosRequest extends SignableRequest {
  readonly address: BucketAddress;
  /** Object key: the decoded path without its leading `/`; `''` for bucket-level calls. */
  readonly key: string;
  readonly body: Buffer;
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    throw invalidUri();
  }
}

function parseQuery(query: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') {
      continue;
    }
    const separator = pair.indexOf('=');
    const name = separator === -1 ? pair : pair.slice(0, separator);
    const value = separator === -1 ? '' : pair.slice(separator + 1);
    parameters.set(decode(name).toLowerCase(), decode(value));
  }
  return parameters;
}

function flattenHeaders(headers: IncomingHttpHeaders): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      flat.set(name.toLowerCase(), Array.isArray(value) ? value.join(',') : value);
    }
  }
  return flat;
}

export function parseCosRequest(
  address: BucketAddress,
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): CosRequest {
  const queryStart = url.indexOf('?');
  const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
  const pathname = decode(rawPath);
  if (!pathname.startsWith('/')) {
    throw invalidUri();
  }
  return {
    address,
    method: method.toUpperCase(),
    pathname,
    key: pathname.slice(1),
    parameters: parseQuery(queryStart === -1 ? '' : url.slice(queryStart + 1)),
    headers: flattenHeaders(headers),
    body,
  };
}
