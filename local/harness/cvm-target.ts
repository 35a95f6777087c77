import { DEFAULT_EMULATOR_HOST, DEFAULT_EMULATOR_PORT, startEmulator } from '../emulator/server';
import { PortInUseError } from './listen';
import { readPortSetting } from './port-setting';

/**
 * Where the functions send their CVM calls for a local run: the endpoint in `CVM_ENDPOINT` when it is
 * set (e.g. Tencent's real `https://cvm.tencentcloudapi.com`), otherwise an emulator started in this
 * process on `CVM_EMULATOR_HOST`:`CVM_EMULATOR_PORT` with `CVM_EMULATOR_CREDENTIALS`, the variables
 * `npm run emulator` reads.
 */
export interface CvmTarget {
  /** The value to give the functions as `CVM_ENDPOINT`. */
  readonly endpoint: string;
  /** True when the emulator was started for this run. */
  readonly emulated: boolean;
  close(): Promise<void>;
}

export interface CvmTargetOptions {
  /** Overrides `CVM_EMULATOR_PORT` (`npm run invoke` uses 0 so it never collides with `npm start`). */
  readonly emulatorPort?: number;
  readonly env?: NodeJS.ProcessEnv;
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

function readRateLimits(env: NodeJS.ProcessEnv): boolean {
  const value = (env.CVM_EMULATOR_RATE_LIMITS ?? '').trim().toLowerCase();
  if (value === '' || value === 'on') {
    return true;
  }
  if (value === 'off') {
    return false;
  }
  throw new RangeError(`CVM_EMULATOR_RATE_LIMITS must be "on" or "off", got "${value}"`);
}

async function startCvmTarget(options: CvmTargetOptions = {}): Promise<CvmTarget> {
  const env = options.env ?? process.env;
  const configured = env.CVM_ENDPOINT?.trim();
  if (configured !== undefined && configured !== '') {
    return { endpoint: configured, emulated: false, close: async () => undefined };
  }
  const host = env.CVM_EMULATOR_HOST?.trim() || DEFAULT_EMULATOR_HOST;
  const port = options.emulatorPort ?? readPortSetting('CVM_EMULATOR_PORT', DEFAULT_EMULATOR_PORT, env);
  try {
    const emulator = await startEmulator({
      host,
      port,
      credentials: env.CVM_EMULATOR_CREDENTIALS,
      rateLimits: readRateLimits(env),
    });
    return { endpoint: emulator.endpoint, emulated: true, close: emulator.close };
  } catch (error) {
    throw hasCode(error, 'EADDRINUSE') ? new PortInUseError(host, port, 'CVM_EMULATOR_PORT') : error;
  }
}

export { startCvmTarget };
