/**
 * The inventory over every region, 50 ms of injected latency on every CVM call, the emulator's rate
 * limits on (Tencent's documented per-action limits, reference §4.0). Our run: the inventory bundle in
 * a fresh process with its deployed settings (COS store, here the emulator's COS), fired by a timer
 * event; its wall time is measured around `main_handler` on the instance's second firing (the reference
 * runs in a warm process too), its peak RSS read from the process over both firings. The reference, in
 * the same run: the same Describe calls made one by one with the SDK. Rounds alternate.
 */
import type { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_client';
import { createBenchCvmClients, type BenchCvmClients } from '../cvm-client';
import { startBenchEmulator, type BenchEmulator } from '../emulator-control';
import { inventoryTimerEvent, type KeyPair } from '../events';
import { startFunctionContainer } from '../function-container';
import { isRecord } from '../children/protocol';
import type { BenchContext, BenchScenario, ScenarioResult } from '../scenario';
import { median, ratio, rounded } from '../statistics';
import { atMost, below } from '../targets';

const LATENCY_MS = 50;
const ROUNDS = 2;
const MAX_RATIO = 1 / 6;
/** SCF's smallest memory size above 64 MB (reference §6.7). */
const MEMORY_LIMIT_MB = 128;
/** serverless.yml: the inventory function's timeout. */
const TIMEOUT_MS = 300_000;
const PAGE_SIZE = 100;
/** A role session, as SCF injects it (reference §6.6), on its own emulator account. */
const ROLE = { secretId: 'AKIDBENCHINVENTORYROLE0001', secretKey: 'BenchInventoryRoleKey0001', token: 'bench-inventory-session-token' };
const ROLE_ACCOUNT = '100000000066';
const BUCKET = 'inventory-1250000000';
/** The emulator counts each action's calls over the last second: a pause lets one run's calls age out before the next. */
const RATE_WINDOW_PAUSE_MS = 1100;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface OurRun {
  /** The first invocation of the fresh process (JIT, first sockets): reported, not compared. */
  readonly coldWallMs: number;
  /** The next firing, in the same (now warm) instance, as the one-by-one reference runs warm too. */
  readonly wallMs: number;
  readonly maxRssMb: number;
  readonly regions: number;
  readonly failedRegions: number;
  readonly calls: number;
  readonly retries: number;
}

interface SequentialRun {
  readonly wallMs: number;
  readonly calls: number;
}

function numberAt(value: unknown, ...path: string[]): number {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return typeof current === 'number' ? current : Number.NaN;
}

async function runOurs(context: BenchContext, emulator: BenchEmulator, round: number): Promise<OurRun> {
  const container = await startFunctionContainer(context, {
    functionName: 'inventory',
    timeoutMs: TIMEOUT_MS,
    env: {
      CVM_ENDPOINT: emulator.endpoint,
      LOG_LEVEL: 'info',
      TENCENTCLOUD_SECRETID: ROLE.secretId,
      TENCENTCLOUD_SECRETKEY: ROLE.secretKey,
      TENCENTCLOUD_SESSIONTOKEN: ROLE.token,
      INVENTORY_STORE: 'cos',
      INVENTORY_COS_BUCKET: BUCKET,
      INVENTORY_COS_REGION: 'ap-guangzhou',
      INVENTORY_COS_ENDPOINT: new URL(emulator.endpoint).host,
    },
  });
  try {
    // Different firings: the same firing would find its snapshot and collect nothing.
    const cold = await container.invoke(inventoryTimerEvent(new Date(Date.UTC(2026, 0, 1, round, 0))));
    await pause(RATE_WINDOW_PAUSE_MS);
    const { durationMs, response } = await container.invoke(inventoryTimerEvent(new Date(Date.UTC(2026, 0, 1, round, 30))));
    const failed = isRecord(response) && isRecord(response.regions) && Array.isArray(response.regions.failed) ? response.regions.failed.length : Number.NaN;
    const usage = await container.usage();
    return {
      coldWallMs: cold.durationMs,
      wallMs: durationMs,
      maxRssMb: usage.maxRssMb,
      regions: numberAt(response, 'regions', 'total'),
      failedRegions: failed,
      calls: numberAt(response, 'calls'),
      retries: numberAt(response, 'retries'),
    };
  } finally {
    await container.stop();
  }
}

/** Every page of DescribeImages, one call after the other; returns how many calls it made. */
async function imagesOneByOne(client: Client): Promise<number> {
  const first = await client.DescribeImages({ Offset: 0, Limit: PAGE_SIZE });
  let calls = 1;
  for (let offset = PAGE_SIZE; offset < (first.TotalCount ?? 0); offset += PAGE_SIZE) {
    await client.DescribeImages({ Offset: offset, Limit: PAGE_SIZE });
    calls += 1;
  }
  return calls;
}

async function runSequential(cvm: BenchCvmClients): Promise<SequentialRun> {
  const started = performance.now();
  const regions = (await cvm.forRegion().DescribeRegions()).RegionSet ?? [];
  let calls = 1;
  for (const region of regions) {
    const client = cvm.forRegion(region.Region);
    await client.DescribeZones();
    await client.DescribeInstanceTypeConfigs({});
    calls += 2 + (await imagesOneByOne(client));
  }
  return { wallMs: performance.now() - started, calls };
}

async function runInventory(context: BenchContext): Promise<ScenarioResult> {
  const emulator = await startBenchEmulator({ credentials: `${ROLE.secretId}:${ROLE.secretKey}:${ROLE.token}@${ROLE_ACCOUNT}` });
  const rolePair: KeyPair & { token: string } = ROLE;
  const cvm = createBenchCvmClients(emulator.endpoint, rolePair);
  const ours: OurRun[] = [];
  const sequential: SequentialRun[] = [];
  try {
    await emulator.addFault({ action: '*', kind: 'latency', latencyMs: LATENCY_MS });
    for (let round = 0; round < ROUNDS; round += 1) {
      context.progress(`inventory: round ${round + 1}/${ROUNDS}, our function`);
      await pause(RATE_WINDOW_PAUSE_MS);
      ours.push(await runOurs(context, emulator, round));
      context.progress(`inventory: round ${round + 1}/${ROUNDS}, the same calls one by one`);
      await pause(RATE_WINDOW_PAUSE_MS);
      sequential.push(await runSequential(cvm));
    }
  } finally {
    cvm.close();
    await emulator.close();
  }
  const oursMs = median(ours.map((run) => run.wallMs));
  const sequentialMs = median(sequential.map((run) => run.wallMs));
  const wallRatio = ratio(oursMs, sequentialMs);
  const peakRssMb = Math.max(...ours.map((run) => run.maxRssMb));
  const failedRegions = Math.max(...ours.map((run) => run.failedRegions));
  const last = ours[ours.length - 1];
  const sequentialCalls = sequential[sequential.length - 1]?.calls ?? 0;
  return {
    name: 'inventory',
    title: `Inventory of every region, ${LATENCY_MS} ms injected latency per call, emulator rate limits on`,
    method: `${ROUNDS} alternating rounds (median): our inventory bundle in a fresh process (deployed settings, COS store on the emulator), timed on its second firing (the first, cold, is in the JSON), vs the same Describe calls made one by one with the SDK; peak RSS over both firings.`,
    table: {
      columns: ['run', 'calls', 'wall ms', 'ratio', 'regions failed', 'peak RSS MB'],
      rows: [
        ['ours (parallel, rate-limited)', String(last?.calls ?? ''), oursMs.toFixed(0), wallRatio.toFixed(3), String(failedRegions), peakRssMb.toFixed(1)],
        ['same calls one by one', String(sequentialCalls), sequentialMs.toFixed(0), '1.000', '', ''],
      ],
    },
    figures: {
      latencyMs: LATENCY_MS,
      rounds: ROUNDS,
      regions: last?.regions,
      ours: ours.map((run) => ({ ...run, coldWallMs: rounded(run.coldWallMs, 1), wallMs: rounded(run.wallMs, 1), maxRssMb: rounded(run.maxRssMb, 1) })),
      sequential: sequential.map((run) => ({ ...run, wallMs: rounded(run.wallMs, 1) })),
      oursMs: rounded(oursMs, 1),
      sequentialMs: rounded(sequentialMs, 1),
      ratio: rounded(wallRatio),
      failedRegions,
      peakRssMb: rounded(peakRssMb, 1),
    },
    targets: [
      atMost('inventory wall time / sequential sum', wallRatio, MAX_RATIO),
      atMost('inventory regions failed', failedRegions, 0),
      below('inventory peak RSS MB', peakRssMb, MEMORY_LIMIT_MB),
    ],
  };
}

export const inventoryScenario: BenchScenario = { name: 'inventory', run: runInventory };
