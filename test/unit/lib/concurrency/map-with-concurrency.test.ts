import { mapWithConcurrency } from '../../../../lib/concurrency/map-with-concurrency';

/** A task that finishes when the test says so, to observe how many run at once. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('mapWithConcurrency', () => {
  it('keeps results in input order whatever order the calls finish in', async () => {
    const results = await mapWithConcurrency([30, 10, 20], 3, async (delay, index) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      return `${index}:${delay}`;
    });
    expect(results).toEqual(['0:30', '1:10', '2:20']);
  });

  it('never has more than `concurrency` calls in flight', async () => {
    const gates = Array.from({ length: 5 }, gate);
    let inFlight = 0;
    let peak = 0;
    const done = mapWithConcurrency(gates, 2, async (entry) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await entry.promise;
      inFlight -= 1;
    });
    for (const entry of gates) {
      await tick();
      expect(inFlight).toBeLessThanOrEqual(2);
      entry.open();
    }
    await done;
    expect(peak).toBe(2);
  });

  it('rejects with the failure and starts no further item after it', async () => {
    const started: number[] = [];
    const failure = new Error('item 1 failed');
    await expect(
      mapWithConcurrency([0, 1, 2, 3], 1, async (item) => {
        started.push(item);
        if (item === 1) throw failure;
        return item;
      }),
    ).rejects.toBe(failure);
    expect(started).toEqual([0, 1]);
  });

  it('answers an empty list with an empty list', async () => {
    await expect(mapWithConcurrency([], 4, async () => 1)).resolves.toEqual([]);
  });

  it.each([0, -1, 1.5])('refuses a concurrency of %p', async (concurrency) => {
    await expect(mapWithConcurrency([1], concurrency, async (item) => item)).rejects.toBeInstanceOf(RangeError);
  });
});
