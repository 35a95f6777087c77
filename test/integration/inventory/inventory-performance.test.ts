import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

const BUNDLE = resolve(__dirname, '..', '..', '..', 'dist', 'functions', 'inventory.js');
const ROLE = { secretId: 'AKIDinventoryperf000000000000000000000', secretKey: 'InventoryPerfSecretKeyInventoryP' };
const LATENCY_MS = 50;
const MEMORY_LIMIT_KB = 128 * 1024;

/**
 * Runs the deployed bundle in its own process (as SCF would) and reports its log lines and peak RSS.
 * The peak is the kernel's VmHWM of the process's own memory: `process.resourceUsage().maxRSS` would
 * also count the parent's peak, which Linux carries across fork and exec.
 */
const CHILD = `
const peakRssKb = () => Number(/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]);
const { main_handler } = require(process.env.BUNDLE);
main_handler({ Type: 'Timer', TriggerName: 'perf', Time: '2024-07-01T00:00:00Z', Message: '' }, { request_id: 'perf' })
  .then((result) => process.stdout.write(JSON.stringify({ perf: { result, maxRssKb: peakRssKb() } }) + '\\n'))
  .catch((error) => { process.stdout.write(JSON.stringify({ perf: { error: String(error && error.code) } }) + '\\n'); });
`;

interface UpstreamLine {
  readonly msg: string;
  readonly upstream?: { readonly durationMs: number; readonly outcome: string };
  readonly perf?: { readonly result?: { readonly durationMs: number; readonly regions: { readonly failed: unknown[]; readonly total: number } }; readonly maxRssKb?: number; readonly error?: string };
}

describe('inventory performance with injected latency', () => {
  let emulator: TestEmulator;
  let storeDir: string;

  beforeAll(async () => {
    emulator = await startTestEmulator({ credentials: `${ROLE.secretId}:${ROLE.secretKey}` });
    storeDir = await mkdtemp(join(tmpdir(), 'inventory-perf-'));
  });

  afterAll(async () => {
    await emulator.close();
    await rm(storeDir, { recursive: true, force: true });
  });

  it(`over every region with ${LATENCY_MS} ms per call: at most 1/6 of the sequential time, no throttling, under 128 MB`, async () => {
    expect(existsSync(BUNDLE)).toBe(true);
    await emulator.control.addFault({ action: '*', kind: 'latency', latencyMs: LATENCY_MS });
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', CHILD], {
      env: {
        PATH: process.env.PATH,
        BUNDLE,
        CVM_ENDPOINT: emulator.endpoint,
        TENCENTCLOUD_SECRETID: ROLE.secretId,
        TENCENTCLOUD_SECRETKEY: ROLE.secretKey,
        INVENTORY_STORE: `dir:${storeDir}`,
        LOG_LEVEL: 'debug',
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    const lines = stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as UpstreamLine);
    const perf = lines.find((line) => line.perf !== undefined)?.perf;
    const calls = lines.flatMap((line) => (line.msg === 'upstream call' && line.upstream !== undefined ? [line.upstream] : []));
    const sequentialMs = calls.reduce((sum, call) => sum + call.durationMs, 0);

    expect(perf?.error).toBeUndefined();
    expect(perf?.result?.regions.failed).toEqual([]);
    expect(calls.every((call) => call.outcome === 'ok')).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(1 + 3 * (perf?.result?.regions.total ?? 0));
    expect(sequentialMs).toBeGreaterThanOrEqual(calls.length * LATENCY_MS);
    // The sequential sum as the target defines it: every call's own duration, measured in the same run.
    expect(perf?.result?.durationMs).toBeLessThanOrEqual(sequentialMs / 6);
    expect((await emulator.control.counters()).DescribeZones?.errors.RequestLimitExceeded).toBeUndefined();
    expect(perf?.maxRssKb).toBeLessThan(MEMORY_LIMIT_KB);
  }, 30_000);
});
