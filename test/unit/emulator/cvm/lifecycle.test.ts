import { apiError, createFixture, type ServiceFixture } from './service-fixture';

const TRANSITION = 1000;
const RETENTION = 5000;

/** A fixture with one instance already RUNNING. */
function runningInstance(params: Record<string, unknown> = {}): { fixture: ServiceFixture; instanceId: string } {
  const fixture = createFixture({ transitionMs: TRANSITION, terminatedRetentionMs: RETENTION });
  const [instanceId = ''] = fixture.run(params);
  fixture.advance(TRANSITION);
  return { fixture, instanceId };
}

function describeOne(fixture: ServiceFixture, instanceId: string): Record<string, unknown> | undefined {
  return fixture.instances({}, { InstanceIds: [instanceId] })[0];
}

/** Puts a fresh instance into `state` (transitional states are caught mid-way). */
function instanceIn(state: string): { fixture: ServiceFixture; instanceId: string } {
  const prepaid = { InstanceChargeType: 'PREPAID', InstanceChargePrepaid: { Period: 1 } };
  const setups: Record<string, () => { fixture: ServiceFixture; instanceId: string }> = {
    PENDING: () => {
      const fixture = createFixture({ transitionMs: TRANSITION, terminatedRetentionMs: RETENTION });
      const [instanceId = ''] = fixture.run();
      return { fixture, instanceId };
    },
    RUNNING: () => runningInstance(),
    STOPPING: () => {
      const setup = runningInstance();
      setup.fixture.call('StopInstances', { InstanceIds: [setup.instanceId] });
      return setup;
    },
    STOPPED: () => {
      const setup = instanceIn('STOPPING');
      setup.fixture.advance(TRANSITION);
      return setup;
    },
    STARTING: () => {
      const setup = instanceIn('STOPPED');
      setup.fixture.call('StartInstances', { InstanceIds: [setup.instanceId] });
      return setup;
    },
    REBOOTING: () => {
      const setup = runningInstance();
      setup.fixture.call('RebootInstances', { InstanceIds: [setup.instanceId] });
      return setup;
    },
    TERMINATING: () => {
      const setup = runningInstance();
      setup.fixture.call('TerminateInstances', { InstanceIds: [setup.instanceId] });
      return setup;
    },
    SHUTDOWN: () => {
      const setup = runningInstance(prepaid);
      setup.fixture.call('TerminateInstances', { InstanceIds: [setup.instanceId] });
      setup.fixture.advance(TRANSITION);
      return setup;
    },
    ISOLATING: () => {
      const setup = runningInstance(prepaid);
      setup.fixture.call('TerminateInstances', { InstanceIds: [setup.instanceId] });
      return setup;
    },
    DESTROYED: () => {
      const setup = instanceIn('TERMINATING');
      setup.fixture.advance(TRANSITION);
      return setup;
    },
  };
  const setup = setups[state];
  if (setup === undefined) throw new Error(`no setup for ${state}`);
  return setup();
}

