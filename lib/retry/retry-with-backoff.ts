/**
 * Retries a failing async operation with exponential backoff and full jitter: before retry n
 * (n = 1, 2, …) it waits a random time in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))). Full jitter
 * spreads the retries of many concurrent callers that failed together (a rate limit, a brief outage),
 * so they do not come back in lockstep. Only failures the caller calls retryable are retried.
 */

export interface RetryOptions {
  /** Retries after the first attempt (so at most `retries + 1` attempts). */
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  isRetryable(error: unknown): boolean;
  /** Told before each retry's wait; for counting and logging. */
  onRetry?(error: unknown, retry: number, delayMs: number): void;
  /** Injectable for tests; default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Injectable for tests; default `Math.random` (a value in [0, 1)). */
  readonly random?: () => number;
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The wait before retry `retry` (1-based).
 *
 * @example
 * backoffDelayMs(3, { baseDelayMs: 100, maxDelayMs: 1000 }, () => 0.5) // 200 (half of min(1000, 400))
 */
function backoffDelayMs(
  retry: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * @example
 * const zones = await retryWithBackoff(() => client.DescribeZones(), {
 *   retries: 3,
 *   baseDelayMs: 200,
 *   maxDelayMs: 2000,
 *   isRetryable: (error) => error instanceof ApiError && error.status === 429,
 * });
 */
async function retryWithBackoff<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? sleepFor;
  const random = options.random ?? Math.random;
  for (let retry = 1; ; retry += 1) {
    try {
      return await operation();
    } catch (error) {
      if (retry > options.retries || !options.isRetryable(error)) {
        throw error;
      }
      const delayMs = backoffDelayMs(retry, options, random);
      options.onRetry?.(error, retry, delayMs);
      await sleep(delayMs);
    }
  }
}

export { backoffDelayMs, retryWithBackoff };
