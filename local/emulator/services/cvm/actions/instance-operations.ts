import {
  instanceNotFound,
  instancesProtected,
  instanceStateUnsupported,
  limitExceeded,
  missingParameter,
  mixedPricingModel,
  parameterCombination,
  stopChargingUnsupported,
} from '../errors';
import { requireOneOf } from '../models/catalogue-checks';
import type { Instance } from '../models/instance';
import type { InstanceOperation } from '../models/lifecycle';
import type { ParamReader } from '../params';
import type { ActionDefinition, RegionalEnvironment } from './action';
import { checkInstanceId, MAX_INSTANCE_IDS } from './describe-instances';

const STOP_TYPES = ['SOFT', 'HARD', 'SOFT_FIRST'] as const;
const STOPPED_MODES = ['KEEP_CHARGING', 'STOP_CHARGING'] as const;

/**
 * The instances a batch call names, all-or-nothing (reference §4.13): `InstanceIds` required, ≤ 100,
 * well formed, every one present. Destroyed instances still in their retention period count as present;
 * `checkStates` then refuses them like any instance whose state does not accept the operation.
 */
function operableInstances(params: ParamReader, env: RegionalEnvironment): readonly Instance[] {
  const instanceIds = params.stringArray('InstanceIds');
  if (instanceIds === undefined || instanceIds.length === 0) throw missingParameter('InstanceIds');
  if (instanceIds.length > MAX_INSTANCE_IDS) throw limitExceeded('InstanceIds', MAX_INSTANCE_IDS, instanceIds.length);
  instanceIds.forEach(checkInstanceId);
  const visible = new Map(
    env.store.visibleInstances(env.now, env.timing.terminatedRetentionMs).map((instance) => [instance.spec.instanceId, instance]),
  );
  const unique = [...new Set(instanceIds)];
  const missing = unique.filter((instanceId) => !visible.has(instanceId));
  if (missing.length > 0) throw instanceNotFound(missing);
  return unique.flatMap((instanceId) => visible.get(instanceId) ?? []);
}

function checkStates(instances: readonly Instance[], operation: InstanceOperation): void {
  instances.forEach((instance) => {
    const code = instance.refusal(operation);
    if (code === undefined) return;
    if (code === 'InvalidInstanceId.NotFound') throw instanceNotFound([instance.spec.instanceId]);
    const state = instance.destroyedAt === undefined ? instance.shownState : 'TERMINATED';
    throw instanceStateUnsupported(code, instance.spec.instanceId, state);
  });
}

/** `StopType` and the deprecated `<legacy>` flag exclude each other (reference §4.10, §4.11). */
function checkStopType(params: ParamReader, legacy: 'ForceStop' | 'ForceReboot'): void {
  const forced = params.boolean(legacy);
  const stopType = params.string('StopType');
  if (forced !== undefined && stopType !== undefined) {
    throw parameterCombination(`${legacy} and StopType cannot be specified at the same time.`);
  }
  if (stopType !== undefined) requireOneOf('StopType', stopType, STOP_TYPES);
}

/** StartInstances (reference §4.9): STOPPED → STARTING → RUNNING. */
export const startInstances: ActionDefinition = {
  regional: true,
  parameters: ['InstanceIds'],
  handle(params, env) {
    const instances = operableInstances(params, env);
    checkStates(instances, 'StartInstances');
    instances.forEach((instance) => instance.start(env.now, env.timing.transitionMs, env.context.requestId));
    return {};
  },
};

/**
 * StopInstances (reference §4.10): RUNNING → STOPPING → STOPPED. `StoppedMode: STOP_CHARGING` is only
 * for pay-as-you-go instances and shows as `StopChargingMode: STOP_CHARGING` once stopped. The stop
 * type changes nothing in the emulator (there is no guest OS to shut down softly).
 */
export const stopInstances: ActionDefinition = {
  regional: true,
  parameters: ['InstanceIds', 'ForceStop', 'StopType', 'StoppedMode'],
  handle(params, env) {
    checkStopType(params, 'ForceStop');
    const mode = requireOneOf('StoppedMode', params.string('StoppedMode') ?? 'KEEP_CHARGING', STOPPED_MODES);
    const instances = operableInstances(params, env);
    checkStates(instances, 'StopInstances');
    if (mode === 'STOP_CHARGING') {
      const ineligible = instances.find((instance) => instance.spec.chargeType !== 'POSTPAID_BY_HOUR');
      if (ineligible !== undefined) throw stopChargingUnsupported(ineligible.spec.instanceId, ineligible.spec.chargeType);
    }
    instances.forEach((instance) => instance.stop(env.now, env.timing.transitionMs, env.context.requestId, mode));
    return {};
  },
};

/** RebootInstances (reference §4.11): RUNNING → REBOOTING → RUNNING. */
export const rebootInstances: ActionDefinition = {
  regional: true,
  parameters: ['InstanceIds', 'ForceReboot', 'StopType'],
  handle(params, env) {
    checkStopType(params, 'ForceReboot');
    const instances = operableInstances(params, env);
    checkStates(instances, 'RebootInstances');
    instances.forEach((instance) => instance.reboot(env.now, env.timing.transitionMs, env.context.requestId));
    return {};
  },
};

/**
 * TerminateInstances (reference §4.12): one charge type per call; protected instances refuse; pay-as-you-go
 * (and recycle-bin) instances go TERMINATING → destroyed, PREPAID ones are isolated to SHUTDOWN first.
 * `ReleaseAddress` / `ReleasePrepaidDataDisks` are accepted and have no further effect.
 */
export const terminateInstances: ActionDefinition = {
  regional: true,
  parameters: ['InstanceIds', 'ReleaseAddress', 'ReleasePrepaidDataDisks'],
  handle(params, env) {
    // Read only so a wrong type is `InvalidParameter`; neither flag changes the emulated outcome.
    params.boolean('ReleaseAddress');
    params.boolean('ReleasePrepaidDataDisks');
    const instances = operableInstances(params, env);
    if (new Set(instances.map((instance) => instance.spec.chargeType)).size > 1) throw mixedPricingModel();
    const protectedIds = instances.filter((instance) => instance.spec.disableApiTermination).map((instance) => instance.spec.instanceId);
    if (protectedIds.length > 0) throw instancesProtected(protectedIds);
    checkStates(instances, 'TerminateInstances');
    instances.forEach((instance) => instance.terminate(env.now, env.timing.transitionMs, env.context.requestId));
    return {};
  },
};
