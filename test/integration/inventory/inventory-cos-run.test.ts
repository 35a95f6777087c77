import type { InventoryDiff } from '../../../functions/inventory/diff';
import { parseStoredSnapshot } from '../../../functions/inventory/snapshot';
import { createCosStore } from '../../../functions/inventory/stores/cos-store';
import type { InventoryStore } from '../../../functions/inventory/stores/inventory-store';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { invokeInventory, timerEvent } from './invoke-inventory';

const ROLE = {
  secretId: 'AKIDinventorycosrole0000000000000000',
  secretKey: 'InventoryCosRoleSecretKeyInvento',
  token: 'inventory-cos-role-session-token',
};
const BUCKET = 'inventory-1250000000';
const REGION = 'ap-guangzhou';

describe('inventory function with the COS store', () => {
  let emulator: TestEmulator;
  let reader: InventoryStore;

  const env = () => ({
    CVM_ENDPOINT: emulator.endpoint,
    TENCENTCLOUD_SECRETID: ROLE.secretId,
    TENCENTCLOUD_SECRETKEY: ROLE.secretKey,
    TENCENTCLOUD_SESSIONTOKEN: ROLE.token,
    INVENTORY_STORE: 'cos',
    INVENTORY_COS_BUCKET: BUCKET,
    INVENTORY_COS_REGION: REGION,
    INVENTORY_COS_ENDPOINT: `127.0.0.1:${emulator.port}`,
  });

  beforeAll(async () => {
    emulator = await startTestEmulator({ credentials: `${ROLE.secretId}:${ROLE.secretKey}:${ROLE.token}@100000000077` });
    reader = createCosStore({
      bucket: BUCKET,
      region: REGION,
      prefix: 'inventory/',
      credentials: ROLE,
      endpoint: `127.0.0.1:${emulator.port}`,
      timeoutMs: 5000,
    });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('writes the snapshot and diff to the bucket once per firing, signed with the role keys', async () => {
    const first = await invokeInventory(env(), timerEvent('2024-06-01T00:00:00Z'));
    expect(first.result).toMatchObject({
      outcome: 'recorded',
      snapshot: `cos://${BUCKET}/inventory/snapshots/20240601T000000Z-inventory.json`,
      diff: `cos://${BUCKET}/inventory/diffs/20240601T000000Z-inventory.json`,
    });
    const stored = parseStoredSnapshot((await reader.read('snapshots/20240601T000000Z-inventory.json')) ?? Buffer.alloc(0));
    expect(Object.keys(stored?.regions ?? {})).toHaveLength(first.result?.regions?.total ?? -1);

    await emulator.control.setRateLimits({});
    await emulator.control.changeCatalogue({ kind: 'addInstanceType', region: 'ap-chengdu', zone: 'ap-chengdu-1', instanceType: 'SA5.MEDIUM2' });
    const second = await invokeInventory(env(), timerEvent('2024-06-01T00:30:00Z'));
    const diff = JSON.parse((await reader.read('diffs/20240601T003000Z-inventory.json'))?.toString('utf8') ?? '{}') as InventoryDiff;
    expect(second.result?.outcome).toBe('recorded');
    expect(diff.instanceTypes).toEqual({ added: [{ region: 'ap-chengdu', zone: 'ap-chengdu-1', instanceType: 'SA5.MEDIUM2' }], removed: [] });
    expect(diff.changeCount).toBe(1);

    const again = await invokeInventory(env(), timerEvent('2024-06-01T00:30:00Z'));
    expect(again.result?.outcome).toBe('alreadyRecorded');
    expect(await reader.list('snapshots/')).toEqual([
      'snapshots/20240601T000000Z-inventory.json',
      'snapshots/20240601T003000Z-inventory.json',
    ]);
  });
});
