/**
 * The response cache in a warm function instance, for each cached route. Each caller has its own key
 * pair, so its first request is a real miss (an upstream call) in the same warm container, and its
 * repeat within the TTL a hit. The instance first serves uncounted callers (warm-up); then every
 * measured caller's first request runs, back to back, then every repeat. The figure is median miss /
 * median hit, durations measured inside the container around `main_handler`; the emulator's counters,
 * read around the repeats, must show no upstream call at all.
 */
import type { InvokeResult } from '../children/protocol';
import { startBenchEmulator, type BenchEmulator } from '../emulator-control';
import { startFunctionContainer } from '../function-container';
import { apiGatewayEvent, type HttpCall, type KeyPair } from '../events';
import type { BenchContext, BenchScenario, ScenarioResult } from '../scenario';
import { median, ratio, rounded } from '../statistics';
import { atLeast, atMost, type TargetCheck } from '../targets';

/** Measured callers per route (each one miss, later one hit). */
const SAMPLES = 25;
/**
 * Callers served first, uncounted: a warm instance has answered requests before (JIT tiers, sockets),
 * and both paths get the same warm-up.
 */
const WARMUP_CALLERS = 50;
const MIN_SPEEDUP = 10;
const REGION = 'ap-guangzhou';

interface CachedRoute {
  readonly functionName: string;
  readonly action: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

const CACHED_ROUTES: readonly CachedRoute[] = [
  { functionName: 'regions', action: 'DescribeRegions', path: '/api/regions', query: {} },
  { functionName: 'zones', action: 'DescribeZones', path: '/api/zones', query: { region: REGION } },
  { functionName: 'images', action: 'DescribeImages', path: '/api/images', query: { region: REGION } },
  { functionName: 'instance-types', action: 'DescribeInstanceTypeConfigs', path: '/api/instance-types', query: { region: REGION } },
];

interface RouteFigures {
  readonly functionName: string;
  readonly missMs: number;
  readonly hitMs: number;
  readonly speedup: number;
  readonly upstreamCallsOnMisses: number;
  readonly upstreamCallsOnHits: number;
}

function keyPairs(count: number): KeyPair[] {
  return Array.from({ length: count }, (_, index) => ({
    secretId: `AKIDBENCHCACHE${String(index).padStart(6, '0')}`,
    secretKey: `BenchCacheKey${String(index).padStart(6, '0')}`,
  }));
}

function expectOk(result: InvokeResult, what: string): InvokeResult {
  if (result.statusCode !== 200) throw new Error(`${what} answered ${result.statusCode}: ${result.body.slice(0, 200)}`);
  return result;
}

async function invokeEach(pairs: readonly KeyPair[], invoke: (pair: KeyPair) => Promise<InvokeResult>, what: string): Promise<InvokeResult[]> {
  const results: InvokeResult[] = [];
  for (const pair of pairs) results.push(expectOk(await invoke(pair), what));
  return results;
}

async function measureRoute(context: BenchContext, emulator: BenchEmulator, route: CachedRoute, pairs: readonly KeyPair[]): Promise<RouteFigures> {
  const container = await startFunctionContainer(context, {
    functionName: route.functionName,
    env: { CVM_ENDPOINT: emulator.endpoint, LOG_LEVEL: 'info', CACHE_ENABLED: 'true' },
    timeoutMs: 20_000,
  });
  try {
    const invoke = (pair: KeyPair): Promise<InvokeResult> => {
      const call: HttpCall = { method: 'GET', path: route.path, query: { ...pair, ...route.query } };
      return container.invokeHttp(apiGatewayEvent(call));
    };
    const warmup = pairs.slice(0, WARMUP_CALLERS);
    const measured = pairs.slice(WARMUP_CALLERS);
    for (const pair of warmup) {
      expectOk(await invoke(pair), `${route.functionName} warm-up`);
      expectOk(await invoke(pair), `${route.functionName} warm-up`);
    }
    // All first requests, then all repeats: each phase runs back to back under the same conditions,
    // and the counters are read around each phase as a whole.
    const beforeMisses = await emulator.received(route.action);
    const misses = await invokeEach(measured, invoke, `${route.functionName} miss`);
    const beforeHits = await emulator.received(route.action);
    const hits = await invokeEach(measured, invoke, `${route.functionName} hit`);
    const afterHits = await emulator.received(route.action);
    const upstreamCallsOnMisses = beforeHits - beforeMisses;
    const upstreamCallsOnHits = afterHits - beforeHits;
    misses.forEach((miss, index) => {
      if (hits[index]?.body !== miss.body) throw new Error(`${route.functionName}: a repeat answered another body than the first request`);
    });
    const missMs = median(misses.map((result) => result.durationMs));
    const hitMs = median(hits.map((result) => result.durationMs));
    return { functionName: route.functionName, missMs, hitMs, speedup: ratio(missMs, hitMs), upstreamCallsOnMisses, upstreamCallsOnHits };
  } finally {
    await container.stop();
  }
}

function targetsOf(figures: RouteFigures): TargetCheck[] {
  return [
    atMost(`${figures.functionName} upstream calls on cache hits`, figures.upstreamCallsOnHits, 0),
    atLeast(`${figures.functionName} cache hit speed-up (median miss/hit)`, figures.speedup, MIN_SPEEDUP),
  ];
}

async function runCache(context: BenchContext): Promise<ScenarioResult> {
  const pairs = keyPairs(WARMUP_CALLERS + SAMPLES);
  const emulator = await startBenchEmulator({
    rateLimits: false,
    credentials: pairs.map((pair) => `${pair.secretId}:${pair.secretKey}`).join(','),
  });
  const measured: RouteFigures[] = [];
  try {
    for (const route of CACHED_ROUTES) {
      context.progress(`cache: ${route.functionName} (${SAMPLES} callers: first requests, then repeats)`);
      measured.push(await measureRoute(context, emulator, route, pairs));
    }
  } finally {
    await emulator.close();
  }
  return {
    name: 'cache',
    title: 'Cache of the slow-changing reads in a warm instance: first request (miss) vs repeat within the TTL (hit)',
    method: `${SAMPLES} callers per route, each with its own key pair, after ${WARMUP_CALLERS} uncounted ones; median durations measured around main_handler; upstream calls from the emulator's counters.`,
    table: {
      columns: ['function', 'miss ms', 'hit ms', 'speed-up', 'upstream calls (misses)', 'upstream calls (hits)'],
      rows: measured.map((figures) => [
        figures.functionName,
        figures.missMs.toFixed(2),
        figures.hitMs.toFixed(3),
        figures.speedup.toFixed(1),
        String(figures.upstreamCallsOnMisses),
        String(figures.upstreamCallsOnHits),
      ]),
    },
    figures: {
      samplesPerRoute: SAMPLES,
      routes: measured.map((figures) => ({ ...figures, missMs: rounded(figures.missMs), hitMs: rounded(figures.hitMs, 4), speedup: rounded(figures.speedup, 1) })),
    },
    targets: measured.flatMap(targetsOf),
  };
}

export const cacheScenario: BenchScenario = { name: 'cache', run: runCache };
