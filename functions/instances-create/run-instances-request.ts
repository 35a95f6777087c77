import type { RunInstancesRequest } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import type { CreateInstancesBody } from './schema';

/** What the handler settled before the call: the zone and disk size it looked up, and the token. */
export interface ResolvedCreate {
  readonly zone: string;
  /** `undefined` only when neither the body nor the image gave one. */
  readonly diskSize: number | undefined;
  readonly clientToken: string;
}

function systemDisk(body: CreateInstancesBody, diskSize: number | undefined): Pick<RunInstancesRequest, 'SystemDisk'> {
  const diskType = body.systemDisk?.diskType;
  if (diskType === undefined && diskSize === undefined) return {};
  return { SystemDisk: { ...(diskType === undefined ? {} : { DiskType: diskType }), ...(diskSize === undefined ? {} : { DiskSize: diskSize }) } };
}

function loginSettings(body: CreateInstancesBody): Pick<RunInstancesRequest, 'LoginSettings'> {
  if (body.password !== undefined) return { LoginSettings: { Password: body.password } };
  if (body.keyIds !== undefined) return { LoginSettings: { KeyIds: [...body.keyIds] } };
  return {};
}

/**
 * The RunInstances parameters (reference §4.6) for a validated body. Fields the caller left out are left
 * out, so the platform's documented defaults apply (pay-as-you-go, one instance, 0 Mbps, default VPC
 * and security group).
 *
 * @example
 * runInstancesRequest({ region: 'ap-guangzhou', imageId: 'img-pmqg1cw7', instanceType: 'S5.MEDIUM2' }, { zone: 'ap-guangzhou-3', diskSize: 50, clientToken: 't' })
 * // { Placement: { Zone: 'ap-guangzhou-3' }, ImageId: 'img-pmqg1cw7', InstanceType: 'S5.MEDIUM2', SystemDisk: { DiskSize: 50 }, ClientToken: 't' }
 */
function runInstancesRequest(body: CreateInstancesBody, resolved: ResolvedCreate): RunInstancesRequest {
  const prepaid = body.instanceChargePrepaid;
  return {
    ...(body.instanceChargeType === undefined ? {} : { InstanceChargeType: body.instanceChargeType }),
    ...(prepaid === undefined
      ? {}
      : { InstanceChargePrepaid: { Period: prepaid.period, ...(prepaid.renewFlag === undefined ? {} : { RenewFlag: prepaid.renewFlag }) } }),
    Placement: { Zone: resolved.zone },
    ImageId: body.imageId,
    InstanceType: body.instanceType,
    ...systemDisk(body, resolved.diskSize),
    ...(body.vpcId === undefined || body.subnetId === undefined ? {} : { VirtualPrivateCloud: { VpcId: body.vpcId, SubnetId: body.subnetId } }),
    ...(body.internetMaxBandwidthOut === undefined ? {} : { InternetAccessible: { InternetMaxBandwidthOut: body.internetMaxBandwidthOut } }),
    ...(body.instanceCount === undefined ? {} : { InstanceCount: body.instanceCount }),
    ...(body.instanceName === undefined ? {} : { InstanceName: body.instanceName }),
    ...loginSettings(body),
    ...(body.securityGroupIds === undefined ? {} : { SecurityGroupIds: [...body.securityGroupIds] }),
    ...(body.tags === undefined || body.tags.length === 0
      ? {}
      : { TagSpecification: [{ ResourceType: 'instance', Tags: body.tags.map((tag) => ({ Key: tag.key, Value: tag.value })) }] }),
    ...(body.dryRun === undefined ? {} : { DryRun: body.dryRun }),
    ClientToken: resolved.clientToken,
  };
}

export { runInstancesRequest };
