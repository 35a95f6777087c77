/**
 * What every benchmark scenario is: a name for `--only`, a run that measures our code and its
 * baseline side by side in the same process tree, and a result the runner prints as a table and as
 * JSON. Absolute times on shared machines mean little; the targets are ratios measured in one run.
 *
 * A scenario written elsewhere (bench/load.ts, `npm run bench -- --load`) implements `BenchScenario`
 * and is registered in bench/scenarios.ts.
 */
import type { BenchArtifacts } from './artifacts';
import type { TargetCheck } from './targets';

export interface BenchContext {
  /** The repository root (bundles in dist/functions, serverless.yml). */
  readonly repoRoot: string;
  /** Bundles and child scripts built for this run (bench/artifacts.ts). */
  readonly artifacts: BenchArtifacts;
  /** Progress lines; they go to stderr so that stdout holds only the table or the JSON. */
  progress(line: string): void;
}

/** A printable table: one header row, then rows of the same width. */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface ScenarioResult {
  readonly name: string;
  readonly title: string;
  /** How the figures were measured, in one or two sentences. */
  readonly method: string;
  readonly table: Table;
  /** Every figure and ratio measured, for `--json`. */
  readonly figures: Readonly<Record<string, unknown>>;
  readonly targets: readonly TargetCheck[];
}

export interface BenchScenario {
  /** Kebab-case, as `--only` names it. */
  readonly name: string;
  run(context: BenchContext): Promise<ScenarioResult>;
}
