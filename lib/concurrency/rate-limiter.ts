/**
 * A client-side request-rate limiter for limits documented as "N requests per second" per action
 * (reference §4.0), which the server counts over a sliding one-second window of arrivals.
 *
 * A request holds one of `limit` slots from the moment it is allowed to start until `windowMs` after
 * it has finished. Its arrival at the server lies between those two moments, however long it queued
 * for a socket or travelled, so no `windowMs` window at the server can ever see more than `limit` of
 * them. (A token bucket of capacity N refilled at N/s would let up to 2N through in one second, and
 * counting from the start alone would be undone by requests that wait for a pooled socket.)
 * Waiters are served first come, first served.
 */

export interface RateLimiter {
  /** Runs `request` once a slot is free; the slot is held until `windowMs` after it settles. */
  run<T>(request: () => Promise<T>): Promise<T>;
}

export interface RateLimiterOptions {
  readonly limit: number;
  readonly windowMs: number;
  /** Injectable for tests. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

interface Slot {
  /** When the request settled; undefined while it is in flight. */
  settledAt: number | undefined;
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * @example
 * const describeZones = createRateLimiter({ limit: 20, windowMs: 1000 });
 * const zones = await describeZones.run(() => client.DescribeZones());
 */
function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  if (!Number.isInteger(options.limit) || options.limit < 1) {
    throw new RangeError(`limit must be a whole number of at least 1 (got ${options.limit})`);
  }
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  const slots = new Set<Slot>();
  let queue: Promise<unknown> = Promise.resolve();
  let announceSettled: () => void = () => undefined;
  let settled = new Promise<void>((resolve) => {
    announceSettled = resolve;
  });

  function nextSettlement(): Promise<void> {
    return settled;
  }

  function release(slot: Slot): void {
    slot.settledAt = now();
    const announce = announceSettled;
    settled = new Promise<void>((resolve) => {
      announceSettled = resolve;
    });
    announce();
  }

  async function takeSlot(): Promise<Slot> {
    for (;;) {
      const current = now();
      const freeAt: number[] = [];
      for (const slot of slots) {
        if (slot.settledAt === undefined) continue;
        if (slot.settledAt + options.windowMs <= current) slots.delete(slot);
        else freeAt.push(slot.settledAt + options.windowMs);
      }
      if (slots.size < options.limit) {
        const slot: Slot = { settledAt: undefined };
        slots.add(slot);
        return slot;
      }
      // A request settling now frees its slot only a whole window later, so the earliest expiry of an
      // already settled one comes first; with every slot in flight, wait for one to settle.
      if (freeAt.length > 0) await sleep(Math.min(...freeAt) - current);
      else await nextSettlement();
    }
  }

  return {
    async run(request) {
      const turn = queue.then(takeSlot);
      queue = turn;
      const slot = await turn;
      try {
        return await request();
      } finally {
        release(slot);
      }
    },
  };
}

export { createRateLimiter };
