/**
 * A client-side request-rate limiter: at most `limit` acquisitions in any sliding window of
 * `windowMs`. Tencent documents its limits as "N requests per second" per action (reference §4.0) and
 * the emulator enforces them as a sliding one-second window. A token bucket of capacity N refilled at
 * N/s would let up to 2N through in one such window (a full bucket, then a second's refill), so the
 * limiter keeps the start times of the last window's acquisitions instead. Callers widen `windowMs`
 * a little past one second so that network jitter cannot bunch requests at the server.
 * Waiters are served first come, first served.
 */

export interface RateLimiter {
  /** Resolves when a request may start; the request counts from that moment. */
  acquire(): Promise<void>;
}

export interface RateLimiterOptions {
  readonly limit: number;
  readonly windowMs: number;
  /** Injectable for tests. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * @example
 * const describeZones = createRateLimiter({ limit: 20, windowMs: 1100 });
 * await describeZones.acquire();
 * await client.DescribeZones();
 */
function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  if (!Number.isInteger(options.limit) || options.limit < 1) {
    throw new RangeError(`limit must be a whole number of at least 1 (got ${options.limit})`);
  }
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function takeTurn(): Promise<void> {
    for (;;) {
      const current = now();
      while (starts.length > 0 && (starts[0] as number) <= current - options.windowMs) {
        starts.shift();
      }
      if (starts.length < options.limit) {
        starts.push(current);
        return;
      }
      await sleep((starts[0] as number) + options.windowMs - current);
    }
  }

  return {
    acquire() {
      const turn = queue.then(takeTurn);
      queue = turn;
      return turn;
    },
  };
}

export { createRateLimiter };
