import { backoffDelayMs, retryWithBackoff } from '../../../../lib/retry/retry-with-backoff';

class Transient extends Error {}
class Permanent extends Error {}

function failingTimes<T>(failures: readonly Error[], value: T): { operation: () => Promise<T>; attempts: () => number } {
  let attempts = 0;
  return {
    attempts: () => attempts,
    operation: async () => {
      const failure = failures[attempts];
      attempts += 1;
      if (failure !== undefined) throw failure;
      return value;
    },
  };
}

describe('backoffDelayMs', () => {
  it.each([
    [1, 0.5, 50],
    [2, 0.5, 100],
    [3, 0.5, 200],
    [4, 0.999, 799],
    [10, 0.5, 500],
    [3, 0, 0],
  ])('retry %i with random %f waits %i ms (base 100, max 1000, full jitter)', (retry, random, expected) => {
    expect(backoffDelayMs(retry, { baseDelayMs: 100, maxDelayMs: 1000 }, () => random)).toBe(expected);
  });
});

describe('retryWithBackoff', () => {
  const waits: number[] = [];
  const options = {
    retries: 3,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    isRetryable: (error: unknown) => error instanceof Transient,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
    random: () => 0.5,
  };

  beforeEach(() => {
    waits.length = 0;
  });

  it('returns at once when the first attempt succeeds', async () => {
    const call = failingTimes([], 'ok');
    await expect(retryWithBackoff(call.operation, options)).resolves.toBe('ok');
    expect(call.attempts()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('retries transient failures with doubling, jittered waits until one succeeds', async () => {
    const call = failingTimes([new Transient(), new Transient()], 'ok');
    const retries: number[] = [];
    await expect(retryWithBackoff(call.operation, { ...options, onRetry: (_error, retry) => retries.push(retry) })).resolves.toBe('ok');
    expect(call.attempts()).toBe(3);
    expect(waits).toEqual([50, 100]);
    expect(retries).toEqual([1, 2]);
  });

  it('gives up after the last retry with the last failure', async () => {
    const last = new Transient('fourth');
    const call = failingTimes([new Transient(), new Transient(), new Transient(), last], 'never');
    await expect(retryWithBackoff(call.operation, options)).rejects.toBe(last);
    expect(call.attempts()).toBe(4);
    expect(waits).toEqual([50, 100, 200]);
  });

  it('does not retry a failure that is not retryable', async () => {
    const permanent = new Permanent();
    const call = failingTimes([permanent], 'never');
    await expect(retryWithBackoff(call.operation, options)).rejects.toBe(permanent);
    expect(call.attempts()).toBe(1);
  });

  it('makes a single attempt with zero retries', async () => {
    const call = failingTimes([new Transient()], 'never');
    await expect(retryWithBackoff(call.operation, { ...options, retries: 0 })).rejects.toBeInstanceOf(Transient);
    expect(call.attempts()).toBe(1);
  });
});
