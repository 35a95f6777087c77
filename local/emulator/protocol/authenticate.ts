/**
 * Server-side TC3 verification of one request, in the precedence of reference §8 [proposal]:
 *
 *   InvalidAuthorization → SecretIdNotFound → SignatureExpire → SignatureFailure → TokenFailure
 *
 * - The signature is recomputed from the request as received: SignedHeaders as listed, each signed
 *   header's value as sent (so the content-type that was signed must be the one sent), the raw body
 *   bytes hashed (§2.1).
 * - `host` is tried twice: as received, and with `:port` stripped, because the Node SDK signs the URL's
 *   hostname while sending `Host: host:port` (§2.7). A match either way is valid.
 * - The scope date must be the UTC date of X-TC-Timestamp (§2.2) and the scope service must be `cvm` or
 *   the first DNS label of the Host header, which is what the SDK derives from its endpoint
 *   (`127` for `127.0.0.1:PORT`, `localhost:PORT` for `localhost:PORT`, §2.7). Either mismatch is a
 *   SignatureFailure, like any other difference in what was signed.
 * - Signatures are compared in constant time.
 * - A temporary key pair needs `X-TC-Token` equal to its token; a long-term key pair takes none (an
 *   empty header counts as none). The token is not signed (§1.2), so it is checked after the signature.
 */
import { timingSafeEqual } from 'node:crypto';
import type { AccountRegistry, KeyPair } from '../accounts';
import {
  CVM_SERVICE,
  MAX_CLOCK_SKEW_SECONDS,
  invalidAuthorization,
  secretIdNotFound,
  signatureExpire,
  signatureFailure,
  tokenFailure,
} from './errors';
import type { ReceivedRequest } from './received-request';
import {
  buildCanonicalRequest,
  buildStringToSign,
  computeSignature,
  credentialScope,
  deriveSigningKey,
  parseAuthorization,
  utcDateOfTimestamp,
  type Tc3Authorization,
} from './tc3';

const MANDATORY_SIGNED_HEADERS = ['content-type', 'host'];

function checkSignedHeaders(authorization: Tc3Authorization): void {
  const names = authorization.signedHeaders;
  if (names.some((name) => name === '') || new Set(names).size !== names.length) {
    throw invalidAuthorization('SignedHeaders has an empty or repeated header name.');
  }
  for (const mandatory of MANDATORY_SIGNED_HEADERS) {
    if (!names.includes(mandatory)) {
      throw invalidAuthorization(`SignedHeaders must include \`${mandatory}\`.`);
    }
  }
}

function hostWithoutPort(host: string): string {
  return host.replace(/:\d+$/, '');
}

function firstDnsLabel(host: string): string {
  return host.split('.')[0] ?? host;
}

function signaturesEqual(expectedHex: string, receivedHex: string): boolean {
  return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(receivedHex, 'hex'));
}

function signatureMatches(
  request: ReceivedRequest,
  authorization: Tc3Authorization,
  keyPair: KeyPair,
  timestamp: string,
): boolean {
  const receivedHost = request.header('host') ?? '';
  const acceptedServices = new Set([CVM_SERVICE, firstDnsLabel(receivedHost)]);
  if (!acceptedServices.has(authorization.service)) {
    return false;
  }
  if (authorization.date !== utcDateOfTimestamp(Number(timestamp))) {
    return false;
  }
  if (authorization.signedHeaders.some((name) => request.header(name) === undefined)) {
    return false;
  }
  const signingKey = deriveSigningKey(keyPair.secretKey, authorization.date, authorization.service);
  const scope = credentialScope(authorization.date, authorization.service);
  const hostCandidates = new Set([receivedHost, hostWithoutPort(receivedHost)]);
  let matched = false;
  for (const host of hostCandidates) {
    const canonicalRequest = buildCanonicalRequest({
      method: request.method,
      path: request.path,
      query: request.query,
      signedHeaders: authorization.signedHeaders,
      headerValue: (name) => (name === 'host' ? host : (request.header(name) ?? '')),
      body: request.body,
    });
    const expected = computeSignature(signingKey, buildStringToSign(timestamp, scope, canonicalRequest));
    matched = signaturesEqual(expected, authorization.signature) || matched;
  }
  return matched;
}

function checkToken(request: ReceivedRequest, keyPair: KeyPair): void {
  const sentToken = request.header('x-tc-token') ?? '';
  if (keyPair.token === undefined) {
    if (sentToken !== '') {
      throw tokenFailure('the key pair is a long-term key, which takes no `X-TC-Token`.');
    }
    return;
  }
  if (sentToken === '') {
    throw tokenFailure('the key pair is temporary and the request carries no `X-TC-Token`.');
  }
  const sent = Buffer.from(sentToken, 'utf8');
  const expected = Buffer.from(keyPair.token, 'utf8');
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw tokenFailure('the `X-TC-Token` is invalid or expired.');
  }
}

/**
 * Verifies the request and returns the key pair it was signed with, or throws the `CvmApiError`
 * the real service would answer. `timestamp` is the X-TC-Timestamp value, already checked to be an
 * integer; `nowMs` is the server clock.
 */
export function authenticate(
  request: ReceivedRequest,
  accounts: AccountRegistry,
  timestamp: string,
  nowMs: number,
): KeyPair {
  const header = request.header('authorization');
  if (header === undefined || header === '') {
    throw invalidAuthorization('the request has no `Authorization` header.');
  }
  const authorization = parseAuthorization(header);
  if (authorization === undefined) {
    throw invalidAuthorization(
      'expected `TC3-HMAC-SHA256 Credential=<SecretId>/<Date>/<Service>/tc3_request, SignedHeaders=<names>, Signature=<64 hex>`.',
    );
  }
  checkSignedHeaders(authorization);
  const keyPair = accounts.findKeyPair(authorization.secretId);
  if (keyPair === undefined) {
    throw secretIdNotFound();
  }
  const timestampSeconds = Number(timestamp);
  const serverSeconds = Math.floor(nowMs / 1000);
  if (Math.abs(serverSeconds - timestampSeconds) > MAX_CLOCK_SKEW_SECONDS) {
    throw signatureExpire(timestampSeconds, serverSeconds);
  }
  if (!signatureMatches(request, authorization, keyPair, timestamp)) {
    throw signatureFailure();
  }
  checkToken(request, keyPair);
  return keyPair;
}
