/**
 * `npm run bench -- --load`: 50 concurrent clients for 30 s against the harness and the emulator, each
 * cycling through every route (the four reads, the instance list, stop/start/reboot of its own
 * instance, a create and the terminate of what it created), all with `Authorization: Basic`. Every
 * answer must be a 200: anything else (or a function error line) is an unexpected error. The harness
 * runs in this process so that its memory can be sampled every second; the emulator runs in its own
 * (bench/children/emulator.ts), so its work is not on the measured event loop. The response cache is
 * off, so every request reaches the emulator. The functions' log lines are captured while the load
 * runs (stdout holds the report) and counted by level.
 *
 * `runMixedLoad` is the load itself, usable without the runner (test/hardening/load-smoke.test.ts).
 */
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { startHarness } from '../local/harness/server';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../local/emulator/accounts';
import { startChild } from './child-process';
import type { BenchContext, BenchScenario, ScenarioResult } from './scenario';
import { median, percentile, rounded } from './statistics';
import { atMost } from './targets';

export interface MixedLoadOptions {
  readonly clients: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** The CVM emulator the functions call, e.g. `http://127.0.0.1:40123`. */
  readonly emulatorEndpoint: string;
  /** dist/functions and serverless.yml of the repository. */
  readonly functionsDir: string;
  readonly serviceConfigPath: string;
  readonly sampleEveryMs?: number;
}

export interface RouteLoadFigures {
  readonly step: string;
  readonly answered: number;
  readonly unexpected: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface MemorySample {
  readonly atMs: number;
  readonly heapUsedMb: number;
  readonly rssMb: number;
}

export interface MixedLoadFigures {
  readonly clients: number;
  readonly durationMs: number;
  /** Answers within the measured window. */
  readonly answered: number;
  readonly requestsPerSecond: number;
  /** Answers other than 200 (or transport failures) within the window, by `step status`. */
  readonly unexpected: Readonly<Record<string, number>>;
  readonly unexpectedTotal: number;
  /** The functions' own log lines at error level during the whole run. */
  readonly functionErrorLines: number;
  readonly steps: readonly RouteLoadFigures[];
  readonly memory: {
    readonly samples: readonly MemorySample[];
    /** Median heap of the window's first five samples and of its last five, MiB. */
    readonly heapFirstMb: number;
    readonly heapLastMb: number;
    /** heapLastMb / heapFirstMb. */
    readonly heapGrowth: number;
    readonly rssPeakMb: number;
  };
}

interface StepRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly body?: Readonly<Record<string, unknown>>;
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** What one client holds between steps: its own instance, and the one it created this cycle. */
interface ClientState {
  readonly clientId: number;
  ownInstanceId: string;
  createdInstanceId: string;
  cycle: number;
}

const REGION = 'ap-guangzhou';
/** CentOS 7.4 and an S5 type sold in ap-guangzhou-3 in the emulator's catalogue. */
const CREATE_BODY = { region: REGION, zone: 'ap-guangzhou-3', imageId: 'img-8toqc6s3', instanceType: 'S5.MEDIUM4', systemDisk: { diskSize: 50 } };
const AUTHORIZATION = `Basic ${Buffer.from(`${DEMO_SECRET_ID}:${DEMO_SECRET_KEY}`).toString('base64')}`;

const STEPS: readonly { readonly name: string; readonly build: (state: ClientState) => StepRequest }[] = [
  { name: 'GET /api/regions', build: () => ({ method: 'GET', path: '/api/regions' }) },
  { name: 'GET /api/zones', build: () => ({ method: 'GET', path: `/api/zones?region=${REGION}` }) },
  { name: 'GET /api/images', build: () => ({ method: 'GET', path: `/api/images?region=${REGION}&limit=20` }) },
  { name: 'GET /api/instance-types', build: () => ({ method: 'GET', path: `/api/instance-types?region=${REGION}` }) },
  { name: 'GET /api/instances', build: (state) => ({ method: 'GET', path: `/api/instances?region=${REGION}&instanceIds=${state.ownInstanceId}` }) },
  { name: 'PUT /api/instances/stop', build: (state) => ({ method: 'PUT', path: '/api/instances/stop', body: { region: REGION, instanceIds: [state.ownInstanceId] } }) },
  { name: 'PUT /api/instances/start', build: (state) => ({ method: 'PUT', path: '/api/instances/start', body: { region: REGION, instanceIds: [state.ownInstanceId] } }) },
  { name: 'PUT /api/instances/reboot', build: (state) => ({ method: 'PUT', path: '/api/instances/reboot', body: { region: REGION, instanceIds: [state.ownInstanceId] } }) },
  { name: 'POST /api/instances', build: () => ({ method: 'POST', path: '/api/instances', body: CREATE_BODY }) },
  {
    name: 'PUT /api/instances/terminate',
    build: (state) => ({ method: 'PUT', path: '/api/instances/terminate', body: { region: REGION, instanceIds: [state.createdInstanceId] } }),
  },
];

function send(baseUrl: string, agent: Agent, step: StepRequest, idempotencyKey: string): Promise<Answer> {
  const body = step.body === undefined ? undefined : JSON.stringify(step.body);
  const headers: Record<string, string> = { Authorization: AUTHORIZATION, 'Idempotency-Key': idempotencyKey };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return new Promise((resolve) => {
    const request = httpRequest(`${baseUrl}${step.path}`, { method: step.method, agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.once('error', () => resolve({ status: 0, body: '' }));
    });
    request.once('error', () => resolve({ status: 0, body: '' }));
    request.end(body);
  });
}

function createdIdOf(answer: Answer): string {
  const parsed: unknown = JSON.parse(answer.body);
  const ids = typeof parsed === 'object' && parsed !== null && 'instanceIds' in parsed ? parsed.instanceIds : undefined;
  const first: unknown = Array.isArray(ids) ? ids[0] : undefined;
  if (typeof first !== 'string') throw new Error(`a create answered without an instance id: ${answer.body.slice(0, 200)}`);
  return first;
}

/** Counts the functions' log lines by level while the load runs; they would otherwise mix with the report. */
function captureFunctionLog(): { errorLines(): number; restore(): void } {
  const original = process.stdout.write;
  let errors = 0;
  const capture = (chunk: string | Uint8Array): boolean => {
    if (String(chunk).includes('"level":"error"')) errors += 1;
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  return {
    errorLines: () => errors,
    restore: () => {
      process.stdout.write = original;
    },
  };
}

function megabytes(bytes: number): number {
  return bytes / (1024 * 1024);
}

async function setImmediateLifecycle(emulatorEndpoint: string): Promise<void> {
  const response = await fetch(`${emulatorEndpoint}/_emulator/lifecycle`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ transitionMs: 0, terminatedRetentionMs: 0 }),
  });
  if (!response.ok) throw new Error(`the emulator refused the lifecycle timing: ${response.status}`);
}

