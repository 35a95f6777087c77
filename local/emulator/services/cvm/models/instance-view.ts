import type { Instance as WireInstance } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import type { Language } from '../service';
import type { Instance } from './instance';

/** Fields the real API answers as `null` for pay-as-you-go or absent data (reference §4.7); the SDK types say string. */
type NullableFields = 'RenewFlag' | 'ExpiredTime' | 'PublicIpAddresses' | 'LatestOperationErrorMsg' | 'GPUInfo';
export type InstanceView = Omit<WireInstance, NullableFields> & {
  readonly RenewFlag: string | null;
  readonly ExpiredTime: string | null;
  readonly PublicIpAddresses: string[] | null;
  readonly LatestOperationErrorMsg: string | null;
  readonly GPUInfo?: NonNullable<WireInstance['GPUInfo']>;
};

/** `YYYY-MM-DDThh:mm:ssZ` (reference §4.7). */
function isoSeconds(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

/**
 * The wire `Instance` of DescribeInstances (reference §4.7 example). `LoginSettings` carries only
 * `KeyIds`; passwords are never stored. Call `instance.settle(now)` first.
 */
export function toWireInstance(instance: Instance, language: Language): InstanceView {
  const spec = instance.spec;
  const type = spec.instanceType;
  return {
    Placement: { Zone: spec.zone, ProjectId: spec.projectId, HostIds: [] },
    InstanceId: spec.instanceId,
    InstanceType: type.instanceType,
    CPU: type.cpu,
    Memory: type.memory,
    RestrictState: 'NORMAL',
    InstanceName: spec.instanceName,
    InstanceChargeType: spec.chargeType,
    SystemDisk: { ...spec.systemDisk },
    DataDisks: spec.dataDisks.map((disk) => ({ ...disk })),
    PrivateIpAddresses: [spec.privateIpAddress],
    PublicIpAddresses: spec.publicIpAddress === undefined ? null : [spec.publicIpAddress],
    InternetAccessible: { ...spec.internet },
    VirtualPrivateCloud: { ...spec.vpc, PrivateIpAddresses: [spec.privateIpAddress] },
    ImageId: spec.imageId,
    RenewFlag: spec.prepaid?.renewFlag ?? null,
    CreatedTime: isoSeconds(spec.createdAt),
    ExpiredTime: spec.prepaid === undefined ? null : isoSeconds(spec.prepaid.expiredAt),
    OsName: spec.osName[language],
    SecurityGroupIds: [...spec.securityGroupIds],
    LoginSettings: { KeyIds: [...spec.keyIds] },
    InstanceState: instance.shownState,
    Tags: spec.tags.map((tag) => ({ ...tag })),
    StopChargingMode: instance.stopChargingMode,
    Uuid: spec.uuid,
    LatestOperation: instance.latestOperation,
    LatestOperationState: instance.latestOperationState,
    LatestOperationRequestId: instance.latestOperationRequestId,
    LatestOperationErrorMsg: null,
    DisasterRecoverGroupId: '',
    IPv6Addresses: [],
    CamRoleName: spec.camRoleName,
    HpcClusterId: '',
    RdmaIpAddresses: [],
    DedicatedClusterId: '',
    IsolatedSource: instance.isolatedSource,
    ...(type.gpu > 0 ? { GPUInfo: { GPUCount: type.gpu, GPUId: [], GPUType: type.gpuType ?? '' } } : {}),
    LicenseType: 'TencentCloud',
    DisableApiTermination: spec.disableApiTermination,
    DefaultLoginUser: spec.defaultLogin.user,
    DefaultLoginPort: spec.defaultLogin.port,
  };
}
