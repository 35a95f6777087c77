/**
 * JSON text in which object keys are sorted at every depth, so that two equal inputs give the same
 * text whatever order their parameters arrived in (cache keys, route-cache.ts). Written out directly
 * rather than by copying into sorted objects: it runs on every request of a cached route.
 */

function isPlainRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @example
 * canonicalJson({ region: 'ap-guangzhou', limit: 10 }) === canonicalJson({ limit: 10, region: 'ap-guangzhou' }) // true
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (isPlainRecord(value)) {
    const members = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export { canonicalJson };
