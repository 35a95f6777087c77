import { mkdtemp, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InventoryDiff } from '../../../functions/inventory/diff';
import type { InventorySnapshot } from '../../../functions/inventory/snapshot';
import { createCvmClient, type CvmTestClient } from '../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { invokeInventory, timerEvent, type InventoryInvocation } from './invoke-inventory';

/** The function role's temporary keys, as SCF injects them (reference §6.6). */
const ROLE = {
  secretId: 'AKIDinventoryrole00000000000000000000',
  secretKey: 'InventoryRoleSecretKeyInventory0',
  token: 'inventory-role-session-token',
};

const FIRST = '2024-05-01T00:00:00Z';
const SECOND = '2024-05-01T00:30:00Z';
const THIRD = '2024-05-01T01:00:00Z';

describe('inventory function against the emulator', () => {
  let emulator: TestEmulator;
  let cvm: CvmTestClient;
  let storeDir: string;

  const env = (overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
    CVM_ENDPOINT: emulator.endpoint,
    TENCENTCLOUD_SECRETID: ROLE.secretId,
    TENCENTCLOUD_SECRETKEY: ROLE.secretKey,
    TENCENTCLOUD_SESSIONTOKEN: ROLE.token,
    INVENTORY_STORE: `dir:${storeDir}`,
    INVENTORY_RETRY_BASE_MS: '5',
    INVENTORY_CONCURRENCY: undefined,
    CVM_REQUEST_TIMEOUT_MS: undefined,
    LOG_LEVEL: undefined,
    ...overrides,
  });

  /**
   * One firing. Real firings are minutes apart; back-to-back runs in a test would otherwise share the
   * emulator's one-second rate windows, so those are emptied first (the limits stay on).
   */
  const run = async (time: string, overrides: Record<string, string | undefined> = {}): Promise<InventoryInvocation> => {
    await emulator.control.setRateLimits({});
    return invokeInventory(env(overrides), timerEvent(time));
  };

  const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

  beforeAll(async () => {
    emulator = await startTestEmulator({ credentials: `${ROLE.secretId}:${ROLE.secretKey}:${ROLE.token}@100000000042` });
    cvm = createCvmClient({ endpoint: emulator.endpoint, ...ROLE });
  });

  afterAll(async () => {
    cvm.close();
    await emulator.close();
  });

  beforeEach(async () => {
    await emulator.control.reset();
    storeDir = await mkdtemp(join(tmpdir(), 'inventory-run-'));
  });

  afterEach(async () => {
    await rm(storeDir, { recursive: true, force: true });
  });

  it('covers every region the emulator knows: its zones, every image of every page and every instance type', async () => {
    const { result, lines } = await run(FIRST);
    expect(result?.outcome).toBe('recorded');
    // Checked with our own SDK calls, after the run's calls have left the one-second rate windows.
    await emulator.control.setRateLimits({});
    const { RegionSet = [] } = await cvm.client.DescribeRegions();
    const snapshot = await readJson<InventorySnapshot>(result?.snapshot ?? '');
    expect(Object.keys(snapshot.regions)).toEqual(RegionSet.map((region) => region.Region ?? '').sort());
    expect(RegionSet.length).toBeGreaterThanOrEqual(19);

    for (const { Region: region = '' } of RegionSet) {
      const regional = createCvmClient({ endpoint: emulator.endpoint, ...ROLE, region });
      const [zones, images, types] = await Promise.all([
        regional.client.DescribeZones(),
        regional.client.DescribeImages({ Limit: 1 }),
        regional.client.DescribeInstanceTypeConfigs({}),
      ]);
      regional.close();
      const recorded = snapshot.regions[region];
      expect(recorded?.status).toBe('ok');
      if (recorded?.status !== 'ok') continue;
      expect(recorded.zones.map((zone) => zone.zone)).toEqual((zones.ZoneSet ?? []).map((zone) => zone.Zone).sort());
      expect(recorded.images).toHaveLength(images.TotalCount ?? -1);
      expect(recorded.instanceTypes).toHaveLength(types.InstanceTypeConfigSet?.length ?? -1);
    }

    expect(snapshot).toMatchObject({ runId: '20240501T000000Z-inventory', trigger: { name: 'inventory', time: FIRST } });
    expect(result?.retries).toBe(0);
    expect(lines.filter((line) => line.msg === 'region inventoried')).toHaveLength(RegionSet.length);
    const summaries = lines.filter((line) => line.msg === 'inventory summary');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({
      level: 'info',
      runId: '20240501T000000Z-inventory',
      outcome: 'recorded',
      regions: { total: RegionSet.length, ok: RegionSet.length, failed: [] },
      snapshot: join(storeDir, 'snapshots', '20240501T000000Z-inventory.json'),
      diff: join(storeDir, 'diffs', '20240501T000000Z-inventory.json'),
    });
    expect(JSON.stringify(lines)).not.toContain(ROLE.secretKey);
    expect(JSON.stringify(lines)).not.toContain(ROLE.token);
  });

  it('fetches every page of a region with more than 100 images', async () => {
    await emulator.control.changeCatalogue({ kind: 'seedPrivateImages', accountId: '100000000042', region: 'ap-tokyo', count: 230 });
    const { result } = await run(FIRST);
    const snapshot = await readJson<InventorySnapshot>(result?.snapshot ?? '');
    const tokyo = snapshot.regions['ap-tokyo'];
    const { TotalCount } = await createCvmClient({ endpoint: emulator.endpoint, ...ROLE, region: 'ap-tokyo' }).client.DescribeImages({ Limit: 1 });
    expect(TotalCount).toBeGreaterThan(200);
    expect(tokyo?.status === 'ok' ? new Set(tokyo.images.map((image) => image.imageId)).size : 0).toBe(TotalCount);
  });

  it('reports exactly the catalogue changes made between two runs, and nothing when nothing changed', async () => {
    expect((await run(FIRST)).result?.changes?.regionsAdded).toBeGreaterThanOrEqual(19);
    await emulator.control.changeCatalogue({ kind: 'addImage', region: 'ap-guangzhou', image: { ImageId: 'img-newimage', OsName: 'TencentOS Server 5' } });
    await emulator.control.changeCatalogue({ kind: 'removeImage', region: 'ap-tokyo', imageId: 'img-eb30mz89' });
    await emulator.control.changeCatalogue({ kind: 'removeInstanceType', region: 'ap-beijing', zone: 'ap-beijing-3', instanceType: 'S5.SMALL1' });
    await emulator.control.changeCatalogue({ kind: 'addZone', region: 'ap-seoul', zone: 'ap-seoul-9', zoneName: 'Seoul Zone 9' });

    const second = await run(SECOND);
    const diff = await readJson<InventoryDiff>(second.result?.diff ?? '');
    expect(diff).toMatchObject({
      runId: '20240501T003000Z-inventory',
      previousRunId: '20240501T000000Z-inventory',
      regions: { added: [], removed: [] },
      zones: { added: [{ region: 'ap-seoul', zone: 'ap-seoul-9', zoneName: 'Seoul Zone 9' }], removed: [] },
      images: {
        added: [{ region: 'ap-guangzhou', imageId: 'img-newimage' }],
        removed: [{ region: 'ap-tokyo', imageId: 'img-eb30mz89' }],
      },
      instanceTypes: { added: [], removed: [{ region: 'ap-beijing', zone: 'ap-beijing-3', instanceType: 'S5.SMALL1' }] },
      notCompared: [],
      changeCount: 4,
    });

    const third = await run(THIRD);
    const unchanged = await readJson<InventoryDiff>(third.result?.diff ?? '');
    expect(unchanged.previousRunId).toBe('20240501T003000Z-inventory');
    expect(unchanged.changeCount).toBe(0);
    expect(third.result?.changes?.total).toBe(0);
  });

  it('records a firing once: the same timer time again writes nothing and calls nothing', async () => {
    const first = await run(FIRST);
    const snapshotBytes = await readFile(first.result?.snapshot ?? '');
    const callsAfterFirst = await emulator.control.counters();

    const again = await run(FIRST);
    expect(again.result).toMatchObject({ outcome: 'alreadyRecorded', runId: first.result?.runId, snapshot: first.result?.snapshot });
    expect(await emulator.control.counters()).toEqual(callsAfterFirst);
    expect(await readdir(join(storeDir, 'snapshots'))).toEqual(['20240501T000000Z-inventory.json']);
    expect((await readFile(first.result?.snapshot ?? '')).equals(snapshotBytes)).toBe(true);
  });

  it('recovers a diff that an interrupted earlier attempt did not write, from the stored snapshot', async () => {
    await run(FIRST);
    await emulator.control.changeCatalogue({ kind: 'removeImage', region: 'ap-guangzhou', imageId: 'img-eb30mz89' });
    const second = await run(SECOND);
    const original = await readFile(second.result?.diff ?? '', 'utf8');
    await unlink(second.result?.diff ?? '');

    const retried = await run(SECOND);
    expect(retried.result?.outcome).toBe('diffRecovered');
    expect(await readFile(second.result?.diff ?? '', 'utf8')).toBe(original);
  });

  it('marks a region whose calls keep failing as failed with its code and saves every other region', async () => {
    await run(FIRST);
    await emulator.control.addFault({ action: 'DescribeImages', region: 'ap-seoul', kind: 'error', code: 'InternalError', message: 'injected' });
    const { result, lines } = await run(SECOND);

    expect(result?.outcome).toBe('recorded');
    expect(result?.regions?.failed).toEqual([{ region: 'ap-seoul', code: 'InternalError' }]);
    const snapshot = await readJson<InventorySnapshot>(result?.snapshot ?? '');
    expect(snapshot.regions['ap-seoul']).toMatchObject({ status: 'failed', error: { code: 'InternalError', action: 'DescribeImages' } });
    const others = Object.entries(snapshot.regions).filter(([region]) => region !== 'ap-seoul');
    expect(others.length).toBeGreaterThanOrEqual(18);
    expect(others.every(([, inventory]) => inventory.status === 'ok')).toBe(true);
    const [fault] = await emulator.control.faults();
    expect(fault?.applied).toBe(4);
    expect(result?.retries).toBe(3);

    const diff = await readJson<InventoryDiff>(result?.diff ?? '');
    expect(diff.notCompared).toEqual([{ region: 'ap-seoul', reason: 'failed in this run' }]);
    expect(diff.changeCount).toBe(0);
    expect(lines.find((line) => line.msg === 'inventory summary')).toMatchObject({ regions: { failed: [{ region: 'ap-seoul', code: 'InternalError' }] } });
  });

  it.each([
    ['HTTP 502 answers', { kind: 'http5xx' as const, times: 2 }],
    ['RequestLimitExceeded', { kind: 'error' as const, code: 'RequestLimitExceeded', times: 2 }],
    ['dropped connections', { kind: 'drop-before' as const, times: 2 }],
    ['truncated answers', { kind: 'truncated' as const, times: 2 }],
  ])('retries %s and then records the region', async (_name, fault) => {
    await emulator.control.addFault({ action: 'DescribeInstanceTypeConfigs', region: 'ap-tokyo', ...fault });
    const { result } = await run(FIRST);
    expect(result?.regions?.failed).toEqual([]);
    expect(result?.retries).toBe(2);
    const snapshot = await readJson<InventorySnapshot>(result?.snapshot ?? '');
    expect(snapshot.regions['ap-tokyo']?.status).toBe('ok');
  });

  it('counts retries against its own rate limit: 19 zone calls plus 2 retries wait for the next window', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', region: 'ap-tokyo', kind: 'http5xx', times: 2 });
    const { result } = await run(FIRST);
    expect(result?.regions?.failed).toEqual([]);
    expect(result?.retries).toBe(2);
    const counters = await emulator.control.counters();
    expect(counters.DescribeZones?.received).toBe((result?.regions?.total ?? 0) + 2);
    expect(counters.DescribeZones?.errors.RequestLimitExceeded).toBeUndefined();
    expect(result?.durationMs).toBeGreaterThanOrEqual(1000);
  });

  it('does not retry a client error: the region fails at once with the upstream code', async () => {
    await emulator.control.addFault({ action: 'DescribeInstanceTypeConfigs', region: 'ap-mumbai', kind: 'error', code: 'UnauthorizedOperation' });
    const { result } = await run(FIRST);
    expect(result?.regions?.failed).toEqual([{ region: 'ap-mumbai', code: 'UnauthorizedOperation' }]);
    expect(result?.retries).toBe(0);
  });

  it('marks a region that does not answer in time as failed with UpstreamTimeout', async () => {
    // Generous against a loaded machine: every other call answers well within the 1 s timeout.
    await emulator.control.addFault({ action: 'DescribeZones', region: 'ap-mumbai', kind: 'latency', latencyMs: 3000 });
    const { result } = await run(FIRST, { CVM_REQUEST_TIMEOUT_MS: '1000', INVENTORY_MAX_RETRIES: '0' });
    expect(result?.regions?.failed).toEqual([{ region: 'ap-mumbai', code: 'UpstreamTimeout' }]);
    expect(result?.regions?.ok).toBe((result?.regions?.total ?? 0) - 1);
  });

  it('writes nothing and fails the invocation when the region list itself cannot be read', async () => {
    await emulator.control.addFault({ action: 'DescribeRegions', kind: 'error', code: 'UnauthorizedOperation' });
    const { result, error, lines } = await run(FIRST);
    expect(result).toBeUndefined();
    expect(error).toMatchObject({ code: 'UnauthorizedOperation' });
    expect(lines.find((line) => line.msg === 'timer invocation failed')).toMatchObject({ level: 'error', code: 'UnauthorizedOperation' });
    expect(await readdir(storeDir)).toEqual([]);
  });

  it('needs the role credentials SCF injects, and refuses a wrong session token', async () => {
    const missing = await run(FIRST, { TENCENTCLOUD_SECRETID: undefined, TENCENTCLOUD_SECRETKEY: undefined });
    expect(missing.error).toMatchObject({ code: 'FunctionRoleCredentialsUnavailable' });
    const wrongToken = await run(FIRST, { TENCENTCLOUD_SESSIONTOKEN: 'not-the-session-token' });
    expect(wrongToken.error).toMatchObject({ code: 'AuthFailure.TokenFailure' });
    expect(JSON.stringify(wrongToken.lines)).not.toContain(ROLE.secretKey);
    expect(await readdir(storeDir)).toEqual([]);
  });

  it('rejects an event that is not a timer event, naming the field', async () => {
    const { error, lines } = await invokeInventory(env(), { Type: 'Timer', TriggerName: 'inventory', Time: 'yesterday' });
    expect(error).toMatchObject({ code: 'InvalidParameter' });
    expect(lines.find((line) => line.msg === 'timer invocation failed')).toMatchObject({ fields: [{ field: 'Time' }] });
  });
});
