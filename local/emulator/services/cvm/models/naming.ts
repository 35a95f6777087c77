/** `{R:x}` or `{R:x,F:y}` with y in 0–8 (reference §4.6, naming patterns). */
const PATTERN = /\{R:(\d+)(?:,F:([0-8]))?\}/;

/**
 * Names for `count` instances bought in one call: a pattern expands to x..x+count-1 (zero-padded to y
 * digits with `F:y`); without a pattern, several instances get the suffixes 1..count and a single one
 * keeps the name as given. Malformed patterns (e.g. `F:9`) stay literal text.
 */
export function expandNames(name: string, count: number): readonly string[] {
  const match = PATTERN.exec(name);
  if (match === null) {
    return count === 1 ? [name] : Array.from({ length: count }, (_, index) => `${name}${index + 1}`);
  }
  const [token, start = '0', width] = match;
  return Array.from({ length: count }, (_, index) => {
    const number = String(Number(start) + index).padStart(width === undefined ? 0 : Number(width), '0');
    return name.replace(token, number);
  });
}
