/**
 * The instance state machine of reference §4.13 as data: which operation each state accepts, and the
 * `UnsupportedOperation.InstanceState<X>` code it answers otherwise.
 */

export type InstanceState =
  | 'PENDING'
  | 'LAUNCH_FAILED'
  | 'RUNNING'
  | 'STOPPED'
  | 'STARTING'
  | 'STOPPING'
  | 'REBOOTING'
  | 'SHUTDOWN'
  | 'TERMINATING';

export type InstanceOperation = 'StartInstances' | 'StopInstances' | 'RebootInstances' | 'TerminateInstances';

const ACCEPTED = 'ok';
type Verdict = typeof ACCEPTED | string;

const PREFIX = 'UnsupportedOperation.InstanceState';

/**
 * The §4.13 operation matrix. Cells marked † there (LAUNCH_FAILED for Start/Stop/Reboot) answer the
 * bare `UnsupportedOperation`, our documented choice.
 */
const MATRIX: Readonly<Record<InstanceState, Readonly<Record<InstanceOperation, Verdict>>>> = {
  PENDING: { StartInstances: `${PREFIX}Pending`, StopInstances: `${PREFIX}Pending`, RebootInstances: `${PREFIX}Pending`, TerminateInstances: `${PREFIX}Pending` },
  LAUNCH_FAILED: { StartInstances: 'UnsupportedOperation', StopInstances: 'UnsupportedOperation', RebootInstances: 'UnsupportedOperation', TerminateInstances: `${PREFIX}LaunchFailed` },
  RUNNING: { StartInstances: `${PREFIX}Running`, StopInstances: ACCEPTED, RebootInstances: ACCEPTED, TerminateInstances: ACCEPTED },
  STOPPED: { StartInstances: ACCEPTED, StopInstances: `${PREFIX}Stopped`, RebootInstances: `${PREFIX}Stopped`, TerminateInstances: ACCEPTED },
  STARTING: { StartInstances: `${PREFIX}Starting`, StopInstances: `${PREFIX}Starting`, RebootInstances: `${PREFIX}Starting`, TerminateInstances: `${PREFIX}Starting` },
  STOPPING: { StartInstances: `${PREFIX}Stopping`, StopInstances: `${PREFIX}Stopping`, RebootInstances: `${PREFIX}Stopping`, TerminateInstances: `${PREFIX}Stopping` },
  REBOOTING: { StartInstances: `${PREFIX}Rebooting`, StopInstances: `${PREFIX}Rebooting`, RebootInstances: `${PREFIX}Rebooting`, TerminateInstances: `${PREFIX}Rebooting` },
  SHUTDOWN: { StartInstances: `${PREFIX}Shutdown`, StopInstances: `${PREFIX}Shutdown`, RebootInstances: `${PREFIX}Shutdown`, TerminateInstances: ACCEPTED },
  TERMINATING: { StartInstances: `${PREFIX}Terminating`, StopInstances: `${PREFIX}Terminating`, RebootInstances: `${PREFIX}Terminating`, TerminateInstances: `${PREFIX}Terminating` },
};

/** While a prepaid instance is being moved to the recycle bin every operation answers this (§4.9–4.12 lists). */
export const ISOLATING_CODE = `${PREFIX}Isolating`;

/**
 * A destroyed instance that is still visible: §4.13's "destroyed" row. RebootInstances' documented list
 * has no `…Terminated` code, so it answers `InvalidInstanceId.NotFound`.
 */
export function destroyedVerdict(operation: InstanceOperation): string {
  return operation === 'RebootInstances' ? 'InvalidInstanceId.NotFound' : `${PREFIX}Terminated`;
}

/** `undefined` when the state accepts the operation, else the error code to answer. */
export function refusalFor(state: InstanceState, operation: InstanceOperation): string | undefined {
  const verdict = MATRIX[state][operation];
  return verdict === ACCEPTED ? undefined : verdict;
}