/**
 * @example
 * const figures = await runMixedLoad({ clients: 50, warmupMs: 3000, durationMs: 30_000, emulatorEndpoint, functionsDir, serviceConfigPath });
 */
async function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadFigures> {
  // Instances reach their states at once, so every client's stop → start → reboot cycle is valid.
  await setImmediateLifecycle(options.emulatorEndpoint);
  const log = captureFunctionLog();
  const harness = await startHarness({
    port: 0,
    functionsDir: options.functionsDir,
    serviceConfigPath: options.serviceConfigPath,
    env: { CVM_ENDPOINT: options.emulatorEndpoint, CACHE_ENABLED: 'false', LOG_LEVEL: 'warn' },
    log: () => undefined,
  });
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const latencies = new Map<string, number[]>(STEPS.map((step) => [step.name, []]));
  const unexpected: Record<string, number> = {};
  const samples: MemorySample[] = [];
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;
  const sampler = setInterval(() => {
    const now = performance.now();
    if (now < measureFrom || now > end) return;
    const usage = process.memoryUsage();
    samples.push({ atMs: Math.round(now - measureFrom), heapUsedMb: rounded(megabytes(usage.heapUsed), 1), rssMb: rounded(megabytes(usage.rss), 1) });
  }, options.sampleEveryMs ?? 1000);

  async function client(clientId: number): Promise<void> {
    const setup = await send(harness.url, agent, { method: 'POST', path: '/api/instances', body: CREATE_BODY }, `load-${clientId}-own`);
    const state: ClientState = { clientId, ownInstanceId: createdIdOf(setup), createdInstanceId: '', cycle: 0 };
    while (performance.now() < end) {
      for (const step of STEPS) {
        const sent = performance.now();
        const answer = await send(harness.url, agent, step.build(state), `load-${clientId}-${state.cycle}`);
        const answered = performance.now();
        if (answer.status === 200 && step.name === 'POST /api/instances') state.createdInstanceId = createdIdOf(answer);
        if (sent < measureFrom || answered > end) continue;
        if (answer.status === 200) latencies.get(step.name)?.push(answered - sent);
        else unexpected[`${step.name} ${answer.status}`] = (unexpected[`${step.name} ${answer.status}`] ?? 0) + 1;
      }
      state.cycle += 1;
    }
  }

  try {
    await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  } finally {
    clearInterval(sampler);
    agent.destroy();
    await harness.close();
    log.restore();
  }

  const steps = STEPS.map((step) => {
    const times = latencies.get(step.name) ?? [];
    const failures = Object.entries(unexpected).filter(([key]) => key.startsWith(`${step.name} `)).reduce((sum, [, count]) => sum + count, 0);
    return {
      step: step.name,
      answered: times.length + failures,
      unexpected: failures,
      p50Ms: times.length === 0 ? 0 : rounded(percentile(times, 50), 2),
      p99Ms: times.length === 0 ? 0 : rounded(percentile(times, 99), 2),
    };
  });
  const answered = steps.reduce((sum, step) => sum + step.answered, 0);
  const unexpectedTotal = Object.values(unexpected).reduce((sum, count) => sum + count, 0);
  const heapFirstMb = median(samples.slice(0, 5).map((sample) => sample.heapUsedMb));
  const heapLastMb = median(samples.slice(-5).map((sample) => sample.heapUsedMb));
  return {
    clients: options.clients,
    durationMs: options.durationMs,
    answered,
    requestsPerSecond: rounded((answered * 1000) / options.durationMs, 1),
    unexpected,
    unexpectedTotal,
    functionErrorLines: log.errorLines(),
    steps,
    memory: {
      samples,
      heapFirstMb,
      heapLastMb,
      heapGrowth: rounded(heapLastMb / heapFirstMb, 3),
      rssPeakMb: Math.max(...samples.map((sample) => sample.rssMb)),
    },
  };
}

