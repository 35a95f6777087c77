import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { createCosStore } from '../../../functions/inventory/stores/cos-store';
import { InventoryStoreError, type InventoryStore } from '../../../functions/inventory/stores/inventory-store';
import { startEmulator, type RunningEmulator } from '../../../local/emulator/server';

const ROLE = { secretId: 'AKIDinventoryrole00000000000000000000', secretKey: 'InventoryRoleSecretKeyInventory0', token: 'role-session-token' };
const CREDENTIALS = `${ROLE.secretId}:${ROLE.secretKey}:${ROLE.token}@100000000042`;
const BUCKET = 'inventory-1250000000';
const REGION = 'ap-guangzhou';

/** Reads an object straight off the emulator's COS endpoint, as a second witness of what the store wrote. */
function rawObjectStatus(port: number, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { hostname: '127.0.0.1', port, path: `/${key}`, method: 'HEAD', headers: { host: `${BUCKET}.cos.${REGION}.myqcloud.com` } },
      (incoming) => {
        incoming.resume();
        resolve(incoming.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('createCosStore against the emulator COS endpoint', () => {
  let emulator: RunningEmulator;
  let store: InventoryStore;

  const storeWith = (credentials: typeof ROLE): InventoryStore =>
    createCosStore({
      bucket: BUCKET,
      region: REGION,
      prefix: 'inventory/',
      credentials,
      endpoint: `127.0.0.1:${emulator.port}`,
      timeoutMs: 5000,
    });

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, credentials: CREDENTIALS });
    store = storeWith(ROLE);
  });

  afterEach(async () => {
    await emulator.close();
  });

  it('writes, reads back and lists under its prefix, signed with the role keys and session token', async () => {
    const body = Buffer.from('{"runId":"r1"}\n');
    await expect(store.writeOnce('snapshots/r1.json', body)).resolves.toBe('written');
    await store.writeOnce('snapshots/r0.json', Buffer.from('{}'));
    await store.writeOnce('diffs/r1.json', Buffer.from('{}'));
    expect((await store.read('snapshots/r1.json'))?.equals(body)).toBe(true);
    expect(await store.list('snapshots/')).toEqual(['snapshots/r0.json', 'snapshots/r1.json']);
    expect(await store.exists('diffs/r1.json')).toBe(true);
    expect(await store.exists('diffs/r0.json')).toBe(false);
    expect(await store.read('diffs/r0.json')).toBeUndefined();
    expect(store.locate('snapshots/r1.json')).toBe(`cos://${BUCKET}/inventory/snapshots/r1.json`);
  });

  it('answers the forbid-overwrite 409 by comparing ETags: same bytes alreadyStored, other bytes conflict', async () => {
    const first = Buffer.from('first');
    await store.writeOnce('snapshots/r1.json', first);
    await expect(store.writeOnce('snapshots/r1.json', Buffer.from('first'))).resolves.toBe('alreadyStored');
    await expect(store.writeOnce('snapshots/r1.json', Buffer.from('second'))).resolves.toBe('conflict');
    const stored = await store.read('snapshots/r1.json');
    expect(stored?.toString()).toBe('first');
    expect(createHash('md5').update(stored ?? Buffer.alloc(0)).digest('hex')).toBe(createHash('md5').update(first).digest('hex'));
  });

  it('lists past one page of 1000 keys by following the marker', async () => {
    const keys = Array.from({ length: 1003 }, (_, index) => `snapshots/k${String(index).padStart(4, '0')}.json`);
    for (const key of keys) {
      await store.writeOnce(key, Buffer.from(key));
    }
    const listed = await store.list('snapshots/');
    expect(listed).toHaveLength(1003);
    expect(listed[1002]).toBe('snapshots/k1002.json');
  }, 60_000);

  it('fails with the real COS code when the signature is wrong, and stores nothing', async () => {
    const forger = storeWith({ ...ROLE, secretKey: 'NotTheRoleSecretKeyNotTheRoleKey' });
    const failure = await forger.writeOnce('snapshots/forged.json', Buffer.from('x')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InventoryStoreError);
    expect(failure).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect((failure as Error).message).not.toContain('NotTheRoleSecretKey');
    expect(await rawObjectStatus(emulator.port, 'inventory/snapshots/forged.json')).toBe(403);
    expect(await store.exists('snapshots/forged.json')).toBe(false);
  });

  it('is refused without the session token of the temporary role keys', async () => {
    const withoutToken = storeWith({ ...ROLE, token: undefined as unknown as string });
    await expect(withoutToken.list('snapshots/')).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
