/**
 * A credential's fingerprint for cache keys: HMAC-SHA256, keyed by a random secret made once per
 * container, over the WHOLE credential (SecretId, SecretKey and session token). Two callers share a
 * cache entry only if they hold the same key pair and token, so knowing a victim's SecretId is not
 * enough to be served the victim's data, and a wrong SecretKey always misses and goes upstream, which
 * refuses it. The per-container secret makes the fingerprint useless outside the process (no offline
 * guessing of a key from a fingerprint); fingerprints are never logged or sent anywhere.
 */
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';

export interface FingerprintedCredentials {
  readonly secretId: string;
  readonly secretKey: string;
  readonly token: string | undefined;
}

export type CredentialFingerprinter = (credentials: FingerprintedCredentials) => string;

const SECRET_BYTES = 32;

/**
 * @example
 * const fingerprint = createCredentialFingerprinter();
 * fingerprint({ secretId, secretKey, token: undefined }) // 43 base64url characters
 */
function createCredentialFingerprinter(secret: Uint8Array = randomBytes(SECRET_BYTES)): CredentialFingerprinter {
  // A KeyObject is imported once; a raw key would be imported again on every request.
  const key = createSecretKey(secret);
  return ({ secretId, secretKey, token }) =>
    // A JSON array separates the parts unambiguously: no (id, key) pair can collide with another by
    // moving characters across the boundary, and "no token" differs from an empty one.
    createHmac('sha256', key)
      .update(JSON.stringify([secretId, secretKey, token ?? null]))
      .digest('base64url');
}

export { createCredentialFingerprinter };
