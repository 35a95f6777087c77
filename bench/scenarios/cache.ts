/**
 * The response cache in a warm function instance, for each cached route: the first request of a
 * caller is a miss (upstream call), its repeat within the TTL a hit. Each sample uses its own key
 * pair, so every miss is a real miss in the same warm container. The figure is median miss / median
 * hit (durations measured inside the container, around `main_handler`); the emulator's counters must
 * show no upstream call at all during the hits.
 */
import type { InvokeResult } from '../children/protocol';
import { startBenchEmulator, type BenchEmulator } from '../emulator-control';
import { startFunctionContainer } from '../function-container';
import { apiGatewayEvent, type HttpCall, type KeyPair } from '../events';
import type { BenchContext, BenchScenario, ScenarioResult } from '../scenario';
import { median, ratio, rounded } from '../statistics';
import { atLeast, atMost, type TargetCheck } from '../targets';

/** Key pairs per route; one more warms the container (JIT, first socket) and is not counted. */
const SAMPLES = 25;
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
    const [warmup, ...measured] = pairs;
    if (warmup === undefined) throw new Error('no key pairs');
    expectOk(await invoke(warmup), `${route.functionName} warm-up`);
    const misses: number[] = [];
    const hits: number[] = [];
    let upstreamCallsOnMisses = 0;
    let upstreamCallsOnHits = 0;
    for (const pair of measured) {
      const beforeMiss = await emulator.received(route.action);
      const miss = expectOk(await invoke(pair), `${route.functionName} miss`);
      const beforeHit = await emulator.received(route.action);
      const hit = expectOk(await invoke(pair), `${route.functionName} hit`);
      const afterHit = await emulator.received(route.action);
      if (hit.body !== miss.body) throw new Error(`${route.functionName}: the repeat answered another body than the first request`);
      upstreamCallsOnMisses += beforeHit - beforeMiss;
      upstreamCallsOnHits += afterHit - beforeHit;
      misses.push(miss.durationMs);
      hits.push(hit.durationMs);
    }
    const missMs = median(misses);
    const hitMs = median(hits);
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
  const pairs = keyPairs(SAMPLES + 1);
  const emulator = await startBenchEmulator({
    rateLimits: false,
    credentials: pairs.map((pair) => `${pair.secretId}:${pair.secretKey}`).join(','),
  });
  const measured: RouteFigures[] = [];
  try {
    for (const route of CACHED_ROUTES) {
      context.progress(`cache: ${route.functionName} (${SAMPLES} callers, miss then hit)`);
      measured.push(await measureRoute(context, emulator, route, pairs));
    }
  } finally {
    await emulator.close();
  }
  return {
    name: 'cache',
    title: 'Cache of the slow-changing reads in a warm instance: first request (miss) vs repeat within the TTL (hit)',
    method: `${SAMPLES} callers per route, each with its own key pair; median durations measured around main_handler; upstream calls from the emulator's counters.`,
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
