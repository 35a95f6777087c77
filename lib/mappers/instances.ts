import type {
  DescribeInstancesResponse,
  Instance,
  InstanceStatus,
  RunInstancesResponse,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { asText } from './text';

/** One instance of `GET /api/instances` (api-contract.md "Response shapes"); keys in the contract's order. */
export interface InstanceItem {
  readonly instanceId: string;
  readonly instanceName: string;
  readonly instanceState: string;
  readonly instanceType: string;
  readonly cpu: string;
  readonly memory: string;
  readonly zone: string;
  readonly imageId: string;
  readonly osName: string;
  readonly privateIpAddresses: readonly string[];
  readonly publicIpAddresses: readonly string[];
  readonly instanceChargeType: string;
  readonly createdTime: string;
  readonly expiredTime: string;
}

export interface InstancesBody {
  readonly instances: readonly InstanceItem[];
  readonly totalCount: string;
  readonly requestId: string;
}

/** `POST /api/instances`. */
export interface CreatedInstancesBody {
  readonly instanceIds: readonly string[];
  readonly requestId: string;
}

/** `POST /api/instances` with `dryRun: true` when the upstream check passed. */
export interface DryRunBody {
  readonly dryRun: true;
  readonly requestId: string;
}

/** `PUT /api/instances/{start|stop|reboot|terminate}`. */
export interface RequestIdBody {
  readonly requestId: string;
}

/** One instance's state while a `wait` was running; `""` once the instance is no longer listed. */
export interface InstanceStateItem {
  readonly instanceId: string;
  readonly instanceState: string;
}

/**
 * The 202 of a `wait` that ended before every instance reached `targetState`: the operation's own answer,
 * where each instance stands, and why the wait ended (`time-out`, `dead-end`: a state that can no longer
 * lead there, `poll-failed`: the states could not be read).
 */
export type WaitUnfinishedBody<TAnswer extends RequestIdBody> = Omit<TAnswer, 'requestId'> & {
  readonly instances: readonly InstanceStateItem[];
  readonly targetState: string;
  readonly waitOutcome: string;
  readonly requestId: string;
};

/** Addresses are lists; the API answers `null` when there are none (reference §4.7). */
function asTextList(values: readonly (string | null | undefined)[] | null | undefined): string[] {
  return (values ?? []).map(asText);
}

/**
 * @example
 * toInstanceItem({ InstanceId: 'ins-r8hr2upy', CPU: 1, Memory: 2, Placement: { Zone: 'ap-guangzhou-3' }, PublicIpAddresses: null })
 * // { instanceId: 'ins-r8hr2upy', instanceName: '', …, cpu: '1', memory: '2', zone: 'ap-guangzhou-3', …, publicIpAddresses: [], … }
 */
function toInstanceItem(instance: Instance): InstanceItem {
  return {
    instanceId: asText(instance.InstanceId),
    instanceName: asText(instance.InstanceName),
    instanceState: asText(instance.InstanceState),
    instanceType: asText(instance.InstanceType),
    cpu: asText(instance.CPU),
    memory: asText(instance.Memory),
    zone: asText(instance.Placement?.Zone),
    imageId: asText(instance.ImageId),
    osName: asText(instance.OsName),
    privateIpAddresses: asTextList(instance.PrivateIpAddresses),
    publicIpAddresses: asTextList(instance.PublicIpAddresses),
    instanceChargeType: asText(instance.InstanceChargeType),
    createdTime: asText(instance.CreatedTime),
    expiredTime: asText(instance.ExpiredTime),
  };
}

/**
 * @example
 * toInstancesBody({ TotalCount: 0, InstanceSet: [], RequestId: 'r' }) // { instances: [], totalCount: '0', requestId: 'r' }
 */
function toInstancesBody(response: DescribeInstancesResponse): InstancesBody {
  return {
    instances: (response.InstanceSet ?? []).map(toInstanceItem),
    totalCount: asText(response.TotalCount),
    requestId: asText(response.RequestId),
  };
}

/**
 * @example
 * toCreatedInstancesBody({ InstanceIdSet: ['ins-1vogaxgk'], RequestId: 'r' }) // { instanceIds: ['ins-1vogaxgk'], requestId: 'r' }
 */
function toCreatedInstancesBody(response: RunInstancesResponse): CreatedInstancesBody {
  return { instanceIds: asTextList(response.InstanceIdSet), requestId: asText(response.RequestId) };
}

/** @example toRequestIdBody({ RequestId: 'r' }) // { requestId: 'r' } */
function toRequestIdBody(response: { readonly RequestId?: string | null }): RequestIdBody {
  return { requestId: asText(response.RequestId) };
}

/**
 * The states of `instanceIds`, in that order, from DescribeInstancesStatus rows; an id without a row is
 * no longer listed and shows `""`.
 *
 * @example
 * toInstanceStates(['ins-a1b2c3d4'], [{ InstanceId: 'ins-a1b2c3d4', InstanceState: 'RUNNING' }])
 * // [{ instanceId: 'ins-a1b2c3d4', instanceState: 'RUNNING' }]
 */
function toInstanceStates(instanceIds: readonly string[], rows: readonly InstanceStatus[]): InstanceStateItem[] {
  const states = new Map(rows.map((row) => [row.InstanceId, row.InstanceState]));
  return instanceIds.map((instanceId) => ({ instanceId, instanceState: asText(states.get(instanceId)) }));
}

/**
 * @example
 * toWaitUnfinishedBody({ requestId: 'r' }, [{ instanceId: 'ins-a1b2c3d4', instanceState: 'STOPPING' }], 'STOPPED', 'time-out')
 * // { instances: [{ instanceId: 'ins-a1b2c3d4', instanceState: 'STOPPING' }], targetState: 'STOPPED', waitOutcome: 'time-out', requestId: 'r' }
 */
function toWaitUnfinishedBody<TAnswer extends RequestIdBody>(
  answer: TAnswer,
  instances: readonly InstanceStateItem[],
  targetState: string,
  waitOutcome: string,
): WaitUnfinishedBody<TAnswer> {
  const { requestId, ...rest } = answer;
  return { ...rest, instances, targetState, waitOutcome, requestId };
}

export { toCreatedInstancesBody, toInstanceItem, toInstanceStates, toInstancesBody, toRequestIdBody, toWaitUnfinishedBody };
