/**
 * Cold start, per HTTP function: a fresh `node` process loads the bundle and answers one real SCF
 * event against the emulator (bench/children/cold-start.ts). The baseline is the same, with a bundle
 * that only builds the SDK's CVM client and calls the same action (bench/baselines/sdk-only-handler.ts),
 * built in this run with the same esbuild options: the SDK as anyone would bundle it. Our bundles also
 * defer the SDK's unused top-level requires (build/deferred-requires.mjs), which is part of what makes
 * them start fast; so a second baseline, built with that plugin too, shows what our own code adds.
 * Runs come in rounds (the three back to back, rotating which goes first), and a ratio is the median of
 * the rounds' ratios of process start → first answer: on a shared machine a neighbour's burst then slows
 * every side of a round, not one.
 */
import { httpRoutes } from '../../functions/routes';
import { fileBytes } from '../artifacts';
import { runOnce } from '../child-process';
import type { ColdStartResult } from '../children/cold-start';
import { createBenchCvmClients } from '../cvm-client';
import { startBenchEmulator } from '../emulator-control';
import { apiGatewayEvent, DEMO_KEY_PAIR } from '../events';
import type { BenchContext, BenchScenario, ScenarioResult } from '../scenario';
import { median, ratio, rounded } from '../statistics';
import { atMost, type TargetCheck } from '../targets';
import { COLD_START_PROBES, type ColdStartProbe } from './cold-start-probes';

/** Measured runs per side and function, after one discarded run each (it warms the disk cache). */
const RUNS = 15;
const MAX_TIME_RATIO = 1.1;
const MAX_SIZE_RATIO = 1.1;

