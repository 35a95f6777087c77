/**
 * Strict readers of environment variables, shared by every settings module (lib/config.ts, the cache's
 * settings, the inventory's settings). A value that cannot be understood is a deployment error,
 * reported as a `ConfigurationError` naming the variable, never silently replaced by a default; an
 * unset or blank variable takes the default.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

/** A variable holds a value the function cannot work with. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';

  constructor(readonly variable: string, expectation: string) {
    super(`Environment variable ${variable} must be ${expectation}.`);
  }
}

/**
 * @example
 * readBoolean({ CACHE_ENABLED: 'no' }, 'CACHE_ENABLED', true) // false
 */
function readBoolean(env: Environment, variable: string, fallback: boolean): boolean {
  const raw = env[variable]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigurationError(variable, 'true or false');
}

/**
 * @example
 * readInteger({ INVENTORY_CONCURRENCY: '8' }, 'INVENTORY_CONCURRENCY', 20, 1, 32) // 8
 */
function readInteger(env: Environment, variable: string, fallback: number, min: number, max: number): number {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigurationError(variable, `a whole number from ${min} to ${max}`);
  }
  return value;
}

export { readBoolean, readInteger };
