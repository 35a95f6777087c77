/**
 * Warm overhead: requests per second for GET /api/regions (cache off) through the harness (HTTP →
 * SCF event → the regions bundle → SDK → emulator), against a plain node:http server that calls the
 * SDK directly (bench/baselines/plain-http-server.ts). A third server, the event floor
 * (bench/baselines/event-floor-server.ts), does only what the SCF event model requires (event in,
 * integrated response out, around the same SDK call), which splits the gap into what the event model
 * costs (floor/plain) and what our code adds to it (ours/floor). Same emulator (its own process, rate
 * limits off), same load (closed loop, keep-alive), each server first loaded for a while uncounted,
 * then rounds rotating between the servers; the figure is the median round. Each server also reports
 * its CPU time per request, which is what the ratio comes down to when a server saturates its core.
 */
import { startChild, type BenchChild } from '../child-process';
import type { ProcessUsage } from '../children/protocol';
import { DEMO_KEY_PAIR } from '../events';
import { runLoad, type LoadResult } from '../load-generator';
import type { BenchContext, BenchScenario, ScenarioResult } from '../scenario';
import { median, ratio, rounded } from '../statistics';
import { atLeast } from '../targets';

const CONNECTIONS = 16;
const WARMUP_MS = 1000;
const DURATION_MS = 4000;
/** A multiple of the number of servers: each goes first equally often. */
const ROUNDS = 6;
/**
 * Load on each side before the first counted round, uncounted: a new server's first seconds (JIT, heap
 * growth, the emulator's own warm-up) otherwise land in whichever side's round comes first.
 */
const SETTLE_MS = 2000;
const MIN_RPS_RATIO = 0.9;

interface Round {
  readonly load: LoadResult;
  /** Server CPU time (user + system) per completed request, ms. */
  readonly cpuMsPerRequest: number;
  /** Of which in the kernel (sockets), ms. */
  readonly systemCpuMsPerRequest: number;
}

interface Side {
  readonly name: string;
  readonly server: BenchChild;
  readonly url: string;
  readonly rounds: Round[];
}

function cpuMs(usage: ProcessUsage): number {
  return usage.cpuUserMs + usage.cpuSystemMs;
}

function urlOf(child: BenchChild): string {
  const detail = child.ready;
  if (typeof detail === 'object' && detail !== null && 'url' in detail && typeof detail.url === 'string') return detail.url;
  throw new Error('the server child did not report its URL');
}

function endpointOf(child: BenchChild): string {
  const detail = child.ready;
  if (typeof detail === 'object' && detail !== null && 'endpoint' in detail && typeof detail.endpoint === 'string') return detail.endpoint;
  throw new Error('the emulator child did not report its endpoint');
}

async function measureRound(side: Side): Promise<Round> {
  const before = await side.server.usage();
  const load = await runLoad({ url: side.url, connections: CONNECTIONS, warmupMs: WARMUP_MS, durationMs: DURATION_MS });
  const after = await side.server.usage();
  // CPU over warm-up and window alike, divided by every request answered in both: a per-request cost.
  const answered = load.completed + load.failed + load.warmupCompleted;
  const perRequest = (ms: number): number => (answered === 0 ? 0 : ms / answered);
  return {
    load,
    cpuMsPerRequest: perRequest(cpuMs(after) - cpuMs(before)),
    systemCpuMsPerRequest: perRequest(after.cpuSystemMs - before.cpuSystemMs),
  };
}

function summary(side: Side) {
  const rps = median(side.rounds.map((round) => round.load.requestsPerSecond));
  return {
    requestsPerSecond: rounded(rps, 1),
    roundsRequestsPerSecond: side.rounds.map((round) => rounded(round.load.requestsPerSecond, 1)),
    failed: side.rounds.reduce((sum, round) => sum + round.load.failed, 0),
    latencyP50Ms: rounded(median(side.rounds.map((round) => round.load.latencyMs.p50)), 2),
    latencyP99Ms: rounded(median(side.rounds.map((round) => round.load.latencyMs.p99)), 2),
    serverCpuMsPerRequest: rounded(median(side.rounds.map((round) => round.cpuMsPerRequest)), 3),
    serverSystemCpuMsPerRequest: rounded(median(side.rounds.map((round) => round.systemCpuMsPerRequest)), 3),
  };
}

