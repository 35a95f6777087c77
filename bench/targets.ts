/**
 * A target of issue 6 as a check: the measured figure, the limit, which side of it passes, and the
 * verdict. Ratios are compared unrounded; rounding is for display only.
 */

export type Comparison = '<=' | '>=' | '<';

export interface TargetCheck {
  /** What is compared, e.g. `regions cold start ours/baseline`. */
  readonly name: string;
  readonly measured: number;
  readonly comparison: Comparison;
  readonly limit: number;
  readonly pass: boolean;
}

/**
 * @example
 * atMost('regions cold start ours/baseline', 1.04, 1.1).pass // true
 */
function atMost(name: string, measured: number, limit: number): TargetCheck {
  return { name, measured, comparison: '<=', limit, pass: measured <= limit };
}

/**
 * @example
 * atLeast('rps ours/baseline', 0.93, 0.9).pass // true
 */
function atLeast(name: string, measured: number, limit: number): TargetCheck {
  return { name, measured, comparison: '>=', limit, pass: measured >= limit };
}

/**
 * @example
 * below('inventory peak RSS MB', 80, 128).pass // true
 */
function below(name: string, measured: number, limit: number): TargetCheck {
  return { name, measured, comparison: '<', limit, pass: measured < limit };
}

export { atLeast, atMost, below };
