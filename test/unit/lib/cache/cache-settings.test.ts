import { readCacheSettings } from '../../../../lib/cache/cache-settings';
import { ConfigurationError } from '../../../../lib/env-readers';

describe('readCacheSettings', () => {
  it('keeps answers by default, bounded to 500 entries and 16 MiB, with per-route TTLs', () => {
    expect(readCacheSettings({})).toEqual({
      enabled: true,
      maxEntries: 500,
      maxBytes: 16 * 1024 * 1024,
      ttlSeconds: { regions: 600, zones: 300, images: 60, instanceTypes: 300 },
    });
  });

  it('reads every variable', () => {
    expect(
      readCacheSettings({
        CACHE_ENABLED: 'false',
        CACHE_MAX_ENTRIES: '20',
        CACHE_MAX_MB: '2',
        CACHE_TTL_SECONDS_REGIONS: '1',
        CACHE_TTL_SECONDS_ZONES: '2',
        CACHE_TTL_SECONDS_IMAGES: '0',
        CACHE_TTL_SECONDS_INSTANCE_TYPES: '86400',
      }),
    ).toEqual({ enabled: false, maxEntries: 20, maxBytes: 2 * 1024 * 1024, ttlSeconds: { regions: 1, zones: 2, images: 0, instanceTypes: 86400 } });
  });

  it.each([
    ['CACHE_ENABLED', 'sometimes'],
    ['CACHE_MAX_ENTRIES', '0'],
    ['CACHE_MAX_ENTRIES', '100001'],
    ['CACHE_MAX_MB', '1.5'],
    ['CACHE_TTL_SECONDS_REGIONS', '-1'],
    ['CACHE_TTL_SECONDS_ZONES', '86401'],
    ['CACHE_TTL_SECONDS_IMAGES', 'a minute'],
    ['CACHE_TTL_SECONDS_INSTANCE_TYPES', '1e3'],
  ])('refuses %s=%s with an error naming the variable', (variable, value) => {
    expect(() => readCacheSettings({ [variable]: value })).toThrow(ConfigurationError);
    expect(() => readCacheSettings({ [variable]: value })).toThrow(new RegExp(`^Environment variable ${variable} must be`));
  });
});
