import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HARNESS_SECURITY_HEADERS } from '../../../local/harness/error-reply';
import { startHarness, type RunningHarness } from '../../../local/harness/server';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

const REPO = resolve(__dirname, '..', '..', '..');
const ROLE = { secretId: 'AKIDinventorytimerroute0000000000000', secretKey: 'InventoryTimerRouteSecretKeyInve' };

describe('POST /_harness/timers/<function> on the local harness', () => {
  let emulator: TestEmulator;
  let harness: RunningHarness;
  let storeDir: string;

  beforeAll(async () => {
    emulator = await startTestEmulator({ credentials: `${ROLE.secretId}:${ROLE.secretKey}` });
    storeDir = await mkdtemp(join(tmpdir(), 'timer-route-'));
    harness = await startHarness({
      port: 0,
      functionsDir: join(REPO, 'dist', 'functions'),
      serviceConfigPath: join(REPO, 'serverless.yml'),
      openApiPath: join(REPO, 'dist', 'openapi.json'),
      env: {
        CVM_ENDPOINT: emulator.endpoint,
        TENCENTCLOUD_SECRETID: ROLE.secretId,
        TENCENTCLOUD_SECRETKEY: ROLE.secretKey,
        INVENTORY_STORE: `dir:${storeDir}`,
      },
      log: () => undefined,
    });
  });

  afterAll(async () => {
    await harness.close();
    await emulator.close();
    await rm(storeDir, { recursive: true, force: true });
  });

  it('fires the inventory timer now and answers what the function returned', async () => {
    const before = Date.now();
    const response = await fetch(`${harness.url}/_harness/timers/inventory`, { method: 'POST' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      function: string;
      event: { Type: string; TriggerName: string; Time: string; Message: string };
      result: { outcome: string; runId: string; snapshot: string; regions: { ok: number; total: number } };
    };
    expect(body.function).toBe('inventory');
    expect(body.event).toMatchObject({ Type: 'Timer', TriggerName: 'inventory', Message: '' });
    expect(Date.parse(body.event.Time)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(body.result.outcome).toBe('recorded');
    expect(body.result.snapshot.startsWith(join(storeDir, 'snapshots'))).toBe(true);
    expect(body.result.regions.ok).toBe(body.result.regions.total);
    for (const [name, value] of Object.entries(HARNESS_SECURITY_HEADERS)) {
      expect(response.headers.get(name)).toBe(value);
    }
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['GET', '/_harness/timers/inventory', 405],
    ['POST', '/_harness/timers/regions', 404],
  ])('%s %s answers %i', async (method, path, status) => {
    const response = await fetch(`${harness.url}${path}`, { method });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(status === 405 ? 'MethodNotAllowed' : 'NotFound');
  });
});
