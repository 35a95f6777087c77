/**
 * The invocation's own deadline. SCF ends an invocation at the function's configured timeout
 * (serverless.yml `timeout`, reference §6.7) and discards whatever it would have answered; the stack
 * answers its own JSON 504 this margin earlier (middy's early timeout, lib/http/http-handler.ts), and
 * the CVM session starts no retry that could end after that (lib/cvm/cvm-session.ts).
 */
import type { ScfContext } from './scf-context';

/** Enough to render and return the 504 after middy's timer fires. */
const FUNCTION_DEADLINE_MARGIN_MS = 500;

/**
 * Epoch ms at which the stack answers 504, or `undefined` when the context cannot tell (local tools
 * and tests may pass none).
 *
 * @example
 * functionDeadlineAt({ getRemainingTimeInMillis: () => 20_000 }, 1_000) // 20_500
 */
function functionDeadlineAt(context: ScfContext, now: number): number | undefined {
  const remainingMs = context.getRemainingTimeInMillis?.();
  return remainingMs === undefined ? undefined : now + remainingMs - FUNCTION_DEADLINE_MARGIN_MS;
}

export { FUNCTION_DEADLINE_MARGIN_MS, functionDeadlineAt };
