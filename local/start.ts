import { DEMO_SECRET_ID, DEMO_SECRET_KEY, parseCredentials } from './emulator/accounts';
import { startCvmTarget } from './harness/cvm-target';
import { printableEndpoint } from './harness/printable-endpoint';
import { readPortSetting } from './harness/port-setting';
import { type RunningHarness, startHarness } from './harness/server';
import { closeOnSignal } from './harness/shutdown';
import { localInventoryEnvironment } from './inventory/local-environment';

/**
 * `npm start`: the whole local stack in one process. Unless `CVM_ENDPOINT` is set, the CVM emulator
 * starts on `CVM_EMULATOR_PORT` (default 8002) and the functions are pointed at it; the harness serves
 * every route on `PORT` (default 8001). Prints how to call it; Ctrl-C or SIGTERM stops both (exit 0).
 * Against the emulator, the inventory function gets what `npm run inventory` gives it (a local store
 * and the emulator's first key pair as its role), so `POST /_harness/timers/inventory` works as is.
 */

const EXAMPLE_REGION = 'ap-guangzhou';

function demoPairAccepted(emulated: boolean): boolean {
  return emulated && parseCredentials(process.env.CVM_EMULATOR_CREDENTIALS).findKeyPair(DEMO_SECRET_ID)?.secretKey === DEMO_SECRET_KEY;
}

/**
 * `ALLOW_QUERY_CREDENTIALS` as the functions read it from the shell (lib/env-readers.ts: false, 0 or no
 * refuses query credentials with a 403); the banner then shows only the Authorization: Basic form.
 */
function queryCredentialsRefused(env: NodeJS.ProcessEnv): boolean {
  return ['false', '0', 'no'].includes(env.ALLOW_QUERY_CREDENTIALS?.trim().toLowerCase() ?? '');
}

const READ_ROUTES = ['/api/regions', `/api/zones?region=${EXAMPLE_REGION}`, `/api/images?region=${EXAMPLE_REGION}`, `/api/instance-types?region=${EXAMPLE_REGION}`];

function basicLine(harnessUrl: string, basic: string, route: string): string {
  return `  curl -H 'Authorization: Basic ${basic}' '${harnessUrl}${route}'`;
}

function curlLines(harnessUrl: string, secretId: string, secretKey: string, queryRefused: boolean): string[] {
  const basic = Buffer.from(`${secretId}:${secretKey}`).toString('base64');
  if (queryRefused) {
    return [
      '  # secretId/secretKey in the query string are refused by this deployment setting (ALLOW_QUERY_CREDENTIALS=false: 403);',
      '  # send them as Authorization: Basic base64(secretId:secretKey):',
      ...READ_ROUTES.map((route) => basicLine(harnessUrl, basic, route)),
    ];
  }
  const credentials = `secretId=${secretId}&secretKey=${secretKey}`;
  return [
    `  curl --location --request GET '${harnessUrl}/api/regions?${credentials}'`,
    `  curl --location --request GET '${harnessUrl}/api/zones?${credentials}&region=${EXAMPLE_REGION}'`,
    `  curl --location --request GET '${harnessUrl}/api/images?${credentials}&region=${EXAMPLE_REGION}'`,
    `  curl --location --request GET '${harnessUrl}/api/instance-types?${credentials}&region=${EXAMPLE_REGION}'`,
    '  # the same without secrets in the URL (Authorization: Basic base64(secretId:secretKey)):',
    basicLine(harnessUrl, basic, '/api/regions'),
  ];
}

function banner(harnessUrl: string, endpoint: string, emulated: boolean): string {
  const queryRefused = queryCredentialsRefused(process.env);
  const lines = [`Local harness listening on ${harnessUrl}`, `API documentation: ${harnessUrl}/docs (OpenAPI: ${harnessUrl}/api/openapi.json)`];
  if (emulated) {
    lines.push(`CVM emulator on ${endpoint} (control API: ${endpoint}/_emulator/)`);
  } else {
    lines.push(`Functions call the CVM API at ${printableEndpoint(endpoint)} (CVM_ENDPOINT); use your own keys.`);
  }
  if (demoPairAccepted(emulated)) {
    lines.push(
      'Demo credentials (accepted by the emulator only):',
      `  SecretId  ${DEMO_SECRET_ID}`,
      `  SecretKey ${DEMO_SECRET_KEY}`,
      'Try:',
      ...curlLines(harnessUrl, DEMO_SECRET_ID, DEMO_SECRET_KEY, queryRefused),
    );
  } else {
    lines.push('Try:', ...curlLines(harnessUrl, '<yourSecretId>', '<yourSecretKey>', queryRefused));
  }
  lines.push('Ctrl-C to stop.');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const port = readPortSetting('PORT', 8001);
  const host = process.env.HARNESS_HOST?.trim() || '127.0.0.1';
  const target = await startCvmTarget();
  let harness: RunningHarness;
  try {
    const demoCredentials = demoPairAccepted(target.emulated) ? { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY } : undefined;
    const env = target.emulated ? localInventoryEnvironment(process.env, target) : { CVM_ENDPOINT: target.endpoint };
    harness = await startHarness({ port, host, env, demoCredentials });
  } catch (error) {
    await target.close();
    throw error;
  }
  console.log(banner(harness.url, target.endpoint, target.emulated));
  const running = harness;
  closeOnSignal(async () => {
    await running.close();
    await target.close();
  }, console.log);
}

main().catch((error: unknown) => {
  // Startup errors are configuration problems (port taken, bad variable) whose message says what to do.
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