interface FunctionFigures {
  readonly functionName: string;
  readonly action: string;
  readonly oursMs: number;
  readonly baselineMs: number;
  /** Median of the per-round ratios ours/baseline. */
  readonly timeRatio: number;
  /** The baseline built with our deferred requires too (see the file comment). */
  readonly deferredBaselineMs: number;
  /** Median of the per-round ratios ours/deferred baseline: what our own code adds. */
  readonly ownCodeRatio: number;
  readonly oursLoadMs: number;
  readonly baselineLoadMs: number;
  readonly deferredBaselineLoadMs: number;
  readonly oursFirstCallMs: number;
  readonly baselineFirstCallMs: number;
  readonly oursBytes: number;
  readonly baselineBytes: number;
  readonly sizeRatio: number;
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

async function coldRun(context: BenchContext, script: string, bundle: string, functionName: string, env: Record<string, string>, event: unknown): Promise<ColdStartResult> {
  const result = await runOnce<ColdStartResult>(script, {
    cwd: context.repoRoot,
    args: [bundle, functionName],
    env: { ...env, BENCH_EVENT: JSON.stringify(event) },
  });
  if (result.statusCode !== 200) throw new Error(`cold start of ${bundle} for ${functionName} answered ${result.statusCode}`);
  return result;
}

type Side = 'ours' | 'baseline' | 'deferredBaseline';

/** One round: a fresh process per side, back to back. */
type Round = Readonly<Record<Side, ColdStartResult>>;

/** Each round starts with a different side, so that none always runs on the warmest (or coldest) machine. */
const SIDE_ORDERS: readonly (readonly Side[])[] = [
  ['ours', 'baseline', 'deferredBaseline'],
  ['baseline', 'deferredBaseline', 'ours'],
  ['deferredBaseline', 'ours', 'baseline'],
];

async function measureFunction(context: BenchContext, functionName: string, probe: ColdStartProbe, endpoint: string): Promise<FunctionFigures> {
  const { artifacts } = context;
  const cvm = createBenchCvmClients(endpoint, DEMO_KEY_PAIR);
  const rounds: Round[] = [];
  let action = '';

  async function runSide(side: Side): Promise<ColdStartResult> {
    const probeCall = await probe(cvm);
    const event = apiGatewayEvent(probeCall.call);
    if (side === 'ours') {
      action = probeCall.action;
      return coldRun(context, artifacts.coldStartChild, artifacts.functionBundle(functionName), functionName, { CVM_ENDPOINT: endpoint, LOG_LEVEL: 'info' }, event);
    }
    const env = { CVM_ENDPOINT: endpoint, BASELINE_ACTION: probeCall.action, BASELINE_PARAMS: JSON.stringify(probeCall.baselineParams) };
    const bundle = side === 'baseline' ? artifacts.baselineBundle : artifacts.deferredBaselineBundle;
    return coldRun(context, artifacts.coldStartChild, bundle, functionName, env, event);
  }

  try {
    for (let run = 0; run <= RUNS; run += 1) {
      const results: Partial<Record<Side, ColdStartResult>> = {};
      for (const side of SIDE_ORDERS[run % SIDE_ORDERS.length] ?? []) results[side] = await runSide(side);
      const { ours, baseline, deferredBaseline } = results;
      if (ours === undefined || baseline === undefined || deferredBaseline === undefined) throw new Error('a cold-start round missed a side');
      // Run 0 only warms the disk cache and the emulator.
      if (run > 0) rounds.push({ ours, baseline, deferredBaseline });
    }
  } finally {
    cvm.close();
  }
  const of = (side: Side, figure: 'totalMs' | 'loadMs' | 'firstCallMs'): number => median(rounds.map((round) => round[side][figure]));
  const oursBytes = fileBytes(artifacts.functionBundle(functionName));
  const baselineBytes = fileBytes(artifacts.baselineBundle);
  return {
    functionName,
    action,
    oursMs: of('ours', 'totalMs'),
    baselineMs: of('baseline', 'totalMs'),
    timeRatio: median(rounds.map((round) => ratio(round.ours.totalMs, round.baseline.totalMs))),
    deferredBaselineMs: of('deferredBaseline', 'totalMs'),
    ownCodeRatio: median(rounds.map((round) => ratio(round.ours.totalMs, round.deferredBaseline.totalMs))),
    oursLoadMs: of('ours', 'loadMs'),
    baselineLoadMs: of('baseline', 'loadMs'),
    deferredBaselineLoadMs: of('deferredBaseline', 'loadMs'),
    oursFirstCallMs: of('ours', 'firstCallMs'),
    baselineFirstCallMs: of('baseline', 'firstCallMs'),
    oursBytes,
    baselineBytes,
    sizeRatio: ratio(oursBytes, baselineBytes),
  };
}

function targetsOf(figures: FunctionFigures): TargetCheck[] {
  return [
    atMost(`${figures.functionName} cold start ours/baseline`, figures.timeRatio, MAX_TIME_RATIO),
    atMost(`${figures.functionName} bundle size ours/baseline`, figures.sizeRatio, MAX_SIZE_RATIO),
  ];
}

async function runColdStart(context: BenchContext): Promise<ScenarioResult> {
  const emulator = await startBenchEmulator({ rateLimits: false });
  const measured: FunctionFigures[] = [];
  const unmeasured: string[] = [];
  try {
    await emulator.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
    for (const route of httpRoutes) {
      const probe = COLD_START_PROBES[route.functionName];
      if (probe === undefined) {
        unmeasured.push(route.functionName);
        continue;
      }
      context.progress(`cold start: ${route.functionName} (${RUNS} rounds of three)`);
      measured.push(await measureFunction(context, route.functionName, probe, emulator.endpoint));
    }
  } finally {
    await emulator.close();
  }
  return {
    name: 'cold-start',
    title: 'Cold start per function: fresh process → load bundle → first answer (median)',
    method: `${RUNS} rounds of fresh processes per function (ours, baseline, baseline† back to back); ratio = median of the rounds' ratios; baseline = SDK CVM client + the same action, built in this run with the same esbuild options; baseline† = the same, also with build/deferred-requires.mjs (ours/baseline† = what our own code adds).`,
    table: {
      columns: ['function', 'action', 'ours ms', 'baseline ms', 'ratio', 'baseline† ms', 'ours/baseline†', 'ours KiB', 'baseline KiB', 'size ratio'],
      rows: measured.map((figures) => [
        figures.functionName,
        figures.action,
        figures.oursMs.toFixed(1),
        figures.baselineMs.toFixed(1),
        figures.timeRatio.toFixed(3),
        figures.deferredBaselineMs.toFixed(1),
        figures.ownCodeRatio.toFixed(3),
        kib(figures.oursBytes),
        kib(figures.baselineBytes),
        figures.sizeRatio.toFixed(3),
      ]),
    },
    figures: {
      runsPerSide: RUNS,
      functions: measured.map((figures) => ({
        ...figures,
        oursMs: rounded(figures.oursMs, 1),
        baselineMs: rounded(figures.baselineMs, 1),
        timeRatio: rounded(figures.timeRatio),
        deferredBaselineMs: rounded(figures.deferredBaselineMs, 1),
        ownCodeRatio: rounded(figures.ownCodeRatio),
        oursLoadMs: rounded(figures.oursLoadMs, 1),
        baselineLoadMs: rounded(figures.baselineLoadMs, 1),
        deferredBaselineLoadMs: rounded(figures.deferredBaselineLoadMs, 1),
        oursFirstCallMs: rounded(figures.oursFirstCallMs, 1),
        baselineFirstCallMs: rounded(figures.baselineFirstCallMs, 1),
        sizeRatio: rounded(figures.sizeRatio),
      })),
      notMeasured: unmeasured,
    },
    targets: measured.flatMap(targetsOf),
  };
}

export const coldStartScenario: BenchScenario = { name: 'cold-start', run: runColdStart };
