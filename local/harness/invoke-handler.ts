import type { ScfHandler } from './bundle-loader';

/**
 * Runs one invocation of an async SCF handler (reference §6.1: an async handler returns its result or
 * throws) under the function's timeout. The handler runs in this process and cannot be killed: after the
 * timeout its eventual result is ignored, as SCF discards the result of a timed-out invocation.
 */

export type InvocationOutcome =
  | { readonly kind: 'returned'; readonly value: unknown; readonly durationMs: number }
  /** Only the error's class is kept: a message can quote request data or configuration. */
  | { readonly kind: 'threw'; readonly errorName: string; readonly durationMs: number }
  | { readonly kind: 'timed-out'; readonly timeoutMs: number; readonly durationMs: number };

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

async function invokeHandler(
  handler: ScfHandler,
  event: unknown,
  context: unknown,
  timeoutMs: number,
): Promise<InvocationOutcome> {
  const startedAt = performance.now();
  const elapsed = (): number => Math.round(performance.now() - startedAt);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<InvocationOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timed-out', timeoutMs, durationMs: elapsed() }), timeoutMs);
  });
  const completed = (async (): Promise<InvocationOutcome> => {
    try {
      const value: unknown = await handler(event, context);
      return { kind: 'returned', value, durationMs: elapsed() };
    } catch (error) {
      return { kind: 'threw', errorName: errorName(error), durationMs: elapsed() };
    }
  })();
  try {
    return await Promise.race([completed, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export { invokeHandler };
