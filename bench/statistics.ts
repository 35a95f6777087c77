/**
 * The few statistics the benchmarks report. Medians rather than means: on a shared machine one slow
 * sample (a GC pause, a neighbour's burst) must not move the figure.
 */

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('no samples');
  return [...values].sort((left, right) => left - right);
}

/**
 * The value below which `p` percent of the samples lie, interpolated between the two nearest ranks.
 *
 * @example
 * percentile([1, 2, 3, 4], 50) // 2.5
 */
function percentile(values: readonly number[], p: number): number {
  if (p < 0 || p > 100) throw new RangeError('p must be within 0..100');
  const ordered = sorted(values);
  const rank = (p / 100) * (ordered.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = ordered[lower] ?? 0;
  const high = ordered[upper] ?? low;
  return low + (high - low) * (rank - lower);
}

/**
 * @example
 * median([5, 1, 3]) // 3
 */
function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * `numerator / denominator`, refusing a zero denominator rather than printing Infinity.
 *
 * @example
 * ratio(110, 100) // 1.1
 */
function ratio(numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('ratio with a zero denominator');
  return numerator / denominator;
}

/**
 * A figure rounded for JSON output: enough digits for a ratio, none of float noise.
 *
 * @example
 * rounded(1.23456) // 1.235
 */
function rounded(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export { median, percentile, ratio, rounded };