const CLIENTS = 50;
const WARMUP_MS = 3000;
const DURATION_MS = 30_000;
/** Garbage collection makes the heap saw-tooth; a leak under this load would grow well past this. */
const MAX_HEAP_GROWTH = 1.5;

function endpointOf(ready: unknown): string {
  if (typeof ready === 'object' && ready !== null && 'endpoint' in ready && typeof ready.endpoint === 'string') return ready.endpoint;
  throw new Error('the emulator child did not report its endpoint');
}

async function runLoadScenario(context: BenchContext): Promise<ScenarioResult> {
  const emulator = await startChild(context.artifacts.emulatorChild, { cwd: context.repoRoot });
  let figures: MixedLoadFigures;
  try {
    context.progress(`load: ${CLIENTS} clients, every route, ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up`);
    figures = await runMixedLoad({
      clients: CLIENTS,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      emulatorEndpoint: endpointOf(emulator.ready),
      functionsDir: join(context.repoRoot, 'dist', 'functions'),
      serviceConfigPath: join(context.repoRoot, 'serverless.yml'),
    });
  } finally {
    await emulator.stop();
  }
  return {
    name: 'load',
    title: `Load: ${CLIENTS} concurrent clients for ${DURATION_MS / 1000} s, every route, through the harness to the emulator`,
    method: `Closed loop, each client cycling reads, stop/start/reboot of its own instance, a create and its terminate (lifecycle immediate, cache off, rate limits off); harness in the runner's process, memory sampled every second; emulator in its own process.`,
    table: {
      columns: ['step', 'answered', 'unexpected', 'p50 ms', 'p99 ms'],
      rows: [
        ...figures.steps.map((step) => [step.step, String(step.answered), String(step.unexpected), step.p50Ms.toFixed(2), step.p99Ms.toFixed(2)]),
        ['all', String(figures.answered), String(figures.unexpectedTotal), `${figures.requestsPerSecond.toFixed(1)} req/s`, ''],
        ['heap MiB first/last 5 s', `${figures.memory.heapFirstMb}/${figures.memory.heapLastMb}`, '', `growth ${figures.memory.heapGrowth}`, `RSS peak ${figures.memory.rssPeakMb}`],
      ],
    },
    figures: { ...figures },
    targets: [
      atMost('load unexpected answers (non-200)', figures.unexpectedTotal, 0),
      atMost('load function error log lines', figures.functionErrorLines, 0),
      atMost('load heap growth (last 5 s / first 5 s)', figures.memory.heapGrowth, MAX_HEAP_GROWTH),
    ],
  };
}

export const loadScenario: BenchScenario = { name: 'load', run: runLoadScenario };

export { runMixedLoad };
