/**
 * A bounded least-recently-used map with a time to live per entry, for one warm container. Bounded
 * twice: by entry count and by the total size of the values (`sizeOf`), so a few very large answers
 * cannot hold the function's memory (SCF's smallest size is 128 MB, reference §6.7). A Map keeps
 * insertion order, so re-inserting on every read makes its first key the least recently used.
 */

export interface LruCacheOptions<V> {
  readonly maxEntries: number;
  readonly maxBytes: number;
  sizeOf(value: V): number;
  /** Clock in epoch milliseconds; tests pass their own. */
  readonly now?: () => number;
}

export interface CacheHit<V> {
  readonly value: V;
  /** Epoch milliseconds after which the entry is no longer served. */
  readonly expiresAt: number;
}

export interface LruCache<V> {
  /** The fresh entry under `key`, marked most recently used; an expired entry is dropped and missed. */
  get(key: string): CacheHit<V> | undefined;
  /**
   * Keeps `value` for `ttlMs`, evicting the least recently used entries until both bounds hold. A value
   * larger than `maxBytes` on its own is not kept (returns false).
   */
  set(key: string, value: V, ttlMs: number): boolean;
  readonly size: number;
  /** Sum of `sizeOf` over the kept values. */
  readonly bytes: number;
}

interface Entry<V> extends CacheHit<V> {
  readonly bytes: number;
}

/**
 * @example
 * const cache = createLruCache<string>({ maxEntries: 100, maxBytes: 1 << 20, sizeOf: (body) => body.length });
 * cache.set('regions', '{"totalCount":"19"}', 60_000);
 * cache.get('regions')?.value // '{"totalCount":"19"}'
 */
function createLruCache<V>(options: LruCacheOptions<V>): LruCache<V> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<V>>();
  let bytes = 0;

  function remove(key: string, entry: Entry<V>): void {
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function evictOldest(): void {
    const oldest = entries.entries().next();
    if (!oldest.done) remove(oldest.value[0], oldest.value[1]);
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= now()) {
        bytes -= entry.bytes;
        return undefined;
      }
      entries.set(key, entry);
      return { value: entry.value, expiresAt: entry.expiresAt };
    },
    set(key, value, ttlMs) {
      const previous = entries.get(key);
      if (previous !== undefined) remove(key, previous);
      const size = options.sizeOf(value);
      if (size > options.maxBytes) return false;
      while (entries.size >= options.maxEntries || bytes + size > options.maxBytes) evictOldest();
      entries.set(key, { value, expiresAt: now() + ttlMs, bytes: size });
      bytes += size;
      return true;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

export { createLruCache };
