/**
 * Reads every page of an Offset/Limit action (DescribeImages, DescribeInstances: Limit ≤ 100,
 * reference §4.0): the first page gives the total, the remaining pages are fetched in parallel with at
 * most `concurrency` in flight, and the items are returned in upstream order.
 */

export interface Page<T> {
  readonly items: readonly T[];
  /** Upstream fields are all optional (style-anchors "Traps"): without a total, there are no more pages. */
  readonly totalCount: number | undefined;
  readonly requestId: string | undefined;
}

export interface AllPagesOptions<T> {
  readonly pageSize: number;
  readonly concurrency: number;
  fetchPage(offset: number, limit: number): Promise<Page<T>>;
}

export interface AllPages<T> {
  readonly items: T[];
  /** The upstream total as the first page reported it. */
  readonly totalCount: number | undefined;
  /** The first page's RequestId. */
  readonly requestId: string | undefined;
}

async function runBounded<R>(tasks: readonly (() => Promise<R>)[], concurrency: number): Promise<R[]> {
  const results: R[] = new Array<R>(tasks.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      const task = tasks[index];
      if (task !== undefined) results[index] = await task();
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}

/**
 * @example
 * const all = await fetchAllPages({
 *   pageSize: 100,
 *   concurrency: 4,
 *   fetchPage: async (offset, limit) => {
 *     const page = await client.DescribeImages({ Offset: offset, Limit: limit });
 *     return { items: page.ImageSet ?? [], totalCount: page.TotalCount, requestId: page.RequestId };
 *   },
 * });
 */
async function fetchAllPages<T>(options: AllPagesOptions<T>): Promise<AllPages<T>> {
  const first = await options.fetchPage(0, options.pageSize);
  const offsets: number[] = [];
  for (let offset = options.pageSize; offset < (first.totalCount ?? 0); offset += options.pageSize) offsets.push(offset);
  const rest = await runBounded(
    offsets.map((offset) => () => options.fetchPage(offset, options.pageSize)),
    options.concurrency,
  );
  return {
    items: [first, ...rest].flatMap((page) => [...page.items]),
    totalCount: first.totalCount,
    requestId: first.requestId,
  };
}

export { fetchAllPages };
