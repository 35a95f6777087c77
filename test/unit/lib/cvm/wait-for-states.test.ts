import { setTimeout as sleepFor } from 'node:timers/promises';
import { readConfig } from '../../../../lib/config';
import { answerAfterWait } from '../../../../lib/cvm/answer-after-wait';
import { createCvmSession, type CvmSession } from '../../../../lib/cvm/cvm-session';
import { waitForInstanceStates, type WaitTarget } from '../../../../lib/cvm/wait-for-states';
import { StatusAnswer } from '../../../../lib/http/status-answer';
import { createLogger } from '../../../../lib/log/logger';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../../local/emulator/accounts';
import { createCvmClient, type CvmTestClient } from '../../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator';

/**
 * Waiting for instance states against the emulator's state machine (reference §4.13), with its
 * lifecycle timing set per test: instant, a few hundred ms, or far longer than the wait.
 */

const REGION = 'ap-guangzhou';
const log = createLogger({ level: 'error', base: {}, write: () => undefined });

describe('waitForInstanceStates', () => {
  let emulator: TestEmulator;
  let sdk: CvmTestClient;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    sdk = createCvmClient({ endpoint: emulator.endpoint, region: REGION });
  });

  afterAll(async () => {
    sdk.close();
    await emulator.close();
  });

  function session(): CvmSession {
    return createCvmSession({
      config: readConfig({ CVM_ENDPOINT: emulator.endpoint }),
      credentials: { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY, token: undefined, source: 'body', secrets: [DEMO_SECRET_KEY] },
      log,
      sleep: async () => undefined,
    });
  }

  async function createInstances(count: number, chargeType: 'POSTPAID_BY_HOUR' | 'PREPAID' = 'POSTPAID_BY_HOUR'): Promise<string[]> {
    const answer = await sdk.client.RunInstances({
      Placement: { Zone: 'ap-guangzhou-3' },
      ImageId: 'img-8toqc6s3',
      InstanceCount: count,
      InstanceChargeType: chargeType,
      ...(chargeType === 'PREPAID' ? { InstanceChargePrepaid: { Period: 1 } } : {}),
    });
    return answer.InstanceIdSet ?? [];
  }

  async function lifecycle(transitionMs: number): Promise<void> {
    await emulator.control.reset();
    await emulator.control.setLifecycle({ transitionMs, terminatedRetentionMs: 0 });
  }

  function waitFor(cvm: CvmSession, instanceIds: readonly string[], target: WaitTarget, withinMs: number, pauses: number[] = []) {
    return waitForInstanceStates({
      cvm,
      log,
      region: REGION,
      instanceIds,
      target,
      deadlineAt: Date.now() + withinMs,
      sleep: async (ms) => {
        pauses.push(ms);
        await sleepFor(ms);
      },
    });
  }

  it('returns after one poll when the instances are already there', async () => {
    await lifecycle(0);
    const ids = await createInstances(2);
    const cvm = session();

    const outcome = await waitFor(cvm, ids, 'RUNNING', 5000);

    expect(outcome).toEqual({ end: 'reached', instances: ids.map((instanceId) => ({ instanceId, instanceState: 'RUNNING' })) });
    expect(cvm.calls.map((call) => call.action)).toEqual(['DescribeInstancesStatus']);
  });

  it('polls with growing pauses until every instance reached the state', async () => {
    await lifecycle(400);
    const ids = await createInstances(3);
    const pauses: number[] = [];

    const outcome = await waitFor(session(), ids, 'RUNNING', 5000, pauses);

    expect(outcome.end).toBe('reached');
    expect(outcome.instances.map((instance) => instance.instanceState)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    expect(pauses).toEqual([250, 500]);
  });

  it('stops at the deadline with the states it last saw, after a last look just before the deadline', async () => {
    await lifecycle(60_000);
    const ids = await createInstances(1);
    const pauses: number[] = [];

    const outcome = await waitFor(session(), ids, 'RUNNING', 400, pauses);

    expect(outcome).toEqual({ end: 'time-out', instances: [{ instanceId: ids[0], instanceState: 'PENDING' }] });
    expect(pauses[0]).toBe(250);
    expect(pauses[1]).toBeLessThan(250);
    expect(pauses).toHaveLength(2);
  });

  it('ends at the deadline while a slow poll is still in flight, with the states seen before it', async () => {
    await lifecycle(60_000);
    const ids = await createInstances(1);
    // Every second DescribeInstancesStatus answers 5 s late: the first poll sees PENDING, the second hangs.
    await emulator.control.addFault({ action: 'DescribeInstancesStatus', kind: 'latency', latencyMs: 5000, rate: 0.5 });
    const started = Date.now();

    const outcome = await waitFor(session(), ids, 'RUNNING', 700);

    expect(outcome).toEqual({ end: 'time-out', instances: [{ instanceId: ids[0], instanceState: 'PENDING' }] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('ends at the deadline when even the first poll has not answered, every state unknown', async () => {
    await lifecycle(60_000);
    const ids = await createInstances(2);
    await emulator.control.addFault({ action: 'DescribeInstancesStatus', kind: 'latency', latencyMs: 5000 });
    const started = Date.now();

    const outcome = await waitFor(session(), ids, 'RUNNING', 300);

    expect(outcome).toEqual({ end: 'time-out', instances: ids.map((instanceId) => ({ instanceId, instanceState: '' })) });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops early at a state from which the target cannot follow', async () => {
    await lifecycle(0);
    const [prepaid = ''] = await createInstances(1, 'PREPAID');
    await sdk.client.TerminateInstances({ InstanceIds: [prepaid] });

    const outcome = await waitFor(session(), [prepaid], 'RUNNING', 5000);

    expect(outcome).toEqual({ end: 'dead-end', instances: [{ instanceId: prepaid, instanceState: 'SHUTDOWN' }] });
  });

  it('counts an instance no longer listed as TERMINATED', async () => {
    await lifecycle(0);
    const ids = await createInstances(2);
    await sdk.client.TerminateInstances({ InstanceIds: ids });

    const outcome = await waitFor(session(), ids, 'TERMINATED', 5000);

    expect(outcome).toEqual({ end: 'reached', instances: ids.map((instanceId) => ({ instanceId, instanceState: '' })) });
  });

  it('keeps waiting for an instance that is not listed yet when the target is a state', async () => {
    await lifecycle(0);

    const outcome = await waitFor(session(), ['ins-a1b2c3d4'], 'STOPPED', 300);

    expect(outcome).toEqual({ end: 'time-out', instances: [{ instanceId: 'ins-a1b2c3d4', instanceState: '' }] });
  });

  it('ends as poll-failed when the states cannot be read, without retrying a final failure', async () => {
    await lifecycle(0);
    const ids = await createInstances(1);
    await emulator.control.addFault({ action: 'DescribeInstancesStatus', kind: 'error', code: 'UnauthorizedOperation' });
    const cvm = session();

    const outcome = await waitFor(cvm, ids, 'RUNNING', 5000);

    expect(outcome).toEqual({ end: 'poll-failed', instances: [{ instanceId: ids[0], instanceState: '' }] });
    expect(cvm.calls).toHaveLength(1);
  });
});

describe('answerAfterWait', () => {
  let emulator: TestEmulator;
  let sdk: CvmTestClient;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    sdk = createCvmClient({ endpoint: emulator.endpoint, region: REGION });
  });

  afterAll(async () => {
    sdk.close();
    await emulator.close();
  });

  async function answerFor(transitionMs: number, waitBudgetMs: number) {
    await emulator.control.reset();
    await emulator.control.setLifecycle({ transitionMs, terminatedRetentionMs: 0 });
    const created = await sdk.client.RunInstances({ Placement: { Zone: 'ap-guangzhou-3' }, ImageId: 'img-8toqc6s3' });
    const instanceIds = created.InstanceIdSet ?? [];
    const config = readConfig({ CVM_ENDPOINT: emulator.endpoint, INSTANCE_WAIT_BUDGET_MS: String(waitBudgetMs) });
    const cvm = createCvmSession({
      config,
      credentials: { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY, token: undefined, source: 'body', secrets: [] },
      log,
    });
    const answer = { instanceIds, requestId: created.RequestId ?? '' };
    return { answer, result: await answerAfterWait({ cvm, log, config, region: REGION, instanceIds, target: 'RUNNING', answer }) };
  }

  it('answers the operation’s own body when the wait reached the target', async () => {
    const { answer, result } = await answerFor(0, 5000);

    expect(result).toBe(answer);
  });

  it('answers 202 with the states when the wait budget ran out first', async () => {
    const { answer, result } = await answerFor(60_000, 200);

    expect(result).toBeInstanceOf(StatusAnswer);
    expect(result).toEqual(
      new StatusAnswer(202, {
        instanceIds: answer.instanceIds,
        instances: [{ instanceId: answer.instanceIds[0], instanceState: 'PENDING' }],
        targetState: 'RUNNING',
        waitOutcome: 'time-out',
        requestId: answer.requestId,
      }),
    );
  });
});
