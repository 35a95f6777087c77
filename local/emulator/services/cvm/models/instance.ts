import type { InstanceTypeDefinition } from '../../../catalogue/instance-types';
import type { LocalizedName } from '../../../catalogue/localized';
import { ISOLATING_CODE, destroyedVerdict, refusalFor, type InstanceOperation, type InstanceState } from './lifecycle';

export type ChargeType = 'PREPAID' | 'POSTPAID_BY_HOUR' | 'SPOTPAID';
export type StopChargingMode = 'NOT_APPLICABLE' | 'KEEP_CHARGING' | 'STOP_CHARGING';
type OperationName = 'RunInstances' | InstanceOperation;

export interface DiskSpec {
  readonly DiskType: string;
  readonly DiskId: string;
  readonly DiskSize: number;
}

export interface DataDiskSpec extends DiskSpec {
  readonly DeleteWithInstance: boolean;
  readonly Encrypt: boolean;
}

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/** Everything fixed at purchase time (RunInstances); the lifecycle lives in `Instance`. */
export interface InstanceSpec {
  readonly instanceId: string;
  readonly uuid: string;
  readonly zone: string;
  readonly projectId: number;
  readonly instanceType: InstanceTypeDefinition;
  readonly imageId: string;
  readonly osName: LocalizedName;
  readonly defaultLogin: { readonly user: string; readonly port: number };
  readonly instanceName: string;
  readonly chargeType: ChargeType;
  /** PREPAID only. */
  readonly prepaid?: { readonly renewFlag: string; readonly expiredAt: number };
  readonly systemDisk: DiskSpec;
  readonly dataDisks: readonly DataDiskSpec[];
  readonly privateIpAddress: string;
  readonly publicIpAddress?: string;
  readonly internet: { readonly InternetChargeType: string; readonly InternetMaxBandwidthOut: number; readonly PublicIpAssigned: boolean };
  readonly vpc: { readonly VpcId: string; readonly SubnetId: string; readonly AsVpcGateway: boolean };
  readonly securityGroupIds: readonly string[];
  readonly keyIds: readonly string[];
  readonly tags: readonly Tag[];
  readonly createdAt: number;
  readonly disableApiTermination: boolean;
  readonly camRoleName: string;
}

interface Transition {
  readonly operation: OperationName;
  /** What DescribeInstances shows until `endsAt`. */
  readonly shownState: InstanceState;
  readonly endsAt: number;
  readonly result: InstanceState | 'DESTROYED';
  /** Overrides the matrix while in flight (prepaid isolation answers `…Isolating`). */
  readonly refusal?: string;
}

/**
 * One instance and its lifecycle (reference §4.13). Each operation records a transition that ends at
 * a fixed time; `settle(now)` applies it once that time has passed, so reads resolve state lazily and
 * deterministically against the injected clock.
 */
export class Instance {
  private state: InstanceState = 'PENDING';
  private transition: Transition | undefined;
  private requestedStopMode: StopChargingMode = 'KEEP_CHARGING';
  latestOperation: OperationName = 'RunInstances';
  latestOperationState: 'OPERATING' | 'SUCCESS' = 'OPERATING';
  latestOperationRequestId: string;
  stopChargingMode: StopChargingMode = 'NOT_APPLICABLE';
  isolatedSource: 'NOTISOLATED' | 'MANMADE' = 'NOTISOLATED';
  /** When destruction completed; the instance stays visible for the retention period after it. */
  destroyedAt: number | undefined;

  constructor(
    readonly spec: InstanceSpec,
    requestId: string,
    transitionMs: number,
  ) {
    this.latestOperationRequestId = requestId;
    this.transition = { operation: 'RunInstances', shownState: 'PENDING', endsAt: spec.createdAt + transitionMs, result: 'RUNNING' };
  }

  /** Applies a transition whose end time has passed. */
  settle(now: number): void {
    const transition = this.transition;
    if (transition === undefined || now < transition.endsAt) return;
    this.transition = undefined;
    this.latestOperationState = 'SUCCESS';
    if (transition.result === 'DESTROYED') {
      this.state = 'TERMINATING';
      this.destroyedAt = transition.endsAt;
      return;
    }
    this.state = transition.result;
    if (transition.result === 'STOPPED') this.stopChargingMode = this.requestedStopMode;
    if (transition.result === 'SHUTDOWN') this.isolatedSource = 'MANMADE';
  }

  /** The state DescribeInstances shows (call `settle` first). */
  get shownState(): InstanceState {
    return this.transition?.shownState ?? this.state;
  }

  isGone(now: number, retentionMs: number): boolean {
    return this.destroyedAt !== undefined && now >= this.destroyedAt + retentionMs;
  }

  /** `undefined` when `operation` is allowed now, else the error code (reference §4.13). */
  refusal(operation: InstanceOperation): string | undefined {
    if (this.destroyedAt !== undefined) return destroyedVerdict(operation);
    if (this.transition?.refusal !== undefined) return this.transition.refusal;
    return refusalFor(this.shownState, operation);
  }

  start(now: number, transitionMs: number, requestId: string): void {
    this.stopChargingMode = 'NOT_APPLICABLE';
    this.begin({ operation: 'StartInstances', shownState: 'STARTING', endsAt: now + transitionMs, result: 'RUNNING' }, requestId);
  }

  stop(now: number, transitionMs: number, requestId: string, mode: 'KEEP_CHARGING' | 'STOP_CHARGING'): void {
    this.requestedStopMode = mode;
    this.begin({ operation: 'StopInstances', shownState: 'STOPPING', endsAt: now + transitionMs, result: 'STOPPED' }, requestId);
  }

  reboot(now: number, transitionMs: number, requestId: string): void {
    this.begin({ operation: 'RebootInstances', shownState: 'REBOOTING', endsAt: now + transitionMs, result: 'RUNNING' }, requestId);
  }

  /**
   * Pay-as-you-go (and SHUTDOWN) instances go TERMINATING → destroyed. A PREPAID instance that is not
   * yet in the recycle bin is isolated first: it keeps its state while `OPERATING`, then shows
   * `SHUTDOWN` with `IsolatedSource: MANMADE`; a second call destroys it (reference §4.12).
   */
  terminate(now: number, transitionMs: number, requestId: string): void {
    const endsAt = now + transitionMs;
    if (this.spec.chargeType === 'PREPAID' && this.state !== 'SHUTDOWN') {
      this.begin({ operation: 'TerminateInstances', shownState: this.state, endsAt, result: 'SHUTDOWN', refusal: ISOLATING_CODE }, requestId);
      return;
    }
    this.begin({ operation: 'TerminateInstances', shownState: 'TERMINATING', endsAt, result: 'DESTROYED' }, requestId);
  }

  private begin(transition: Transition, requestId: string): void {
    this.transition = transition;
    this.latestOperation = transition.operation;
    this.latestOperationState = 'OPERATING';
    this.latestOperationRequestId = requestId;
  }
}
