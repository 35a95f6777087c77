/**
 * Cold start, per HTTP function: a fresh `node` process loads the bundle and answers one real SCF
 * event against the emulator (bench/children/cold-start.ts). The baseline is the same, with a bundle
 * that only builds the SDK's CVM client and calls the same action (bench/baselines/sdk-only-handler.ts),
 * built in this run with the same esbuild options. Runs come in pairs (ours and baseline back to back,
 * alternating which goes first), and the figure is the median of the pairs' ratios of process start →
 * first answer: on a shared machine a neighbour's burst then slows both halves of a pair, not one side.
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
  /** Median of the per-pair ratios ours/baseline. */
  readonly timeRatio: number;
  readonly oursLoadMs: number;
  readonly baselineLoadMs: number;
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

async function measureFunction(context: BenchContext, functionName: string, probe: ColdStartProbe, endpoint: string): Promise<FunctionFigures> {
  const { artifacts } = context;
  const cvm = createBenchCvmClients(endpoint, DEMO_KEY_PAIR);
  const pairs: { readonly ours: ColdStartResult; readonly baseline: ColdStartResult }[] = [];
  let action = '';

  async function runOurs(): Promise<ColdStartResult> {
    const probeCall = await probe(cvm);
    action = probeCall.action;
    const env = { CVM_ENDPOINT: endpoint, LOG_LEVEL: 'info' };
    return coldRun(context, artifacts.coldStartChild, artifacts.functionBundle(functionName), functionName, env, apiGatewayEvent(probeCall.call));
  }

  async function runBaseline(): Promise<ColdStartResult> {
    const probeCall = await probe(cvm);
    const env = { CVM_ENDPOINT: endpoint, BASELINE_ACTION: probeCall.action, BASELINE_PARAMS: JSON.stringify(probeCall.baselineParams) };
    return coldRun(context, artifacts.coldStartChild, artifacts.baselineBundle, functionName, env, apiGatewayEvent(probeCall.call));
  }

  try {
    for (let run = 0; run <= RUNS; run += 1) {
      // Alternate which side goes first, so that neither always runs on the warmer machine.
      const oursFirst = run % 2 === 0;
      const first = oursFirst ? await runOurs() : await runBaseline();
      const second = oursFirst ? await runBaseline() : await runOurs();
      // Run 0 only warms the disk cache and the emulator.
      if (run === 0) continue;
      pairs.push(oursFirst ? { ours: first, baseline: second } : { ours: second, baseline: first });
    }
  } finally {
    cvm.close();
  }
  const ours = pairs.map((pair) => pair.ours);
  const baseline = pairs.map((pair) => pair.baseline);
  const oursMs = median(ours.map((result) => result.totalMs));
  const baselineMs = median(baseline.map((result) => result.totalMs));
  const oursBytes = fileBytes(artifacts.functionBundle(functionName));
  const baselineBytes = fileBytes(artifacts.baselineBundle);
  return {
    functionName,
    action,
    oursMs,
    baselineMs,
    timeRatio: median(pairs.map((pair) => ratio(pair.ours.totalMs, pair.baseline.totalMs))),
    oursLoadMs: median(ours.map((result) => result.loadMs)),
    baselineLoadMs: median(baseline.map((result) => result.loadMs)),
    oursFirstCallMs: median(ours.map((result) => result.firstCallMs)),
    baselineFirstCallMs: median(baseline.map((result) => result.firstCallMs)),
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
      context.progress(`cold start: ${route.functionName} (${RUNS} runs per side)`);
      measured.push(await measureFunction(context, route.functionName, probe, emulator.endpoint));
    }
  } finally {
    await emulator.close();
  }
  return {
    name: 'cold-start',
    title: 'Cold start per function: fresh process → load bundle → first answer (median)',
    method: `${RUNS} pairs of fresh processes per function (ours and baseline back to back); ratio = median of the pairs' ratios; baseline = SDK CVM client + the same action, built in this run with the same esbuild options.`,
    table: {
      columns: ['function', 'action', 'ours ms', 'baseline ms', 'ratio', 'ours KiB', 'baseline KiB', 'size ratio'],
      rows: measured.map((figures) => [
        figures.functionName,
        figures.action,
        figures.oursMs.toFixed(1),
        figures.baselineMs.toFixed(1),
        figures.timeRatio.toFixed(3),
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
        oursLoadMs: rounded(figures.oursLoadMs, 1),
        baselineLoadMs: rounded(figures.baselineLoadMs, 1),
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
