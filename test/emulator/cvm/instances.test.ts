import { createCvmClient, sdkException, type CvmTestClient } from '../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

const ALICE = { secretId: 'AKIDaliceEmulatorTest0001', secretKey: 'aliceSecretKey' };
const BOB = { secretId: 'AKIDbobEmulatorTest000001', secretKey: 'bobSecretKey' };
const CREDENTIALS = `${ALICE.secretId}:${ALICE.secretKey}@100000000001,${BOB.secretId}:${BOB.secretKey}@100000000002`;
const TRANSITION_MS = 1000;
const MINIMAL = { Placement: { Zone: 'ap-guangzhou-3' }, ImageId: 'img-eb30mz89' };

describe('CVM instance actions through the SDK', () => {
  let emulator: TestEmulator;
  let alice: CvmTestClient;
  let bob: CvmTestClient;
  /** The emulator's clock runs `offsetMs` ahead of real time; tests advance it instead of sleeping. */
  let offsetMs = 0;

  beforeAll(async () => {
    emulator = await startTestEmulator({ credentials: CREDENTIALS, rateLimits: false, now: () => Date.now() + offsetMs });
    alice = createCvmClient({ endpoint: emulator.endpoint, ...ALICE });
    bob = createCvmClient({ endpoint: emulator.endpoint, ...BOB });
  });

  afterAll(async () => {
    alice.close();
    bob.close();
    await emulator.close();
  });

  beforeEach(async () => {
    offsetMs = 0;
    await emulator.control.reset();
    await emulator.control.setLifecycle({ transitionMs: TRANSITION_MS, terminatedRetentionMs: 2 * TRANSITION_MS });
  });

  async function stateOf(instanceId: string): Promise<string | undefined> {
    const response = await alice.client.DescribeInstancesStatus({ InstanceIds: [instanceId] });
    return response.InstanceStatusSet?.[0]?.InstanceState;
  }

  it('runs an instance that goes PENDING → RUNNING, with the full Instance shape', async () => {
    const run = await alice.client.RunInstances({
      ...MINIMAL,
      InstanceType: 'S5.MEDIUM4',
      InstanceName: 'sdk-test',
      InternetAccessible: { InternetChargeType: 'TRAFFIC_POSTPAID_BY_HOUR', InternetMaxBandwidthOut: 1 },
      TagSpecification: [{ ResourceType: 'instance', Tags: [{ Key: 'suite', Value: 'sdk' }] }],
    });
    const instanceId = run.InstanceIdSet?.[0] ?? '';
    expect(run.InstanceIdSet).toEqual([expect.stringMatching(/^ins-[a-z0-9]{8}$/)]);
    const pending = await alice.client.DescribeInstances({ InstanceIds: [instanceId] });
    expect(pending.TotalCount).toBe(1);
    expect(pending.InstanceSet?.[0]).toMatchObject({
      InstanceId: instanceId,
      InstanceState: 'PENDING',
      InstanceType: 'S5.MEDIUM4',
      CPU: 2,
      Memory: 4,
      InstanceName: 'sdk-test',
      Placement: { Zone: 'ap-guangzhou-3', ProjectId: 0 },
      OsName: 'TencentOS Server 3.1 (TK4)',
      LatestOperation: 'RunInstances',
      LatestOperationState: 'OPERATING',
      LatestOperationRequestId: run.RequestId,
      Tags: [{ Key: 'suite', Value: 'sdk' }],
      ExpiredTime: null,
      RenewFlag: null,
    });
    expect(pending.InstanceSet?.[0]?.PublicIpAddresses).toHaveLength(1);
    offsetMs += TRANSITION_MS;
    const running = await alice.client.DescribeInstances({ InstanceIds: [instanceId] });
    expect(running.InstanceSet?.[0]).toMatchObject({ InstanceState: 'RUNNING', LatestOperationState: 'SUCCESS' });
  });

  it('walks stop → start → reboot → terminate and refuses invalid transitions', async () => {
    const instanceId = (await alice.client.RunInstances(MINIMAL)).InstanceIdSet?.[0] ?? '';
    expect((await sdkException(alice.client.StopInstances({ InstanceIds: [instanceId] }))).code).toBe('UnsupportedOperation.InstanceStatePending');
    offsetMs += TRANSITION_MS;

    const stop = await alice.client.StopInstances({ InstanceIds: [instanceId], StopType: 'SOFT', StoppedMode: 'STOP_CHARGING' });
    expect(Object.keys(stop)).toEqual(['RequestId']);
    expect(await stateOf(instanceId)).toBe('STOPPING');
    offsetMs += TRANSITION_MS;
    const stopped = await alice.client.DescribeInstances({ InstanceIds: [instanceId] });
    expect(stopped.InstanceSet?.[0]).toMatchObject({ InstanceState: 'STOPPED', StopChargingMode: 'STOP_CHARGING', LatestOperation: 'StopInstances' });
    const refused = await sdkException(alice.client.RebootInstances({ InstanceIds: [instanceId] }));
    expect(refused.code).toBe('UnsupportedOperation.InstanceStateStopped');
    expect(refused.message).toContain(instanceId);

    await alice.client.StartInstances({ InstanceIds: [instanceId] });
    expect(await stateOf(instanceId)).toBe('STARTING');
    offsetMs += TRANSITION_MS;
    expect(await stateOf(instanceId)).toBe('RUNNING');

    await alice.client.RebootInstances({ InstanceIds: [instanceId], StopType: 'HARD' });
    expect(await stateOf(instanceId)).toBe('REBOOTING');
    offsetMs += TRANSITION_MS;
    expect(await stateOf(instanceId)).toBe('RUNNING');

    await alice.client.TerminateInstances({ InstanceIds: [instanceId] });
    expect(await stateOf(instanceId)).toBe('TERMINATING');
    offsetMs += TRANSITION_MS;
    expect((await sdkException(alice.client.StartInstances({ InstanceIds: [instanceId] }))).code).toBe(
      'UnsupportedOperation.InstanceStateTerminated',
    );
    offsetMs += 2 * TRANSITION_MS;
    expect((await alice.client.DescribeInstances({ InstanceIds: [instanceId] })).TotalCount).toBe(0);
    expect((await sdkException(alice.client.StopInstances({ InstanceIds: [instanceId] }))).code).toBe('InvalidInstanceId.NotFound');
  });

  it('pages DescribeInstances and filters by name and state', async () => {
    await emulator.control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
    const web = (await alice.client.RunInstances({ ...MINIMAL, InstanceCount: 30, InstanceName: 'web-{R:1,F:2}' })).InstanceIdSet ?? [];
    const jobs = (await alice.client.RunInstances({ ...MINIMAL, InstanceCount: 2, InstanceName: 'job-' })).InstanceIdSet ?? [];
    await alice.client.StopInstances({ InstanceIds: jobs });

    const firstPage = await alice.client.DescribeInstances({});
    expect(firstPage.TotalCount).toBe(32);
    expect(firstPage.InstanceSet?.map((instance) => instance.InstanceId)).toEqual(web.slice(0, 20));
    const secondPage = await alice.client.DescribeInstances({ Offset: 20, Limit: 100 });
    expect(secondPage.InstanceSet?.map((instance) => instance.InstanceName)).toEqual([
      ...Array.from({ length: 10 }, (_, index) => `web-${String(index + 21)}`),
      'job-1',
      'job-2',
    ]);
    const stoppedJobs = await alice.client.DescribeInstances({
      Filters: [{ Name: 'instance-name', Values: ['job'] }, { Name: 'instance-state', Values: ['STOPPED'] }],
    });
    expect(stoppedJobs.InstanceSet?.map((instance) => instance.InstanceId)).toEqual(jobs);
    expect((await sdkException(alice.client.DescribeInstances({ Limit: 101 }))).code).toBe('InvalidParameterValue.LimitExceeded');
    expect((await sdkException(alice.client.DescribeInstances({ Filters: [{ Name: 'colour', Values: ['red'] }] }))).code).toBe('InvalidFilter');
  });

  it('makes RunInstances idempotent with ClientToken', async () => {
    const request = { ...MINIMAL, InstanceCount: 2, ClientToken: 'sdk-idempotency-token' };
    const first = await alice.client.RunInstances(request);
    const replay = await alice.client.RunInstances(request);
    expect(replay.InstanceIdSet).toEqual(first.InstanceIdSet);
    expect(replay.RequestId).not.toBe(first.RequestId);
    expect((await alice.client.DescribeInstances({})).TotalCount).toBe(2);
    const conflict = await sdkException(alice.client.RunInstances({ ...request, InstanceCount: 3 }));
    expect(conflict.code).toBe('InvalidParameterValue');
  });

  it('answers a passing DryRun with only a RequestId and creates nothing', async () => {
    const dryRun = await alice.client.RunInstances({ ...MINIMAL, DryRun: true });
    expect(Object.keys(dryRun)).toEqual(['RequestId']);
    expect((await alice.client.DescribeInstances({})).TotalCount).toBe(0);
    const failing = await sdkException(alice.client.RunInstances({ ...MINIMAL, InstanceType: 'SR1.LARGE8', DryRun: true }));
    expect(failing.code).toBe('InvalidParameterValue.InvalidImageForGivenInstanceType');
  });

  it('reports validation errors with the documented codes', async () => {
    const cases: [Parameters<CvmTestClient['client']['RunInstances']>[0], string][] = [
      [{ ImageId: 'img-eb30mz89' }, 'MissingParameter'],
      [{ ...MINIMAL, Placement: { Zone: 'ap-beijing-3' } }, 'InvalidZone.MismatchRegion'],
      [{ ...MINIMAL, ImageId: 'img-1122' }, 'InvalidImageId.Malformed'],
      [{ ...MINIMAL, InstanceCount: 101 }, 'InvalidParameterValue.Range'],
      [{ ...MINIMAL, LoginSettings: { Password: 'short' } }, 'InvalidPassword'],
      [{ ...MINIMAL, ClientToken: 'x'.repeat(65) }, 'InvalidClientToken.TooLong'],
    ];
    for (const [request, code] of cases) {
      const error = await sdkException(alice.client.RunInstances(request));
      expect([error.code, error.requestId.length]).toEqual([code, 36]);
    }
    const passwordError = await sdkException(alice.client.RunInstances({ ...MINIMAL, LoginSettings: { Password: 'short' } }));
    expect(passwordError.message).not.toContain('short');
  });

  it('keeps accounts apart', async () => {
    const aliceIds = (await alice.client.RunInstances(MINIMAL)).InstanceIdSet ?? [];
    expect((await bob.client.DescribeInstances({})).TotalCount).toBe(0);
    expect((await bob.client.DescribeInstances({ InstanceIds: aliceIds })).TotalCount).toBe(0);
    expect((await sdkException(bob.client.TerminateInstances({ InstanceIds: aliceIds }))).code).toBe('InvalidInstanceId.NotFound');
    const bobIds = (await bob.client.RunInstances(MINIMAL)).InstanceIdSet ?? [];
    expect((await alice.client.DescribeInstances({})).InstanceSet?.map((instance) => instance.InstanceId)).toEqual(aliceIds);
    expect((await bob.client.DescribeInstances({})).InstanceSet?.map((instance) => instance.InstanceId)).toEqual(bobIds);
  });

  it('keeps regions apart', async () => {
    await alice.client.RunInstances(MINIMAL);
    const shanghai = createCvmClient({ endpoint: emulator.endpoint, ...ALICE, region: 'ap-shanghai' });
    try {
      expect((await shanghai.client.DescribeInstances({})).TotalCount).toBe(0);
    } finally {
      shanghai.close();
    }
  });
});
