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
  it('lets `limit` requests start at once', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    await Promise.all([1, 2, 3].map((value) => limiter.run(async () => value)));
    expect(clock.sleeps).toEqual([]);
  });

  it('frees a slot one window after the request settled, not after it started', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    const started = clock.now();
    await limiter.run(async () => clock.advance(300));
    let secondStart = 0;
    await limiter.run(async () => {
      secondStart = clock.now();
    });
    expect(secondStart - started).toBe(1300);
  });

  it('waits for an in-flight request to settle when every slot is taken', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    let finishFirst: () => void = () => undefined;
    const first = limiter.run(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    let secondStarted = false;
    const second = limiter.run(async () => {
      secondStarted = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondStarted).toBe(false);
    clock.advance(250);
    finishFirst();
    await Promise.all([first, second]);
    expect(secondStarted).toBe(true);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('never lets more than `limit` requests be possible arrivals in one window, whatever their latency', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 20, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    const spans: { start: number; end: number }[] = [];
    const latencies = [5, 400, 30, 900, 0, 120, 60, 1500, 10, 250];
    for (let request = 0; request < 120; request += 1) {
      await limiter.run(async () => {
        const start = clock.now();
        clock.advance(latencies[request % latencies.length] ?? 0);
        spans.push({ start, end: clock.now() });
      });
      clock.advance(3);
    }
    // A request may reach the server at any moment of its span; any 1000 ms window meets at most 20 spans.
    const busiest = Math.max(
      ...spans.map(({ start }) => spans.filter((span) => span.start < start + 1000 && span.end >= start).length),
    );
    expect(busiest).toBeLessThanOrEqual(20);
    expect(spans).toHaveLength(120);
  });

  it('serves waiters in the order they asked', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 100, now: clock.now, sleep: clock.sleep });
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((caller) => limiter.run(async () => order.push(caller))));
    expect(order).toEqual([1, 2, 3]);
    expect(clock.sleeps).toEqual([100, 100]);
  });

  it('passes a failure through and still frees the slot a window later', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 500, now: clock.now, sleep: clock.sleep });
    const failure = new Error('upstream failed');
    await expect(limiter.run(async () => Promise.reject(failure))).rejects.toBe(failure);
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
    expect(clock.sleeps).toEqual([500]);
  });

  it('refuses a limit below 1', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
  });
});
