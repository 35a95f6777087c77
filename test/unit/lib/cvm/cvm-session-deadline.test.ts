import { readConfig } from '../../../../lib/config';
import type { Credentials } from '../../../../lib/credentials/resolve-credentials';
import { createCvmSession, type CvmSessionOptions } from '../../../../lib/cvm/cvm-session';
import { retryPolicyForAction } from '../../../../lib/cvm/retry-policy';
import { ApiError } from '../../../../lib/errors/api-error';
import { createLogger } from '../../../../lib/log/logger';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../../local/emulator/accounts';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator';

/**
 * The session's default policy (what a call that names none gets) and the function deadline that
 * bounds retries besides the retry budget, against the emulator's faults through the real SDK.
 */

const REGION = 'ap-guangzhou';
const credentials: Credentials = { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY, token: undefined, source: 'query', secrets: [DEMO_SECRET_KEY] };

function sessionFor(endpoint: string, extra: Partial<CvmSessionOptions>) {
  const lines: string[] = [];
  const session = createCvmSession({
    config: readConfig({ CVM_ENDPOINT: endpoint, CVM_REQUEST_TIMEOUT_MS: '1000' }),
    credentials,
    log: createLogger({ level: 'debug', base: {}, write: (line) => lines.push(line) }),
    sleep: async () => undefined,
    random: () => 0.5,
    ...extra,
  });
  return { session, lines };
}

async function failureOf(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('retryPolicyForAction', () => {
  it.each([
    ['DescribeRegions', 'safe-read'],
    ['DescribeInstances', 'safe-read'],
    ['RunInstances', 'never'],
    ['StopInstances', 'never'],
    ['TerminateInstances', 'never'],
  ])('gives %s the policy %s', (action, policy) => {
    expect(retryPolicyForAction(action)).toBe(policy);
  });
});

describe('CVM session default policy and deadline', () => {
  let emulator: TestEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: false });
  });

  afterEach(async () => {
    await emulator.control.reset();
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('retries a call that names no policy as its defaultRetry says, and logs the retry', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', kind: 'error', code: 'InternalError', times: 1 });
    const { session, lines } = sessionFor(emulator.endpoint, { defaultRetry: retryPolicyForAction });

    const zones = await session.call({ action: 'DescribeZones', region: REGION }, (client) => client.DescribeZones());

    expect(zones.ZoneSet?.length).toBeGreaterThan(0);
    expect((await emulator.control.counters()).DescribeZones?.received).toBe(2);
    const retries = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'retrying upstream call');
    expect(retries).toEqual([expect.objectContaining({ level: 'warn', action: 'DescribeZones', policy: 'safe-read', retry: 1, code: 'InternalError' })]);
    expect(lines.join('\n')).not.toContain(DEMO_SECRET_KEY);
  });

  it('makes one attempt when there is no default and the call names no policy', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', kind: 'error', code: 'InternalError', times: 1 });
    const { session } = sessionFor(emulator.endpoint, {});

    const failure = await failureOf(session.call({ action: 'DescribeZones', region: REGION }, (client) => client.DescribeZones()));

    expect(failure.code).toBe('InternalError');
    expect((await emulator.control.counters()).DescribeZones?.received).toBe(1);
  });

  it('lets a call’s own policy win over the default', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', kind: 'error', code: 'InternalError', times: 1 });
    const { session } = sessionFor(emulator.endpoint, { defaultRetry: retryPolicyForAction });

    await failureOf(session.call({ action: 'DescribeZones', region: REGION }, (client) => client.DescribeZones(), { retry: 'never' }));

    expect((await emulator.control.counters()).DescribeZones?.received).toBe(1);
  });

  it('starts no retry that could end after the function’s deadline, even within the retry budget', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', kind: 'error', code: 'InternalError' });
    // 1 s request timeout: a retry needs up to 1.2 s more; the deadline leaves 0.9 s, the budget 12 s.
    const { session } = sessionFor(emulator.endpoint, { defaultRetry: retryPolicyForAction, deadlineAt: Date.now() + 900 });

    const failure = await failureOf(session.call({ action: 'DescribeZones', region: REGION }, (client) => client.DescribeZones()));

    expect(failure.code).toBe('InternalError');
    expect((await emulator.control.counters()).DescribeZones?.received).toBe(1);
  });

  it('retries while a retry still fits before the deadline', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', kind: 'error', code: 'InternalError' });
    const { session } = sessionFor(emulator.endpoint, { defaultRetry: retryPolicyForAction, deadlineAt: Date.now() + 60_000 });

    await failureOf(session.call({ action: 'DescribeZones', region: REGION }, (client) => client.DescribeZones()));

    // 1 + RETRY_SCHEDULE.retries (3) attempts: neither the budget nor the deadline stopped them.
    expect((await emulator.control.counters()).DescribeZones?.received).toBe(4);
  });
});
