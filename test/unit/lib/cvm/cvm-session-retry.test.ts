import { readConfig } from '../../../../lib/config';
import type { Credentials } from '../../../../lib/credentials/resolve-credentials';
import { createCvmSession, type CvmSession } from '../../../../lib/cvm/cvm-session';
import type { RetryPolicy } from '../../../../lib/cvm/retry-policy';
import { ApiError } from '../../../../lib/errors/api-error';
import { createLogger } from '../../../../lib/log/logger';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../../local/emulator/accounts';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator';

/**
 * The session's retry policies against the emulator's faults through the real SDK: what is sent again,
 * what is not, and the budget that bounds it. Waits between attempts are skipped (injected sleep).
 */

const REGION = 'ap-guangzhou';
const credentials: Credentials = {
  secretId: DEMO_SECRET_ID,
  secretKey: DEMO_SECRET_KEY,
  token: undefined,
  source: 'body',
  secrets: [DEMO_SECRET_KEY],
};

interface SessionSetup {
  readonly session: CvmSession;
  readonly lines: Record<string, unknown>[];
  readonly waits: number[];
}

function sessionFor(endpoint: string, settings: Record<string, string> = {}, now?: () => number): SessionSetup {
  const lines: Record<string, unknown>[] = [];
  const waits: number[] = [];
  const log = createLogger({ level: 'debug', base: {}, write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const config = readConfig({ CVM_ENDPOINT: endpoint, CVM_REQUEST_TIMEOUT_MS: '2000', ...settings });
  const session = createCvmSession({
    config,
    credentials,
    log,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...(now === undefined ? {} : { now }),
  });
  return { session, lines, waits };
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

function describeZones(session: CvmSession, retry: RetryPolicy): Promise<unknown> {
  return session.call({ action: 'DescribeZones', region: REGION }, (client) => client.DescribeZones(), { retry });
}

function runOne(session: CvmSession, token: string): Promise<{ InstanceIdSet?: string[] }> {
  return session.call(
    { action: 'RunInstances', region: REGION },
    (client) => client.RunInstances({ Placement: { Zone: 'ap-guangzhou-3' }, ImageId: 'img-8toqc6s3', ClientToken: token }),
    { retry: 'idempotent-write' },
  );
}

describe('CVM session retries', () => {
  let emulator: TestEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });

  afterAll(async () => {
    await emulator.close();
  });

  beforeEach(async () => {
    await emulator.control.reset();
    await emulator.control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
  });

  it.each<[string, Parameters<TestEmulator['control']['addFault']>[0]]>([
    ['a dropped connection', { action: 'DescribeZones', kind: 'drop-before', times: 2 }],
    ['HTTP 502', { action: 'DescribeZones', kind: 'http5xx', times: 2 }],
    ['an InternalError', { action: 'DescribeZones', kind: 'error', code: 'InternalError', times: 2 }],
    ['throttling', { action: 'DescribeZones', kind: 'error', code: 'RequestLimitExceeded', times: 2 }],
    ['a truncated answer', { action: 'DescribeZones', kind: 'truncated', times: 2 }],
  ])('retries a safe read after %s until it succeeds', async (_name, fault) => {
    await emulator.control.addFault(fault);
    const { session, waits } = sessionFor(emulator.endpoint);

    await expect(describeZones(session, 'safe-read')).resolves.toMatchObject({ TotalCount: 7 });

    expect(session.calls.map((call) => call.outcome)).toEqual([expect.not.stringMatching(/^ok$/), expect.not.stringMatching(/^ok$/), 'ok']);
    expect(waits).toEqual([100, 200]);
  });

  it('gives up after three retries and answers the last failure', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', kind: 'error', code: 'RequestLimitExceeded' });
    const { session } = sessionFor(emulator.endpoint);

    const failure = await failureOf(describeZones(session, 'safe-read'));

    expect(failure).toMatchObject({ status: 429, code: 'RequestLimitExceeded' });
    expect(session.calls).toHaveLength(4);
  });

  it('sends a call without a policy once', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', kind: 'http5xx', times: 1 });
    const { session } = sessionFor(emulator.endpoint);

    const failure = await failureOf(session.call({ action: 'DescribeZones', region: REGION }, (client) => client.DescribeZones()));

    expect(failure.code).toBe('UpstreamHttpError');
    expect(session.calls).toHaveLength(1);
  });

  it('never retries a failure a retry would not change', async () => {
    const { session } = sessionFor(emulator.endpoint);

    const failure = await failureOf(
      session.call({ action: 'DescribeZones', region: 'xx-nowhere' }, (client) => client.DescribeZones(), { retry: 'safe-read' }),
    );

    expect(failure.status).toBe(400);
    expect(session.calls).toHaveLength(1);
  });

  it('retries a token-carrying RunInstances whose answer was lost, and the replay creates nothing more', async () => {
    await emulator.control.addFault({ action: 'RunInstances', kind: 'drop-after', times: 1 });
    const { session } = sessionFor(emulator.endpoint);

    const created = await runOne(session, 'retry-test-token');

    expect(created.InstanceIdSet).toHaveLength(1);
    expect((await emulator.control.counters()).RunInstances).toMatchObject({ received: 2, invoked: 2 });
    const listed = await session.call({ action: 'DescribeInstances', region: REGION }, (client) => client.DescribeInstances({}));
    expect(listed.InstanceSet?.map((instance) => instance.InstanceId)).toEqual(created.InstanceIdSet);
  });

  it.each<[string, Parameters<TestEmulator['control']['addFault']>[0]]>([
    ['a dropped-after-send', { action: 'StopInstances', kind: 'drop-after', times: 1 }],
    ['a dropped-before-send (indistinguishable from after)', { action: 'StopInstances', kind: 'drop-before', times: 1 }],
    ['HTTP 502', { action: 'StopInstances', kind: 'http5xx', times: 1 }],
    ['an InternalError', { action: 'StopInstances', kind: 'error', code: 'InternalError', times: 1 }],
  ])('does not retry a non-idempotent write after %s', async (_name, fault) => {
    const { session } = sessionFor(emulator.endpoint);
    const created = await runOne(session, `stop-${fault.kind}`);
    await emulator.control.addFault(fault);

    const failure = await failureOf(
      session.call(
        { action: 'StopInstances', region: REGION },
        (client) => client.StopInstances({ InstanceIds: created.InstanceIdSet ?? [] }),
        { retry: 'non-idempotent-write' },
      ),
    );

    expect(failure.status).toBeGreaterThanOrEqual(500);
    expect((await emulator.control.counters()).StopInstances?.received).toBe(1);
  });

  it('retries a non-idempotent write the API refused for throttling, and it runs once', async () => {
    const { session } = sessionFor(emulator.endpoint);
    const created = await runOne(session, 'throttled-stop');
    await emulator.control.addFault({ action: 'StopInstances', kind: 'error', code: 'RequestLimitExceeded', times: 1 });

    await session.call(
      { action: 'StopInstances', region: REGION },
      (client) => client.StopInstances({ InstanceIds: created.InstanceIdSet ?? [] }),
      { retry: 'non-idempotent-write' },
    );

    expect((await emulator.control.counters()).StopInstances).toMatchObject({ received: 2, invoked: 1 });
  });

  it('retries a non-idempotent write whose connection was refused (nothing was sent)', async () => {
    const closed = await startTestEmulator();
    await closed.close();
    const { session } = sessionFor(closed.endpoint);

    const failure = await failureOf(
      session.call({ action: 'StopInstances', region: REGION }, (client) => client.StopInstances({ InstanceIds: ['ins-a1b2c3d4'] }), {
        retry: 'non-idempotent-write',
      }),
    );

    expect(failure.code).toBe('UpstreamUnreachable');
    expect(session.calls).toHaveLength(4);
  });

  it('starts no retry that could end after the retry budget', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', kind: 'http5xx' });
    let clock = 1_000_000;
    // The clock advances 0.5 s per reading (session start, attempt start and end, budget check): with a
    // 2 s request timeout and a 4 s budget the first retry still fits (1.5 + 0.2 + 2 ≤ 4 s after the
    // start), the second does not (3 + 0.4 + 2 > 4).
    const { session } = sessionFor(emulator.endpoint, { CVM_RETRY_BUDGET_MS: '4000' }, () => {
      clock += 500;
      return clock;
    });

    await failureOf(describeZones(session, 'safe-read'));

    expect(session.calls).toHaveLength(2);
  });

  it('logs each retry with the action, policy and failure, and never a secret', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', kind: 'error', code: 'RequestLimitExceeded', times: 1 });
    const { session, lines } = sessionFor(emulator.endpoint);

    await describeZones(session, 'safe-read');

    const retries = lines.filter((line) => line.msg === 'retrying upstream call');
    expect(retries).toEqual([
      expect.objectContaining({
        level: 'warn',
        action: 'DescribeZones',
        region: REGION,
        policy: 'safe-read',
        retry: 1,
        delayMs: 100,
        failure: 'throttled',
        code: 'RequestLimitExceeded',
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(DEMO_SECRET_KEY);
  });
});
