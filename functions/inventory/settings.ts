/**
 * The inventory function's own settings (the CVM endpoint, timeouts and log level come from
 * lib/config.ts). Strict like lib/config: a value that cannot be understood is a `ConfigurationError`
 * naming the variable.
 *
 *   INVENTORY_STORE          `dir:<path>` (default `dir:.inventory`; on SCF only /tmp is writable) or `cos`
 *   INVENTORY_COS_BUCKET     `<name>-<APPID>` (required with `cos`, reference §7a.1)
 *   INVENTORY_COS_REGION     the bucket's region, e.g. `ap-guangzhou` (required with `cos`)
 *   INVENTORY_COS_ENDPOINT   optional `ip:port` to reach instead of COS (the emulator), over plain HTTP
 *   INVENTORY_CONCURRENCY    regions inventoried at the same time (default 20, 1-32)
 *   INVENTORY_MAX_RETRIES    retries per call for throttling, time-outs and 5xx (default 3, 0-10)
 *   INVENTORY_RETRY_BASE_MS  first backoff ceiling in ms, doubled per retry (default 200, 1-10000)
 */
import { ConfigurationError, readInteger, type Environment } from '../../lib/env-readers';

export type StoreSettings =
  | { readonly kind: 'dir'; readonly path: string }
  | { readonly kind: 'cos'; readonly bucket: string; readonly region: string; readonly endpoint: string | undefined };

export interface InventorySettings {
  readonly store: StoreSettings;
  readonly concurrency: number;
  readonly maxRetries: number;
  readonly retryBaseDelayMs: number;
}

export const DEFAULT_STORE_PATH = '.inventory';
/**
 * Every region of today's catalogue (19, reference §5.1) in one wave; still within the lowest
 * documented limit of the calls made once per region (DescribeZones, 20 per second, §4.0).
 */
const DEFAULT_CONCURRENCY = 20;
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_RETRY_BASE_MS = 200;

const BUCKET_PATTERN = /^[a-z\d-]+-\d+$/;
const REGION_PATTERN = /^[a-z\d-]+$/;
const ENDPOINT_PATTERN = /^[A-Za-z\d.-]+:\d{1,5}$/;

function readRequired(env: Environment, variable: string, pattern: RegExp, expectation: string): string {
  const raw = env[variable]?.trim() ?? '';
  if (!pattern.test(raw)) throw new ConfigurationError(variable, expectation);
  return raw;
}

function readStore(env: Environment): StoreSettings {
  const raw = env.INVENTORY_STORE?.trim() || `dir:${DEFAULT_STORE_PATH}`;
  if (raw.startsWith('dir:')) {
    const path = raw.slice('dir:'.length).trim();
    if (path === '') throw new ConfigurationError('INVENTORY_STORE', 'dir:<path> with a non-empty path, or cos');
    return { kind: 'dir', path };
  }
  if (raw !== 'cos') throw new ConfigurationError('INVENTORY_STORE', 'dir:<path> or cos');
  const endpoint = env.INVENTORY_COS_ENDPOINT?.trim() || undefined;
  if (endpoint !== undefined && !ENDPOINT_PATTERN.test(endpoint)) {
    throw new ConfigurationError('INVENTORY_COS_ENDPOINT', 'host:port, such as 127.0.0.1:8002');
  }
  return {
    kind: 'cos',
    bucket: readRequired(env, 'INVENTORY_COS_BUCKET', BUCKET_PATTERN, 'a bucket name with its APPID, such as inventory-1250000000'),
    region: readRequired(env, 'INVENTORY_COS_REGION', REGION_PATTERN, 'a region id such as ap-guangzhou'),
    endpoint,
  };
}

/**
 * @example
 * readInventorySettings({ INVENTORY_STORE: 'cos', INVENTORY_COS_BUCKET: 'inv-1250000000', INVENTORY_COS_REGION: 'ap-guangzhou' }).store
 * // { kind: 'cos', bucket: 'inv-1250000000', region: 'ap-guangzhou', endpoint: undefined }
 */
export function readInventorySettings(env: Environment): InventorySettings {
  return {
    store: readStore(env),
    concurrency: readInteger(env, 'INVENTORY_CONCURRENCY', DEFAULT_CONCURRENCY, 1, 32),
    maxRetries: readInteger(env, 'INVENTORY_MAX_RETRIES', DEFAULT_MAX_RETRIES, 0, 10),
    retryBaseDelayMs: readInteger(env, 'INVENTORY_RETRY_BASE_MS', DEFAULT_RETRY_BASE_MS, 1, 10_000),
  };
}
