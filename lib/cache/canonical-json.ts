/**
 * JSON text in which object keys are sorted at every depth, so that two equal inputs give the same
 * text whatever order their parameters arrived in (cache keys, route-cache.ts).
 */

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
      .map(([key, entry]) => [key, sortedKeys(entry)]),
  );
}

/**
 * @example
 * canonicalJson({ region: 'ap-guangzhou', limit: 10 }) === canonicalJson({ limit: 10, region: 'ap-guangzhou' }) // true
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value)) ?? 'null';
}

export { canonicalJson };
