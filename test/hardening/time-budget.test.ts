/**
 * A slow upstream must end as our own JSON 504, never as SCF killing the invocation (which API Gateway
 * turns into its own error, reference §6.3). Two guarantees, each tested:
 * - by configuration: for every HTTP function, the settings serverless.yml gives it (lib defaults where
 *   it gives none) keep one request time-out, the whole retry budget and the instance wait budget inside
 *   the function's time-out, less the margin the stack keeps to answer;
 * - by behaviour: with a deliberately bad configuration (a request time-out or retry budget longer than
 *   the function's time-out) the stack still answers its JSON 504 before the deadline, through the harness.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpRoutes } from '../../functions/routes';
import { readConfig } from '../../lib/config';
import { FUNCTION_DEADLINE_MARGIN_MS } from '../../lib/http/function-deadline';
import { parseServiceSettings } from '../../local/harness/function-settings';
import { startHarness, type RunningHarness } from '../../local/harness/server';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { DEMO_BASIC_AUTHORIZATION, FUNCTIONS_DIR, REPO_ROOT } from '../helpers/harness';
import { errorEnvelope, send } from './support/send';

const service = parseServiceSettings(readFileSync(join(REPO_ROOT, 'serverless.yml'), 'utf8'), 'serverless.yml');

describe('the deployed time budget (serverless.yml with lib/config.ts defaults)', () => {
  const rows = httpRoutes.map((route) => {
    const settings = service.functions.get(route.functionName);
    if (settings === undefined) throw new Error(`serverless.yml declares no function ${route.functionName}`);
    return [route.functionName, settings.timeoutMs, readConfig(settings.environment)] as const;
  });

  it.each(rows)('%s: one request time-out fits inside the function time-out with room to answer', (_name, timeoutMs, config) => {
    expect(config.cvmRequestTimeoutMs + FUNCTION_DEADLINE_MARGIN_MS).toBeLessThan(timeoutMs);
  });

  it.each(rows)('%s: the whole retry budget ends before the stack’s own 504 deadline', (_name, timeoutMs, config) => {
    expect(config.cvmRetryBudgetMs).toBeLessThanOrEqual(timeoutMs - FUNCTION_DEADLINE_MARGIN_MS);
  });

  it.each(rows)('%s: a wait poll started at the end of the wait budget still ends before the deadline', (_name, timeoutMs, config) => {
    expect(config.instanceWaitBudgetMs + config.cvmRequestTimeoutMs).toBeLessThanOrEqual(timeoutMs - FUNCTION_DEADLINE_MARGIN_MS);
  });
});

describe('a slow upstream under a short function time-out, through the harness', () => {
  const FUNCTION_TIMEOUT_SECONDS = 2;
  let emulator: TestEmulator;
  let directory: string;

  /** A harness whose functions time out after 2 s, with `variables` for every function. */
  async function harnessWith(variables: Record<string, string>): Promise<RunningHarness> {
    const configPath = join(directory, `serverless-${Object.keys(variables).join('-')}.yml`);
    writeFileSync(configPath, `provider:\n  timeout: ${FUNCTION_TIMEOUT_SECONDS}\n`);
    return startHarness({
      port: 0,
      functionsDir: FUNCTIONS_DIR,
      serviceConfigPath: configPath,
      env: { LOG_LEVEL: 'error', CACHE_ENABLED: 'false', ...variables, CVM_ENDPOINT: emulator.endpoint },
      log: () => undefined,
    });
  }

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: false });
    directory = mkdtempSync(join(tmpdir(), 'time-budget-'));
  });

  afterEach(async () => {
    await emulator.control.reset();
  });

  afterAll(async () => {
    await emulator.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers the stack’s JSON 504 FunctionTimeout when a single request time-out is longer than the function’s', async () => {
    const harness = await harnessWith({ CVM_REQUEST_TIMEOUT_MS: '10000' });
    try {
      await emulator.control.addFault({ action: 'DescribeRegions', kind: 'latency', latencyMs: 5000 });
      const started = performance.now();
      const answer = await send(harness.url, '/api/regions', { headers: { Authorization: DEMO_BASIC_AUTHORIZATION } });
      const elapsedMs = performance.now() - started;

      expect(answer.status).toBe(504);
      expect(errorEnvelope(answer.body)?.error.code).toBe('FunctionTimeout');
      // The function's own answer (the harness's stand-in for SCF's kill carries no security headers).
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(elapsedMs).toBeLessThan(FUNCTION_TIMEOUT_SECONDS * 1000);
    } finally {
      await harness.close();
    }
  });

  it('stops retrying at the function’s deadline when the retry budget is longer than the function’s time-out', async () => {
    const harness = await harnessWith({ CVM_REQUEST_TIMEOUT_MS: '400', CVM_RETRY_BUDGET_MS: '60000' });
    try {
      await emulator.control.addFault({ action: 'DescribeZones', kind: 'latency', latencyMs: 3000 });
      const started = performance.now();
      const answer = await send(harness.url, '/api/zones?region=ap-guangzhou', { headers: { Authorization: DEMO_BASIC_AUTHORIZATION } });
      const elapsedMs = performance.now() - started;

      expect(answer.status).toBe(504);
      // The upstream's time-out, not the stack's: the last retry ended before the deadline.
      expect(errorEnvelope(answer.body)?.error.code).toBe('UpstreamTimeout');
      expect(elapsedMs).toBeLessThan(FUNCTION_TIMEOUT_SECONDS * 1000 - FUNCTION_DEADLINE_MARGIN_MS);
      expect((await emulator.control.counters()).DescribeZones?.received).toBeGreaterThanOrEqual(2);
    } finally {
      await harness.close();
    }
  });
});
