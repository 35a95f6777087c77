/**
 * `npm run emulator`: the offline Tencent Cloud CVM emulator as a standalone server.
 *
 * Environment:
 *   CVM_EMULATOR_HOST         listen address (default 127.0.0.1)
 *   CVM_EMULATOR_PORT         listen port (default 8002)
 *   CVM_EMULATOR_CREDENTIALS  key pairs, `secretId:secretKey[:token][@accountId]`, comma-separated
 *                             (default: the demo pair printed at start)
 *   CVM_EMULATOR_RATE_LIMITS  `off` disables the per-action rate limits (default on)
 *
 * Stops cleanly (exit 0) on SIGINT or SIGTERM.
 */
import { CredentialsConfigError, DEMO_SECRET_ID, DEMO_SECRET_KEY, parseCredentials } from './accounts';
import { DEFAULT_EMULATOR_HOST, DEFAULT_EMULATOR_PORT, startEmulator } from './server';

class StartupConfigError extends Error {}

function readPort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') {
    return DEFAULT_EMULATOR_PORT;
  }
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port < 0 || port > 65_535) {
    throw new StartupConfigError(`CVM_EMULATOR_PORT must be an integer from 0 to 65535 (got "${value}").`);
  }
  return port;
}

function readRateLimits(value: string | undefined): boolean {
  const normalized = (value ?? '').trim().toLowerCase();
  if (normalized === '' || normalized === 'on') {
    return true;
  }
  if (normalized === 'off') {
    return false;
  }
  throw new StartupConfigError(`CVM_EMULATOR_RATE_LIMITS must be "on" or "off" (got "${value}").`);
}

function banner(endpoint: string, port: number, credentials: string | undefined, rateLimits: boolean): string {
  const accounts = parseCredentials(credentials);
  const usesDemoPair = accounts.findKeyPair(DEMO_SECRET_ID)?.secretKey === DEMO_SECRET_KEY;
  const keyLines = usesDemoPair
    ? [`  SecretId  ${DEMO_SECRET_ID}`, `  SecretKey ${DEMO_SECRET_KEY}   (demo pair, account ${accounts.findKeyPair(DEMO_SECRET_ID)?.accountId ?? ''})`]
    : [];
  const others = accounts.keyPairs.filter((pair) => pair.secretId !== DEMO_SECRET_ID);
  const otherLines = others.map(
    (pair) => `  SecretId  ${pair.secretId}   (account ${pair.accountId}${pair.token === undefined ? '' : ', temporary'})`,
  );
  return [
    `CVM emulator listening on ${endpoint}`,
    `  control API   ${endpoint}/_emulator/   (reset, counters, lifecycle, faults, rate-limits, catalogue)`,
    `  rate limits   ${rateLimits ? 'on (reference defaults)' : 'off'}`,
    'Key pairs:',
    ...keyLines,
    ...otherLines,
    'SDK client:',
    `  new Client({ credential: { secretId, secretKey }, region: 'ap-guangzhou',`,
    `    profile: { httpProfile: { endpoint: '127.0.0.1:${port}', protocol: 'http://', agent: new http.Agent({ keepAlive: true }) } } })`,
    'Functions and the harness: CVM_ENDPOINT=' + endpoint,
    'Ctrl-C to stop.',
  ].join('\n');
}

async function main(): Promise<void> {
  const host = process.env.CVM_EMULATOR_HOST?.trim() || DEFAULT_EMULATOR_HOST;
  const port = readPort(process.env.CVM_EMULATOR_PORT);
  const credentials = process.env.CVM_EMULATOR_CREDENTIALS;
  const rateLimits = readRateLimits(process.env.CVM_EMULATOR_RATE_LIMITS);
  const emulator = await startEmulator({ host, port, credentials, rateLimits });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    process.stdout.write(`\n${signal} received, stopping the emulator.\n`);
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Printed only once the handlers are in place: whoever waits for the banner may signal at once.
  process.stdout.write(`${banner(emulator.endpoint, emulator.port, credentials, rateLimits)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof CredentialsConfigError || error instanceof StartupConfigError) {
    process.stderr.write(`cvm-emulator: ${error.message}\n`);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    process.stderr.write(`cvm-emulator: the port is already in use (set CVM_EMULATOR_PORT to another one).\n`);
  } else {
    process.stderr.write(`cvm-emulator: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
