import { createLruCache } from '../../../../lib/cache/lru-cache';

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

function textCache(maxEntries: number, maxBytes: number, now: () => number) {
  return createLruCache<string>({ maxEntries, maxBytes, sizeOf: (value) => value.length, now });
}

describe('createLruCache', () => {
  it('returns a kept value with its expiry until the TTL has passed, then misses', () => {
    const time = clock();
    const cache = textCache(10, 1000, time.now);
    cache.set('a', 'alpha', 5000);

    expect(cache.get('a')).toEqual({ value: 'alpha', expiresAt: 1_005_000 });
    time.advance(4999);
    expect(cache.get('a')?.value).toBe('alpha');
    time.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('evicts the least recently used entry when the entry bound is reached', () => {
    const cache = textCache(2, 1000, clock().now);
    cache.set('a', 'A', 60_000);
    cache.set('b', 'B', 60_000);
    cache.get('a');
    cache.set('c', 'C', 60_000);

    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.value).toBe('A');
    expect(cache.get('c')?.value).toBe('C');
    expect(cache.size).toBe(2);
  });

  it('evicts the oldest entries until the byte bound holds', () => {
    const cache = textCache(100, 10, clock().now);
    cache.set('a', 'aaaa', 60_000);
    cache.set('b', 'bbbb', 60_000);
    cache.set('c', 'ccccccc', 60_000);

    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')?.value).toBe('ccccccc');
    expect(cache.bytes).toBe(7);
  });

  it('refuses a value larger than the byte bound on its own and keeps the others', () => {
    const cache = textCache(100, 10, clock().now);
    cache.set('small', 'abc', 60_000);

    expect(cache.set('huge', 'x'.repeat(11), 60_000)).toBe(false);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('small')?.value).toBe('abc');
    expect(cache.bytes).toBe(3);
  });

  it('replaces a key’s value and its size, with a new expiry', () => {
    const time = clock();
    const cache = textCache(10, 100, time.now);
    cache.set('a', 'short', 1000);
    time.advance(500);
    cache.set('a', 'much longer', 1000);

    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe('much longer'.length);
    time.advance(900);
    expect(cache.get('a')?.value).toBe('much longer');
  });

  it('never holds more than its bounds, whatever the sequence of writes', () => {
    const cache = textCache(3, 20, clock().now);
    for (let index = 0; index < 50; index += 1) {
      cache.set(`key-${index % 7}`, 'v'.repeat(index % 9), 60_000);
      expect(cache.size).toBeLessThanOrEqual(3);
      expect(cache.bytes).toBeLessThanOrEqual(20);
    }
  });
});
