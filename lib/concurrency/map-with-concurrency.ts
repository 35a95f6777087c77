/**
 * Maps items through an async function with at most `concurrency` calls in flight, keeping the
 * results in input order. A rejection is passed through once the calls in flight have settled, and no
 * further item is started after it; callers that want every item to finish catch inside `map`.
 */

/**
 * @example
 * const sizes = await mapWithConcurrency(['a', 'bb', 'ccc'], 2, async (text) => text.length); // [1, 2, 3]
 */
async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  map: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1 (got ${concurrency})`);
  }
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (!failed && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await map(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, worker);
  const settled = await Promise.allSettled(workers);
  const rejection = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (rejection !== undefined) {
    throw rejection.reason;
  }
  return results;
}

export { mapWithConcurrency };