async function runWarmOverhead(context: BenchContext): Promise<ScenarioResult> {
  const { artifacts, repoRoot } = context;
  const emulator = await startChild(artifacts.emulatorChild, { cwd: repoRoot });
  const children: BenchChild[] = [emulator];
  try {
    const endpoint = endpointOf(emulator);
    const harness = await startChild(artifacts.harnessChild, {
      cwd: repoRoot,
      env: { BENCH_HARNESS_ENV: JSON.stringify({ CVM_ENDPOINT: endpoint, CACHE_ENABLED: 'false' }) },
    });
    children.push(harness);
    const plain = await startChild(artifacts.plainServerBaseline, { cwd: repoRoot, env: { CVM_ENDPOINT: endpoint } });
    children.push(plain);
    const floorServer = await startChild(artifacts.eventFloorServer, { cwd: repoRoot, env: { CVM_ENDPOINT: endpoint } });
    children.push(floorServer);
    const query = new URLSearchParams({ ...DEMO_KEY_PAIR }).toString();
    const ours: Side = { name: 'harness', server: harness, url: `${urlOf(harness)}/api/regions?${query}`, rounds: [] };
    const floor: Side = { name: 'event floor', server: floorServer, url: `${urlOf(floorServer)}/api/regions?${query}`, rounds: [] };
    const baseline: Side = { name: 'plain server', server: plain, url: `${urlOf(plain)}/api/regions?${query}`, rounds: [] };
    const sides = [ours, floor, baseline];
    for (const side of sides) {
      context.progress(`warm overhead: settling ${side.name}`);
      await runLoad({ url: side.url, connections: CONNECTIONS, warmupMs: 0, durationMs: SETTLE_MS });
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      // Each round starts with a different server, so that none always follows the same one.
      for (const side of [...sides.slice(round % sides.length), ...sides.slice(0, round % sides.length)]) {
        context.progress(`warm overhead: round ${round + 1}/${ROUNDS}, ${side.name}`);
        side.rounds.push(await measureRound(side));
      }
    }
    const oursFigures = summary(ours);
    const floorFigures = summary(floor);
    const baselineFigures = summary(baseline);
    const rpsRatio = ratio(oursFigures.requestsPerSecond, baselineFigures.requestsPerSecond);
    const cpuRatio = ratio(oursFigures.serverCpuMsPerRequest, baselineFigures.serverCpuMsPerRequest);
    const floorRpsRatio = ratio(floorFigures.requestsPerSecond, baselineFigures.requestsPerSecond);
    const floorCpuRatio = ratio(floorFigures.serverCpuMsPerRequest, baselineFigures.serverCpuMsPerRequest);
    const oursOverFloorRps = ratio(oursFigures.requestsPerSecond, floorFigures.requestsPerSecond);
    const oursOverFloorCpu = ratio(oursFigures.serverCpuMsPerRequest, floorFigures.serverCpuMsPerRequest);
    const row = (name: string, figures: ReturnType<typeof summary>): string[] => [
      name,
      figures.requestsPerSecond.toFixed(1),
      figures.latencyP50Ms.toFixed(2),
      figures.latencyP99Ms.toFixed(2),
      figures.serverCpuMsPerRequest.toFixed(3),
      String(figures.failed),
    ];
    return {
      name: 'warm-overhead',
      title: 'Warm overhead: GET /api/regions through the harness (cache off) vs a plain node:http server calling the SDK',
      method: `${CONNECTIONS} keep-alive connections, closed loop; each server first loaded ${SETTLE_MS / 1000} s uncounted, then ${ROUNDS} rotating rounds per server of ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up (median round); emulator in its own process, rate limits off. Event floor: HTTP → SCF event → SDK → integrated response, nothing else (bench/baselines/event-floor-server.ts).`,
      table: {
        columns: ['server', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'failed'],
        rows: [
          row('ours (harness)', oursFigures),
          row('event floor', floorFigures),
          row('baseline (plain)', baselineFigures),
          ['ours/baseline', rpsRatio.toFixed(3), '', '', cpuRatio.toFixed(3), ''],
          ['floor/baseline', floorRpsRatio.toFixed(3), '', '', floorCpuRatio.toFixed(3), ''],
          ['ours/floor', oursOverFloorRps.toFixed(3), '', '', oursOverFloorCpu.toFixed(3), ''],
        ],
      },
      figures: {
        connections: CONNECTIONS,
        durationMs: DURATION_MS,
        rounds: ROUNDS,
        settleMs: SETTLE_MS,
        ours: oursFigures,
        eventFloor: floorFigures,
        baseline: baselineFigures,
        rpsRatio: rounded(rpsRatio),
        serverCpuRatio: rounded(cpuRatio),
        eventFloorRpsRatio: rounded(floorRpsRatio),
        eventFloorServerCpuRatio: rounded(floorCpuRatio),
        oursOverEventFloorRpsRatio: rounded(oursOverFloorRps),
        oursOverEventFloorServerCpuRatio: rounded(oursOverFloorCpu),
      },
      targets: [atLeast('GET /api/regions req/s ours/baseline', rpsRatio, MIN_RPS_RATIO)],
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

export const warmOverheadScenario: BenchScenario = { name: 'warm-overhead', run: runWarmOverhead };
