import { ConfigurationError } from '../../../../lib/env-readers';
import { readInventorySettings } from '../../../../functions/inventory/settings';

function problemVariable(env: Record<string, string>): string | undefined {
  try {
    readInventorySettings(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.variable;
    throw error;
  }
  return undefined;
}

describe('readInventorySettings', () => {
  it('defaults to the local .inventory directory, 10 regions at a time, 3 retries from 200 ms', () => {
    expect(readInventorySettings({})).toEqual({
      store: { kind: 'dir', path: '.inventory' },
      concurrency: 20,
      maxRetries: 3,
      retryBaseDelayMs: 200,
    });
  });

  it.each([
    [{ INVENTORY_STORE: 'dir:/tmp/inventory' }, { kind: 'dir', path: '/tmp/inventory' }],
    [
      { INVENTORY_STORE: 'cos', INVENTORY_COS_BUCKET: 'inventory-1250000000', INVENTORY_COS_REGION: 'ap-guangzhou' },
      { kind: 'cos', bucket: 'inventory-1250000000', region: 'ap-guangzhou', endpoint: undefined },
    ],
    [
      {
        INVENTORY_STORE: 'cos',
        INVENTORY_COS_BUCKET: 'inventory-1250000000',
        INVENTORY_COS_REGION: 'ap-guangzhou',
        INVENTORY_COS_ENDPOINT: '127.0.0.1:8002',
      },
      { kind: 'cos', bucket: 'inventory-1250000000', region: 'ap-guangzhou', endpoint: '127.0.0.1:8002' },
    ],
  ])('reads the store from %j', (env, store) => {
    expect(readInventorySettings(env).store).toEqual(store);
  });

  it.each([
    [{ INVENTORY_STORE: 's3' }, 'INVENTORY_STORE'],
    [{ INVENTORY_STORE: 'dir:' }, 'INVENTORY_STORE'],
    [{ INVENTORY_STORE: 'cos', INVENTORY_COS_REGION: 'ap-guangzhou' }, 'INVENTORY_COS_BUCKET'],
    [{ INVENTORY_STORE: 'cos', INVENTORY_COS_BUCKET: 'no-appid', INVENTORY_COS_REGION: 'ap-guangzhou' }, 'INVENTORY_COS_BUCKET'],
    [{ INVENTORY_STORE: 'cos', INVENTORY_COS_BUCKET: 'inventory-1250000000' }, 'INVENTORY_COS_REGION'],
    [
      { INVENTORY_STORE: 'cos', INVENTORY_COS_BUCKET: 'inventory-1250000000', INVENTORY_COS_REGION: 'ap-guangzhou', INVENTORY_COS_ENDPOINT: 'http://127.0.0.1:8002' },
      'INVENTORY_COS_ENDPOINT',
    ],
    [{ INVENTORY_CONCURRENCY: '0' }, 'INVENTORY_CONCURRENCY'],
    [{ INVENTORY_CONCURRENCY: '33' }, 'INVENTORY_CONCURRENCY'],
    [{ INVENTORY_MAX_RETRIES: '-1' }, 'INVENTORY_MAX_RETRIES'],
    [{ INVENTORY_RETRY_BASE_MS: 'fast' }, 'INVENTORY_RETRY_BASE_MS'],
  ])('rejects %j, naming %s', (env, variable) => {
    expect(problemVariable(env)).toBe(variable);
  });
});
