/**
 * The ClientToken of one create (reference §4.6): RunInstances with a token already used answers the
 * first result and creates nothing, so the token is what makes a retried create safe — ours after a
 * dropped answer (lib/cvm/retry-policy.ts, `idempotent-write`) and the caller's after theirs.
 * The caller's `clientToken` or `Idempotency-Key` header wins; without either, one is made per request.
 */
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../lib/errors/api-error';
import { CLIENT_TOKEN_CHARACTERS, CLIENT_TOKEN_PATTERN } from './schema';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/**
 * @example
 * resolveClientToken(undefined, 'order-42') // 'order-42'
 * resolveClientToken(undefined, undefined) // a fresh UUID, e.g. '3f0c…'
 */
function resolveClientToken(bodyToken: string | undefined, headerToken: string | undefined): string {
  if (headerToken !== undefined && !CLIENT_TOKEN_PATTERN.test(headerToken)) {
    throw new ValidationError([
      { field: 'Idempotency-Key', message: `must be ${CLIENT_TOKEN_CHARACTERS}; send the header once (a repeated header arrives comma-joined)` },
    ]);
  }
  if (bodyToken !== undefined && headerToken !== undefined && bodyToken !== headerToken) {
    throw new ValidationError([
      { field: 'clientToken', message: 'differs from the Idempotency-Key header; send one, or the same value in both' },
      { field: 'Idempotency-Key', message: 'differs from clientToken' },
    ]);
  }
  return bodyToken ?? headerToken ?? randomUUID();
}

export { resolveClientToken };
