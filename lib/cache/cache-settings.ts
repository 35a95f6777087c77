/**
 * The response cache's settings, read from the environment once per container, strict like
 * lib/config.ts: a value that cannot be understood is a `ConfigurationError` naming the variable.
 *
 *   CACHE_ENABLED                     `true` (default) or `false`: off, every answer is `Cache-Control: no-store`
 *   CACHE_MAX_ENTRIES                 answers kept per container (default 500, 1-100000)
 *   CACHE_MAX_MB                      total size of the kept bodies, in MiB of UTF-8 (default 16, 1-1024)
 *   CACHE_TTL_SECONDS_REGIONS         how long an answer stays fresh (default 600; 0 = not cached; max 86400)
 *   CACHE_TTL_SECONDS_ZONES           default 300
 *   CACHE_TTL_SECONDS_IMAGES          default 60 (private images come and go with the account's own actions)
 *   CACHE_TTL_SECONDS_INSTANCE_TYPES  default 300
 */
import { readBoolean, readInteger, type Environment } from '../env-readers';

/** The slow-changing reads whose answers may be kept (docs/api-contract.md "Routes"). */
export type CachedRoute = 'regions' | 'zones' | 'images' | 'instanceTypes';

export interface CacheSettings {
  readonly enabled: boolean;
  readonly maxEntries: number;
  readonly maxBytes: number;
  /** Per route; 0 means that route's answers are never kept. */
  readonly ttlSeconds: Readonly<Record<CachedRoute, number>>;
}

const MEBIBYTE = 1024 * 1024;
const MAX_TTL_SECONDS = 86_400;

const TTL_VARIABLES: Readonly<Record<CachedRoute, readonly [variable: string, fallbackSeconds: number]>> = {
  regions: ['CACHE_TTL_SECONDS_REGIONS', 600],
  zones: ['CACHE_TTL_SECONDS_ZONES', 300],
  images: ['CACHE_TTL_SECONDS_IMAGES', 60],
  instanceTypes: ['CACHE_TTL_SECONDS_INSTANCE_TYPES', 300],
};

/**
 * @example
 * readCacheSettings({ CACHE_TTL_SECONDS_IMAGES: '0' }).ttlSeconds.images // 0
 */
function readCacheSettings(env: Environment): CacheSettings {
  const ttl = (route: CachedRoute): number => {
    const [variable, fallback] = TTL_VARIABLES[route];
    return readInteger(env, variable, fallback, 0, MAX_TTL_SECONDS);
  };
  return {
    enabled: readBoolean(env, 'CACHE_ENABLED', true),
    maxEntries: readInteger(env, 'CACHE_MAX_ENTRIES', 500, 1, 100_000),
    maxBytes: readInteger(env, 'CACHE_MAX_MB', 16, 1, 1024) * MEBIBYTE,
    ttlSeconds: { regions: ttl('regions'), zones: ttl('zones'), images: ttl('images'), instanceTypes: ttl('instanceTypes') },
  };
}

export { readCacheSettings };