describe('instance state machine', () => {
  it('goes PENDING → RUNNING after the transition time, with LatestOperation RunInstances', () => {
    const fixture = createFixture({ transitionMs: TRANSITION, terminatedRetentionMs: RETENTION });
    const [instanceId = ''] = fixture.run({}, { requestId: 'run-request' });
    expect(describeOne(fixture, instanceId)).toMatchObject({
      InstanceState: 'PENDING',
      LatestOperation: 'RunInstances',
      LatestOperationState: 'OPERATING',
      LatestOperationRequestId: 'run-request',
    });
    fixture.advance(TRANSITION - 1);
    expect(fixture.stateOf(instanceId)).toBe('PENDING');
    fixture.advance(1);
    expect(describeOne(fixture, instanceId)).toMatchObject({ InstanceState: 'RUNNING', LatestOperationState: 'SUCCESS' });
  });

  it('settles immediately with transitionMs 0', () => {
    const fixture = createFixture({ transitionMs: 0, terminatedRetentionMs: 0 });
    const [instanceId = ''] = fixture.run();
    expect(fixture.stateOf(instanceId)).toBe('RUNNING');
    fixture.call('StopInstances', { InstanceIds: [instanceId] });
    expect(fixture.stateOf(instanceId)).toBe('STOPPED');
    fixture.call('TerminateInstances', { InstanceIds: [instanceId] });
    expect(fixture.instances()).toEqual([]);
  });

  it('stops (STOPPING → STOPPED, KEEP_CHARGING) and starts again (STARTING → RUNNING)', () => {
    const { fixture, instanceId } = runningInstance();
    fixture.call('StopInstances', { InstanceIds: [instanceId], StopType: 'SOFT' }, { requestId: 'stop-request' });
    expect(describeOne(fixture, instanceId)).toMatchObject({
      InstanceState: 'STOPPING',
      LatestOperation: 'StopInstances',
      LatestOperationState: 'OPERATING',
      LatestOperationRequestId: 'stop-request',
      StopChargingMode: 'NOT_APPLICABLE',
    });
    fixture.advance(TRANSITION);
    expect(describeOne(fixture, instanceId)).toMatchObject({ InstanceState: 'STOPPED', LatestOperationState: 'SUCCESS', StopChargingMode: 'KEEP_CHARGING' });
    fixture.call('StartInstances', { InstanceIds: [instanceId] });
    expect(describeOne(fixture, instanceId)).toMatchObject({ InstanceState: 'STARTING', LatestOperation: 'StartInstances', StopChargingMode: 'NOT_APPLICABLE' });
    fixture.advance(TRANSITION);
    expect(describeOne(fixture, instanceId)).toMatchObject({ InstanceState: 'RUNNING', LatestOperationState: 'SUCCESS' });
  });

  it('records StoppedMode STOP_CHARGING as StopChargingMode once stopped', () => {
    const { fixture, instanceId } = runningInstance();
    fixture.call('StopInstances', { InstanceIds: [instanceId], StoppedMode: 'STOP_CHARGING' });
    fixture.advance(TRANSITION);
    expect(describeOne(fixture, instanceId)?.StopChargingMode).toBe('STOP_CHARGING');
  });

  it('refuses STOP_CHARGING for a PREPAID instance', () => {
    const { fixture, instanceId } = runningInstance({ InstanceChargeType: 'PREPAID', InstanceChargePrepaid: { Period: 1 } });
    const error = apiError(() => fixture.call('StopInstances', { InstanceIds: [instanceId], StoppedMode: 'STOP_CHARGING' }));
    expect(error.code).toBe('UnsupportedOperation.StoppedModeStopCharging');
    expect(fixture.stateOf(instanceId)).toBe('RUNNING');
  });

  it('reboots (REBOOTING → RUNNING)', () => {
    const { fixture, instanceId } = runningInstance();
    fixture.call('RebootInstances', { InstanceIds: [instanceId], StopType: 'HARD' });
    expect(describeOne(fixture, instanceId)).toMatchObject({ InstanceState: 'REBOOTING', LatestOperation: 'RebootInstances' });
    fixture.advance(TRANSITION);
    expect(fixture.stateOf(instanceId)).toBe('RUNNING');
  });

  it('terminates pay-as-you-go: TERMINATING, kept for the retention time, then gone', () => {
    const { fixture, instanceId } = runningInstance();
    fixture.call('TerminateInstances', { InstanceIds: [instanceId] });
    expect(describeOne(fixture, instanceId)).toMatchObject({ InstanceState: 'TERMINATING', LatestOperationState: 'OPERATING' });
    fixture.advance(TRANSITION);
    expect(describeOne(fixture, instanceId)).toMatchObject({ InstanceState: 'TERMINATING', LatestOperation: 'TerminateInstances', LatestOperationState: 'SUCCESS' });
    fixture.advance(RETENTION - 1);
    expect(fixture.instances()).toHaveLength(1);
    fixture.advance(1);
    expect(fixture.instances()).toEqual([]);
    expect(fixture.call('DescribeInstancesStatus', { InstanceIds: [instanceId] })).toEqual({ TotalCount: 0, InstanceStatusSet: [] });
    expect(apiError(() => fixture.call('StartInstances', { InstanceIds: [instanceId] })).code).toBe('InvalidInstanceId.NotFound');
  });

  it('terminates a stopped instance too', () => {
    const { fixture, instanceId } = instanceIn('STOPPED');
    fixture.call('TerminateInstances', { InstanceIds: [instanceId] });
    expect(fixture.stateOf(instanceId)).toBe('TERMINATING');
  });

  it('moves PREPAID instances to SHUTDOWN (IsolatedSource MANMADE) first, and destroys them on the second call', () => {
    const { fixture, instanceId } = runningInstance({ InstanceChargeType: 'PREPAID', InstanceChargePrepaid: { Period: 1 } });
    fixture.call('TerminateInstances', { InstanceIds: [instanceId] });
    expect(describeOne(fixture, instanceId)).toMatchObject({ InstanceState: 'RUNNING', LatestOperation: 'TerminateInstances', LatestOperationState: 'OPERATING' });
    fixture.advance(TRANSITION);
    expect(describeOne(fixture, instanceId)).toMatchObject({ InstanceState: 'SHUTDOWN', IsolatedSource: 'MANMADE', LatestOperationState: 'SUCCESS' });
    fixture.call('TerminateInstances', { InstanceIds: [instanceId] });
    expect(fixture.stateOf(instanceId)).toBe('TERMINATING');
    fixture.advance(TRANSITION + RETENTION);
    expect(fixture.instances()).toEqual([]);
  });

  /** Reference §4.13 operation matrix; "ok" means the call is accepted. */
  it.each<[string, string, string]>([
    ['PENDING', 'StartInstances', 'UnsupportedOperation.InstanceStatePending'],
    ['PENDING', 'StopInstances', 'UnsupportedOperation.InstanceStatePending'],
    ['PENDING', 'RebootInstances', 'UnsupportedOperation.InstanceStatePending'],
    ['PENDING', 'TerminateInstances', 'UnsupportedOperation.InstanceStatePending'],
    ['RUNNING', 'StartInstances', 'UnsupportedOperation.InstanceStateRunning'],
    ['RUNNING', 'StopInstances', 'ok'],
    ['RUNNING', 'RebootInstances', 'ok'],
    ['RUNNING', 'TerminateInstances', 'ok'],
    ['STOPPED', 'StartInstances', 'ok'],
    ['STOPPED', 'StopInstances', 'UnsupportedOperation.InstanceStateStopped'],
    ['STOPPED', 'RebootInstances', 'UnsupportedOperation.InstanceStateStopped'],
    ['STOPPED', 'TerminateInstances', 'ok'],
    ['STARTING', 'StartInstances', 'UnsupportedOperation.InstanceStateStarting'],
    ['STARTING', 'StopInstances', 'UnsupportedOperation.InstanceStateStarting'],
    ['STARTING', 'RebootInstances', 'UnsupportedOperation.InstanceStateStarting'],
    ['STARTING', 'TerminateInstances', 'UnsupportedOperation.InstanceStateStarting'],
    ['STOPPING', 'StartInstances', 'UnsupportedOperation.InstanceStateStopping'],
    ['STOPPING', 'StopInstances', 'UnsupportedOperation.InstanceStateStopping'],
    ['STOPPING', 'RebootInstances', 'UnsupportedOperation.InstanceStateStopping'],
    ['STOPPING', 'TerminateInstances', 'UnsupportedOperation.InstanceStateStopping'],
    ['REBOOTING', 'StartInstances', 'UnsupportedOperation.InstanceStateRebooting'],
    ['REBOOTING', 'StopInstances', 'UnsupportedOperation.InstanceStateRebooting'],
    ['REBOOTING', 'RebootInstances', 'UnsupportedOperation.InstanceStateRebooting'],
    ['REBOOTING', 'TerminateInstances', 'UnsupportedOperation.InstanceStateRebooting'],
    ['SHUTDOWN', 'StartInstances', 'UnsupportedOperation.InstanceStateShutdown'],
    ['SHUTDOWN', 'StopInstances', 'UnsupportedOperation.InstanceStateShutdown'],
    ['SHUTDOWN', 'RebootInstances', 'UnsupportedOperation.InstanceStateShutdown'],
    ['SHUTDOWN', 'TerminateInstances', 'ok'],
    ['TERMINATING', 'StartInstances', 'UnsupportedOperation.InstanceStateTerminating'],
    ['TERMINATING', 'StopInstances', 'UnsupportedOperation.InstanceStateTerminating'],
    ['TERMINATING', 'RebootInstances', 'UnsupportedOperation.InstanceStateTerminating'],
    ['TERMINATING', 'TerminateInstances', 'UnsupportedOperation.InstanceStateTerminating'],
    ['ISOLATING', 'StartInstances', 'UnsupportedOperation.InstanceStateIsolating'],
    ['ISOLATING', 'TerminateInstances', 'UnsupportedOperation.InstanceStateIsolating'],
    ['DESTROYED', 'StartInstances', 'UnsupportedOperation.InstanceStateTerminated'],
    ['DESTROYED', 'StopInstances', 'UnsupportedOperation.InstanceStateTerminated'],
    ['DESTROYED', 'RebootInstances', 'InvalidInstanceId.NotFound'],
    ['DESTROYED', 'TerminateInstances', 'UnsupportedOperation.InstanceStateTerminated'],
  ])('%s + %s → %s', (state, action, expected) => {
    const { fixture, instanceId } = instanceIn(state);
    const before = describeOne(fixture, instanceId);
    if (expected === 'ok') {
      expect(fixture.call(action, { InstanceIds: [instanceId] })).toEqual({});
      expect(describeOne(fixture, instanceId)?.LatestOperation).toBe(action);
      return;
    }
    const error = apiError(() => fixture.call(action, { InstanceIds: [instanceId] }));
    expect(error.code).toBe(expected);
    expect(error.message).toContain(instanceId);
    expect(describeOne(fixture, instanceId)).toEqual(before);
  });

  describe('batch rules', () => {
    it('is all-or-nothing: one instance in a wrong state leaves every instance untouched', () => {
      const fixture = createFixture({ transitionMs: TRANSITION, terminatedRetentionMs: RETENTION });
      const [first = '', second = ''] = fixture.run({ InstanceCount: 2 });
      fixture.advance(TRANSITION);
      fixture.call('StopInstances', { InstanceIds: [second] });
      fixture.advance(TRANSITION);
      expect(apiError(() => fixture.call('StopInstances', { InstanceIds: [first, second] })).code).toBe('UnsupportedOperation.InstanceStateStopped');
      expect(fixture.stateOf(first)).toBe('RUNNING');
    });

    it('stops several instances in one call', () => {
      const fixture = createFixture({ transitionMs: TRANSITION, terminatedRetentionMs: RETENTION });
      const ids = fixture.run({ InstanceCount: 3 });
      fixture.advance(TRANSITION);
      fixture.call('StopInstances', { InstanceIds: ids });
      expect(fixture.call('DescribeInstancesStatus', { InstanceIds: ids }).InstanceStatusSet).toEqual(
        ids.map((InstanceId) => ({ InstanceId, InstanceState: 'STOPPING' })),
      );
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['StartInstances', {}, 'MissingParameter'],
      ['StopInstances', { InstanceIds: [] }, 'MissingParameter'],
      ['RebootInstances', { InstanceIds: ['ins-1122'] }, 'InvalidInstanceId.Malformed'],
      ['TerminateInstances', { InstanceIds: ['ins-zzzzzzzz'] }, 'InvalidInstanceId.NotFound'],
      ['StopInstances', { InstanceIds: Array.from({ length: 101 }, (_, index) => `ins-${String(index).padStart(8, '0')}`) }, 'InvalidParameterValue.LimitExceeded'],
      ['StopInstances', { InstanceIds: ['ins-zzzzzzzz'], ForceStop: true, StopType: 'HARD' }, 'InvalidParameterCombination'],
      ['RebootInstances', { InstanceIds: ['ins-zzzzzzzz'], ForceReboot: true, StopType: 'SOFT' }, 'InvalidParameterCombination'],
      ['StopInstances', { InstanceIds: ['ins-zzzzzzzz'], StopType: 'GENTLE' }, 'InvalidParameterValue'],
      ['StopInstances', { InstanceIds: ['ins-zzzzzzzz'], StoppedMode: 'HALF_CHARGING' }, 'InvalidParameterValue'],
      ['TerminateInstances', { InstanceIds: ['ins-zzzzzzzz'], ReleaseAddress: 'yes' }, 'InvalidParameter'],
    ])('%s %j → %s', (action, params, code) => {
      const fixture = createFixture();
      expect(apiError(() => fixture.call(action, params)).code).toBe(code);
    });

    it('names every unknown id in InvalidInstanceId.NotFound', () => {
      const { fixture, instanceId } = runningInstance();
      const error = apiError(() => fixture.call('StopInstances', { InstanceIds: [instanceId, 'ins-aaaaaaaa', 'ins-bbbbbbbb'] }));
      expect(error.code).toBe('InvalidInstanceId.NotFound');
      expect(error.message).toContain('ins-aaaaaaaa, ins-bbbbbbbb');
      expect(fixture.stateOf(instanceId)).toBe('RUNNING');
    });

    it('refuses to terminate protected instances (DisableApiTermination)', () => {
      const { fixture, instanceId } = runningInstance({ DisableApiTermination: true });
      expect(apiError(() => fixture.call('TerminateInstances', { InstanceIds: [instanceId] })).code).toBe('UnsupportedOperation.InstancesProtected');
      expect(fixture.stateOf(instanceId)).toBe('RUNNING');
    });

    it('refuses to terminate a mix of PREPAID and pay-as-you-go instances', () => {
      const fixture = createFixture({ transitionMs: 0, terminatedRetentionMs: RETENTION });
      const [hourly = ''] = fixture.run();
      const [monthly = ''] = fixture.run({ InstanceChargeType: 'PREPAID', InstanceChargePrepaid: { Period: 1 } });
      expect(apiError(() => fixture.call('TerminateInstances', { InstanceIds: [hourly, monthly] })).code).toBe(
        'UnsupportedOperation.InstanceMixedPricingModel',
      );
    });

    it('cannot touch another account’s instance', () => {
      const { fixture, instanceId } = runningInstance();
      expect(apiError(() => fixture.call('StopInstances', { InstanceIds: [instanceId] }, { accountId: '100000000002' })).code).toBe(
        'InvalidInstanceId.NotFound',
      );
      expect(fixture.stateOf(instanceId)).toBe('RUNNING');
    });
  });
});
