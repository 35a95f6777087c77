/**
 * Authenticates a COS request (reference §7a.7, "Emulator verification"): the seven `Authorization`
 * fields, the key pair, the validity window, the signature, then the security token of temporary
 * key pairs.
 */
import type { AccountRegistry, KeyPair } from '../../accounts';
import { accessDenied, invalidAccessKeyId, requestExpired, requestTimeTooSkewed, signatureDoesNotMatch } from './errors';
import { computeCosSignature, parseCosAuthorization, signaturesEqual, type SignableRequest } from './signature';

/** A window starting further ahead than this is a skewed client clock rather than a fresh signature [proposal]. */
const MAX_FUTURE_START_SECONDS = 900;

function parseWindow(value: string): { start: number; end: number } | undefined {
  const match = /^(\d+);(\d+)$/.exec(value);
  return match === null ? undefined : { start: Number(match[1]), end: Number(match[2]) };
}

/** Returns the caller's key pair or throws the `CosError` COS would answer with. */
export function authenticateCosRequest(
  request: SignableRequest,
  accounts: AccountRegistry,
  nowSeconds: number,
): KeyPair {
  const header = request.headers.get('authorization');
  if (header === undefined || header === '') {
    throw accessDenied();
  }
  const authorization = parseCosAuthorization(header);
  const window = authorization === undefined ? undefined : parseWindow(authorization.signTime);
  if (authorization === undefined || window === undefined || parseWindow(authorization.keyTime) === undefined) {
    throw accessDenied('The Authorization header is malformed.');
  }
  const keyPair = accounts.findKeyPair(authorization.secretId);
  if (keyPair === undefined) {
    throw invalidAccessKeyId();
  }
  if (nowSeconds > window.end) {
    throw requestExpired();
  }
  if (window.start > nowSeconds + MAX_FUTURE_START_SECONDS) {
    throw requestTimeTooSkewed();
  }
  const expected = computeCosSignature(request, authorization, keyPair.secretKey).signature;
  if (!signaturesEqual(expected, authorization.signature)) {
    throw signatureDoesNotMatch();
  }
  // Temporary keys: the token travels unsigned in x-cos-security-token (§7a.7); the code for a
  // missing or wrong one is undocumented (§8), AccessDenied is ours.
  if (keyPair.token !== undefined && request.headers.get('x-cos-security-token') !== keyPair.token) {
    throw accessDenied('The x-cos-security-token is missing or does not belong to this temporary SecretId.');
  }
  return keyPair;
}
