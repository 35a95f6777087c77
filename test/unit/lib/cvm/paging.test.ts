import { fetchAllPages, type Page } from '../../../../lib/cvm/paging';

/** A fake Offset/Limit source over `total` numbered items that records the pages asked for and the peak concurrency. */
function pagedSource(total: number | undefined, items = total ?? 3) {
  const requested: [number, number][] = [];
  let inFlight = 0;
  let peak = 0;
  async function fetchPage(offset: number, limit: number): Promise<Page<number>> {
    requested.push([offset, limit]);
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight -= 1;
    const all = Array.from({ length: items }, (_, index) => index);
    return { items: all.slice(offset, offset + limit), totalCount: total, requestId: `req-${offset}` };
  }
  return { fetchPage, requested, peak: () => peak };
}

describe('fetchAllPages', () => {
  it('returns every item in order, the first page’s total and RequestId', async () => {
    const source = pagedSource(250);
    const all = await fetchAllPages({ pageSize: 100, concurrency: 4, fetchPage: source.fetchPage });
    expect(all.items).toEqual(Array.from({ length: 250 }, (_, index) => index));
    expect(all.totalCount).toBe(250);
    expect(all.requestId).toBe('req-0');
    expect(source.requested).toEqual([
      [0, 100],
      [100, 100],
      [200, 100],
    ]);
  });

  it('asks for one page only when everything fits', async () => {
    const source = pagedSource(100);
    await fetchAllPages({ pageSize: 100, concurrency: 4, fetchPage: source.fetchPage });
    expect(source.requested).toEqual([[0, 100]]);
  });

  it('keeps at most `concurrency` pages in flight', async () => {
    const source = pagedSource(1000);
    const all = await fetchAllPages({ pageSize: 50, concurrency: 3, fetchPage: source.fetchPage });
    expect(all.items).toHaveLength(1000);
    expect(source.requested).toHaveLength(20);
    expect(source.peak()).toBe(3);
  });

  it('stops after the first page when upstream gives no total', async () => {
    const source = pagedSource(undefined, 150);
    const all = await fetchAllPages({ pageSize: 100, concurrency: 2, fetchPage: source.fetchPage });
    expect(all.items).toHaveLength(100);
    expect(all.totalCount).toBeUndefined();
  });

  it('fails as soon as one page fails', async () => {
    await expect(
      fetchAllPages({
        pageSize: 10,
        concurrency: 2,
        fetchPage: async (offset) => {
          if (offset === 20) throw new Error('page 3 failed');
          return { items: [offset], totalCount: 40, requestId: undefined };
        },
      }),
    ).rejects.toThrow('page 3 failed');
  });
});
