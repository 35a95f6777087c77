/** The store the settings name: a directory, or the COS bucket reached with the function role's keys. */
import type { Credentials } from '../../lib/credentials/resolve-credentials';
import type { StoreSettings } from './settings';
import { createCosStore } from './stores/cos-store';
import { createDirectoryStore } from './stores/directory-store';
import type { InventoryStore } from './stores/inventory-store';

/** Everything the function writes to COS sits under this prefix. */
export const COS_KEY_PREFIX = 'inventory/';
const COS_TIMEOUT_MS = 10_000;

export function openInventoryStore(settings: StoreSettings, credentials: Credentials): InventoryStore {
  if (settings.kind === 'dir') return createDirectoryStore(settings.path);
  return createCosStore({
    bucket: settings.bucket,
    region: settings.region,
    prefix: COS_KEY_PREFIX,
    credentials: { secretId: credentials.secretId, secretKey: credentials.secretKey, token: credentials.token },
    endpoint: settings.endpoint,
    timeoutMs: COS_TIMEOUT_MS,
  });
}
