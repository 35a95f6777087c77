import { createRateLimiter } from '../../../../lib/concurrency/rate-limiter';

/** A fake clock: `sleep` advances it instead of waiting. */
function fakeClock() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}

describe('createRateLimiter', () => {
  it('lets `limit` acquisitions through at once', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(clock.sleeps).toEqual([]);
  });

  it('makes the next one wait until the oldest leaves the window', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    await limiter.acquire();
    clock.advance(300);
    await limiter.acquire();
    const started = clock.now();
    await limiter.acquire();
    expect(clock.now() - started).toBe(700);
  });

  it('never admits more than `limit` in any window, unlike a token bucket of the same rate', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 20, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    for (let call = 0; call < 100; call += 1) {
      await limiter.acquire();
      starts.push(clock.now());
      clock.advance(7);
    }
    const busiestWindow = Math.max(...starts.map((start) => starts.filter((other) => other >= start && other < start + 1000).length));
    expect(busiestWindow).toBe(20);
  });

  it('serves waiters in the order they asked', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 100, now: clock.now, sleep: clock.sleep });
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((caller) => limiter.acquire().then(() => order.push(caller))));
    expect(order).toEqual([1, 2, 3]);
    expect(clock.sleeps).toEqual([100, 100]);
  });

  it('refuses a limit below 1', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
  });
});
