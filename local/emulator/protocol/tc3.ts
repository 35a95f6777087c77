/**
 * TC3-HMAC-SHA256 primitives (reference §2.1–§2.4): parse the Authorization header, build the
 * canonical request and the string to sign, derive the signing key, sign. Pure functions: the
 * verification order and error codes live in `authenticate.ts`.
 */
import { createHash, createHmac } from 'node:crypto';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** The parsing regex of reference §2.4 (the service segment may hold `:`, §2.7). */
const AUTHORIZATION_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

export interface Tc3Authorization {
  readonly secretId: string;
  /** Credential scope date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Credential scope service (`cvm`, or what the SDK derives from the endpoint, §2.7). */
  readonly service: string;
  /** Lower-case header names in the order the client listed them. */
  readonly signedHeaders: readonly string[];
  /** 64 lower-case hex characters. */
  readonly signature: string;
}

export interface CanonicalRequestParts {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Canonical URI; always `/` for API 3.0. */
  readonly path: string;
  /** Raw query string after `?` (empty for POST). */
  readonly query: string;
  readonly signedHeaders: readonly string[];
  /** Value of each signed header as it goes into the canonical headers (before lower-casing and trimming). */
  readonly headerValue: (name: string) => string;
  /** Exact body bytes (§2.1: the hash is over what was sent, not over a re-serialisation). */
  readonly body: Buffer | string;
}

export function parseAuthorization(value: string): Tc3Authorization | undefined {
  const match = AUTHORIZATION_PATTERN.exec(value);
  if (match === null) {
    return undefined;
  }
  const [, secretId = '', date = '', service = '', signedHeaderList = '', signature = ''] = match;
  return { secretId, date, service, signedHeaders: signedHeaderList.split(';'), signature };
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest();
}

/** §2.1: each signed header as `name:lowercase(trim(value))\n`, then the signed names, then the payload hash. */
export function buildCanonicalRequest(parts: CanonicalRequestParts): string {
  const canonicalHeaders = parts.signedHeaders
    .map((name) => `${name}:${parts.headerValue(name).trim().toLowerCase()}\n`)
    .join('');
  return [
    parts.method,
    parts.path,
    parts.query,
    canonicalHeaders,
    parts.signedHeaders.join(';'),
    sha256Hex(parts.body),
  ].join('\n');
}

export function credentialScope(date: string, service: string): string {
  return `${date}/${service}/tc3_request`;
}

/** §2.2. `timestamp` is the X-TC-Timestamp value as sent. */
export function buildStringToSign(timestamp: string, scope: string, canonicalRequest: string): string {
  return [TC3_ALGORITHM, timestamp, scope, sha256Hex(canonicalRequest)].join('\n');
}

/** §2.3: intermediate keys are raw bytes. */
export function deriveSigningKey(secretKey: string, date: string, service: string): Buffer {
  const secretDate = hmac(`TC3${secretKey}`, date);
  const secretService = hmac(secretDate, service);
  return hmac(secretService, 'tc3_request');
}

export function computeSignature(signingKey: Buffer, stringToSign: string): string {
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

/** §2.2: the scope date is the UTC calendar date of the timestamp, never local time. */
export function utcDateOfTimestamp(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}
