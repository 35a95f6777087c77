import type { ImageDefinition } from '../../../catalogue/images';
import type { InstanceTypeDefinition } from '../../../catalogue/instance-types';
import type { ZoneDefinition } from '../../../catalogue/zones';
import {
  imageIdMalformed,
  imageNotFound,
  imageTypeMismatch,
  instanceTypeUnavailable,
  invalidParameterValue,
  invalidPassword,
  limitExceeded,
  missingParameter,
  parameterCombination,
  rangeError,
  zoneSoldOut,
} from '../errors';
import { IMAGE_ID, IPV4, KEY_PAIR_ID, SECURITY_GROUP_ID, SUBNET_ID, VPC_ID } from '../formats';
import type { ParamReader } from '../params';
import { CvmApiError } from '../service';
import type { RegionStore } from '../store';
import type { CatalogueState } from './catalogue';
import { requireInstanceType, requireOneOf, requireZone } from './catalogue-checks';
import { findImage } from './images';
import type { ChargeType, Tag } from './instance';
import { expandNames } from './naming';
import { passwordProblem } from './password';

/** Everything RunInstances needs to create instances, validated (reference §4.6). */
export interface Purchase {
  readonly zone: ZoneDefinition;
  readonly projectId: number;
  readonly image: ImageDefinition;
  readonly instanceType: InstanceTypeDefinition;
  readonly chargeType: ChargeType;
  readonly prepaid?: { readonly period: number; readonly renewFlag: string };
  readonly count: number;
  readonly names: readonly string[];
  readonly systemDisk: { readonly DiskType: string; readonly DiskSize: number };
  readonly dataDisks: readonly { readonly DiskType: string; readonly DiskSize: number; readonly DeleteWithInstance: boolean; readonly Encrypt: boolean }[];
  readonly vpc: { readonly VpcId: string; readonly SubnetId: string; readonly AsVpcGateway: boolean };
  /** Fixed private addresses, one per instance, when given. */
  readonly privateIps?: readonly string[];
  readonly internet: { readonly InternetChargeType: string; readonly InternetMaxBandwidthOut: number; readonly PublicIpAssigned: boolean };
  readonly keyIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly tags: readonly Tag[];
  readonly disableApiTermination: boolean;
  readonly camRoleName: string;
}

/** What validation consults: the catalogue and the calling account's store in the request's region. */
export interface PurchaseEnvironment {
  readonly catalogue: CatalogueState;
  readonly store: RegionStore;
  readonly region: string;
}

/** The old documented default type (reference §4.6); the S1 family is sold in every AVAILABLE zone. */
export const DEFAULT_INSTANCE_TYPE = 'S1.SMALL1';
/** 1–100, the older documented cap, not the 1–500 of newer SDK metadata (reference §4.6): keeps batches within the 100-id batch limit of the other actions. */
export const MAX_INSTANCE_COUNT = 100;

const CHARGE_TYPES = ['PREPAID', 'POSTPAID_BY_HOUR', 'CDHPAID', 'SPOTPAID', 'CDCPAID'] as const;
const PREPAID_PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36, 48, 60];
const RENEW_FLAGS = ['NOTIFY_AND_AUTO_RENEW', 'NOTIFY_AND_MANUAL_RENEW', 'DISABLE_NOTIFY_AND_MANUAL_RENEW'] as const;
const SYSTEM_DISK_TYPES = ['LOCAL_BASIC', 'LOCAL_SSD', 'CLOUD_BASIC', 'CLOUD_SSD', 'CLOUD_PREMIUM', 'CLOUD_BSSD', 'CLOUD_HSSD', 'CLOUD_TSSD'] as const;
const DATA_DISK_TYPES = ['LOCAL_BASIC', 'LOCAL_SSD', 'LOCAL_NVME', 'LOCAL_PRO', 'CLOUD_BASIC', 'CLOUD_PREMIUM', 'CLOUD_SSD', 'CLOUD_HSSD', 'CLOUD_TSSD', 'CLOUD_BSSD'] as const;
const INTERNET_CHARGE_TYPES = ['BANDWIDTH_PREPAID', 'TRAFFIC_POSTPAID_BY_HOUR', 'BANDWIDTH_POSTPAID_BY_HOUR', 'BANDWIDTH_PACKAGE'] as const;
const TAG_RESOURCE_TYPES = ['instance', 'host', 'image', 'keypair', 'ps', 'hpc'] as const;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const USER_DATA_MAX_BYTES = 16 * 1024;

function readCharge(params: ParamReader): Pick<Purchase, 'chargeType' | 'prepaid'> {
  const chargeType = requireOneOf('InstanceChargeType', params.string('InstanceChargeType') ?? 'POSTPAID_BY_HOUR', CHARGE_TYPES);
  if (chargeType === 'CDHPAID' || chargeType === 'CDCPAID') {
    throw new CvmApiError('UnsupportedOperation', `InstanceChargeType ${chargeType} needs a dedicated host or cluster; the emulator has none.`);
  }
  if (chargeType !== 'PREPAID') return { chargeType };
  const prepaid = params.object('InstanceChargePrepaid');
  if (prepaid === undefined) throw missingParameter('InstanceChargePrepaid');
  const period = prepaid.integer('Period');
  if (period === undefined) throw missingParameter(prepaid.path('Period'));
  if (!PREPAID_PERIODS.includes(period)) {
    throw new CvmApiError('InvalidPeriod', `The prepaid period ${period} is not one of ${PREPAID_PERIODS.join(', ')} months.`);
  }
  const renewFlag = requireOneOf(prepaid.path('RenewFlag'), prepaid.string('RenewFlag') ?? 'NOTIFY_AND_MANUAL_RENEW', RENEW_FLAGS);
  return { chargeType, prepaid: { period, renewFlag } };
}

function readPlacement(params: ParamReader, env: PurchaseEnvironment): Pick<Purchase, 'zone' | 'projectId'> {
  const placement = params.object('Placement');
  if (placement === undefined) throw missingParameter('Placement.Zone');
  const zone = requireZone(env.catalogue, env.region, placement.requiredString('Zone'), 'Placement.Zone');
  const projectId = placement.integer('ProjectId') ?? 0;
  if (projectId < 0) throw invalidParameterValue('Placement.ProjectId', 'must not be negative');
  return { zone, projectId };
}

function readImageAndType(params: ParamReader, env: PurchaseEnvironment, zone: ZoneDefinition): Pick<Purchase, 'image' | 'instanceType'> {
  const imageId = params.requiredString('ImageId');
  if (!IMAGE_ID.test(imageId)) throw imageIdMalformed(imageId);
  const image = findImage(env.catalogue, env.store, imageId);
  if (image === undefined) throw imageNotFound(imageId);
  const instanceType = requireInstanceType(env.catalogue, params.string('InstanceType') ?? DEFAULT_INSTANCE_TYPE);
  if (zone.state === 'UNAVAILABLE') throw zoneSoldOut(zone.zone);
  if (!env.catalogue.typesSoldIn(zone.zone).includes(instanceType.instanceType)) {
    throw instanceTypeUnavailable(instanceType.instanceType, zone.zone);
  }
  if (image.architecture !== instanceType.architecture) {
    throw imageTypeMismatch(image.imageId, image.architecture, instanceType.instanceType);
  }
  return { image, instanceType };
}

function readCount(params: ParamReader): number {
  const count = params.integer('InstanceCount') ?? 1;
  if (count < 1 || count > MAX_INSTANCE_COUNT) throw rangeError('InstanceCount', 1, MAX_INSTANCE_COUNT, count);
  const minCount = params.integer('MinCount');
  if (minCount !== undefined && (minCount < 1 || minCount > count)) {
    throw new CvmApiError('InvalidParameterValue.InvalidParameterMinCount', `MinCount ${minCount} must be between 1 and InstanceCount ${count}.`);
  }
  return count;
}

/** System disk: 20–2048 GiB and at least the image size (our rule, reference §4.6); default CLOUD_PREMIUM, 50 GiB. */
function readSystemDisk(params: ParamReader, image: ImageDefinition): Purchase['systemDisk'] {
  const disk = params.object('SystemDisk');
  const diskType = requireOneOf('SystemDisk.DiskType', disk?.string('DiskType') ?? 'CLOUD_PREMIUM', SYSTEM_DISK_TYPES);
  const diskSize = disk?.integer('DiskSize') ?? Math.max(50, image.imageSize);
  if (diskSize < 20 || diskSize > 2048) throw rangeError('SystemDisk.DiskSize', 20, 2048, diskSize);
  if (diskSize < image.imageSize) {
    throw invalidParameterValue('SystemDisk.DiskSize', `${diskSize} GiB is smaller than image ${image.imageId} (${image.imageSize} GiB)`);
  }
  return { DiskType: diskType, DiskSize: diskSize };
}

/** Up to 21 data disks: at most 1 local and 20 cloud disks; 10–32000 GiB in steps of 10; cloud SSD ≥ 100 GiB. */
function readDataDisks(params: ParamReader): Purchase['dataDisks'] {
  const disks = params.objectArray('DataDisks') ?? [];
  if (disks.length > 21) throw limitExceeded('DataDisks', 21, disks.length);
  const parsed = disks.map((disk) => {
    const diskType = requireOneOf(disk.path('DiskType'), disk.string('DiskType') ?? 'LOCAL_BASIC', DATA_DISK_TYPES);
    const diskSize = disk.integer('DiskSize');
    if (diskSize === undefined) throw missingParameter(disk.path('DiskSize'));
    if (diskSize < 10 || diskSize > 32000) throw rangeError(disk.path('DiskSize'), 10, 32000, diskSize);
    if (diskSize % 10 !== 0) throw invalidParameterValue(disk.path('DiskSize'), 'must be a multiple of 10');
    if (diskType === 'CLOUD_SSD' && diskSize < 100) {
      throw new CvmApiError('InvalidParameterValue.CloudSsdDataDiskSizeTooSmall', `${disk.path('DiskSize')}: CLOUD_SSD data disks must be at least 100 GiB.`);
    }
    return { DiskType: diskType, DiskSize: diskSize, DeleteWithInstance: disk.boolean('DeleteWithInstance') ?? true, Encrypt: disk.boolean('Encrypt') ?? false };
  });
  const local = parsed.filter((disk) => disk.DiskType.startsWith('LOCAL_')).length;
  if (local > 1) throw limitExceeded('DataDisks (local disks)', 1, local);
  if (parsed.length - local > 20) throw limitExceeded('DataDisks (cloud disks)', 20, parsed.length - local);
  return parsed;
}

/**
 * VPC and fixed private IPs. There is no VPC service in the emulator, so any well-formed `vpc-`/`subnet-`
 * id is accepted; `DEFAULT` for both (or no object) uses the account's default VPC in the region.
 */
function readNetwork(params: ParamReader, env: PurchaseEnvironment, zone: ZoneDefinition, count: number): Pick<Purchase, 'vpc' | 'privateIps'> {
  const vpc = params.object('VirtualPrivateCloud');
  if (vpc === undefined) {
    return { vpc: { VpcId: env.store.defaultVpcId, SubnetId: env.store.defaultSubnetId(zone.zone), AsVpcGateway: false } };
  }
  const vpcId = vpc.requiredString('VpcId');
  const subnetId = vpc.requiredString('SubnetId');
  if ((vpcId === 'DEFAULT') !== (subnetId === 'DEFAULT')) {
    throw new CvmApiError('InvalidParameterValue.VpcIdSubnetIdNotMatch', 'VpcId and SubnetId must both be DEFAULT or both be ids.');
  }
  if (vpcId !== 'DEFAULT' && !VPC_ID.test(vpcId)) throw new CvmApiError('InvalidParameterValue.VpcIdMalformed', `The VPC id \`${vpcId}\` is malformed.`);
  if (subnetId !== 'DEFAULT' && !SUBNET_ID.test(subnetId)) {
    throw new CvmApiError('InvalidParameterValue.SubnetIdMalformed', `The subnet id \`${subnetId}\` is malformed.`);
  }
  const resolved = {
    VpcId: vpcId === 'DEFAULT' ? env.store.defaultVpcId : vpcId,
    SubnetId: subnetId === 'DEFAULT' ? env.store.defaultSubnetId(zone.zone) : subnetId,
    AsVpcGateway: vpc.boolean('AsVpcGateway') ?? false,
  };
  const privateIps = vpc.stringArray('PrivateIpAddresses');
  if (privateIps === undefined) return { vpc: resolved };
  if (privateIps.length > 20) throw limitExceeded('VirtualPrivateCloud.PrivateIpAddresses', 20, privateIps.length);
  if (privateIps.length !== count) {
    throw invalidParameterValue('VirtualPrivateCloud.PrivateIpAddresses', `${privateIps.length} addresses given for InstanceCount ${count}`);
  }
  privateIps.forEach((ip, index) => {
    if (!IPV4.test(ip)) throw new CvmApiError('InvalidParameter.InvalidIpFormat', `The private IP \`${ip}\` is not a valid IPv4 address.`);
    if (env.store.isIpUsed(resolved.VpcId, ip) || privateIps.indexOf(ip) !== index) {
      throw new CvmApiError('VpcIpIsUsed', `The private IP \`${ip}\` is already used in ${resolved.VpcId}.`);
    }
  });
  return { vpc: resolved, privateIps };
}

/** Public bandwidth defaults to 0; a public IP is assigned when bandwidth > 0 unless refused (reference §4.6). */
function readInternet(params: ParamReader, chargeType: ChargeType): Purchase['internet'] {
  const internet = params.object('InternetAccessible');
  const defaultChargeType = chargeType === 'PREPAID' ? 'BANDWIDTH_PREPAID' : 'TRAFFIC_POSTPAID_BY_HOUR';
  const internetChargeType = requireOneOf(
    'InternetAccessible.InternetChargeType',
    internet?.string('InternetChargeType') ?? defaultChargeType,
    INTERNET_CHARGE_TYPES,
  );
  const bandwidth = internet?.integer('InternetMaxBandwidthOut') ?? 0;
  if (bandwidth < 0) throw invalidParameterValue('InternetAccessible.InternetMaxBandwidthOut', 'must not be negative');
  const assigned = internet?.boolean('PublicIpAssigned');
  if (assigned === true && bandwidth === 0) {
    throw parameterCombination('InternetAccessible.PublicIpAssigned cannot be true when InternetMaxBandwidthOut is 0.');
  }
  return { InternetChargeType: internetChargeType, InternetMaxBandwidthOut: bandwidth, PublicIpAssigned: assigned ?? bandwidth > 0 };
}

/** Password xor KeyIds, KeepImageLogin only for custom images, no keys on Windows, password rules. */
function readLogin(params: ParamReader, image: ImageDefinition): readonly string[] {
  const login = params.object('LoginSettings');
  if (login === undefined) return [];
  const password = login.string('Password');
  const keyIds = login.stringArray('KeyIds') ?? [];
  const keepImageLogin = login.string('KeepImageLogin');
  if (keepImageLogin !== undefined) requireOneOf('LoginSettings.KeepImageLogin', keepImageLogin, ['true', 'false']);
  if (password !== undefined && keyIds.length > 0) {
    throw parameterCombination('LoginSettings.Password and LoginSettings.KeyIds cannot be specified at the same time.');
  }
  if (keepImageLogin === 'true') {
    if (password !== undefined || keyIds.length > 0) {
      throw new CvmApiError('InvalidParameter.ParameterConflict', 'LoginSettings.KeepImageLogin cannot be combined with Password or KeyIds.');
    }
    if (image.imageType === 'PUBLIC_IMAGE') {
      throw invalidParameterValue('LoginSettings.KeepImageLogin', 'only custom, shared or imported images keep their login settings');
    }
  }
  const windows = image.platform === 'Windows';
  keyIds.forEach((keyId) => {
    if (!KEY_PAIR_ID.test(keyId)) throw new CvmApiError('InvalidKeyPairId.Malformed', `The key pair id \`${keyId}\` is malformed.`);
  });
  if (keyIds.length > 0 && windows) {
    throw new CvmApiError('UnsupportedOperation.KeyPairUnsupportedWindows', 'Windows instances cannot log in with key pairs.');
  }
  if (password !== undefined) {
    const problem = passwordProblem(password, windows);
    if (problem !== undefined) throw invalidPassword(problem);
  }
  return keyIds;
}

function readSecurityGroups(params: ParamReader, env: PurchaseEnvironment): readonly string[] {
  const groups = params.stringArray('SecurityGroupIds');
  if (groups === undefined || groups.length === 0) return [env.store.defaultSecurityGroupId];
  groups.forEach((groupId) => {
    if (!SECURITY_GROUP_ID.test(groupId)) throw new CvmApiError('InvalidSgId.Malformed', `The security group id \`${groupId}\` is malformed.`);
  });
  return groups;
}

/** Tags of the `instance` TagSpecification entries (other resource types are accepted and ignored). */
function readTags(params: ParamReader): readonly Tag[] {
  const specifications = params.objectArray('TagSpecification') ?? [];
  const tags = specifications.flatMap((specification) => {
    const resourceType = requireOneOf(specification.path('ResourceType'), specification.requiredString('ResourceType'), TAG_RESOURCE_TYPES);
    const entries = (specification.objectArray('Tags') ?? []).map((tag) => ({ Key: tag.requiredString('Key'), Value: tag.string('Value') ?? '' }));
    return resourceType === 'instance' ? entries : [];
  });
  const duplicate = tags.find((tag, index) => tags.findIndex((other) => other.Key === tag.Key) !== index);
  if (duplicate !== undefined) throw invalidParameterValue('TagSpecification', `tag key \`${duplicate.Key}\` is given twice`);
  return tags;
}

function checkUserData(params: ParamReader): void {
  const userData = params.string('UserData');
  if (userData === undefined) return;
  if (!BASE64.test(userData) || Buffer.from(userData, 'base64').length > USER_DATA_MAX_BYTES) {
    throw new CvmApiError('InvalidParameterValue.InvalidUserDataFormat', 'UserData must be base64 encoded and at most 16 KB once decoded.');
  }
}

function readNames(params: ParamReader, count: number): readonly string[] {
  const name = params.string('InstanceName') ?? '未命名';
  if (name.length > 128) throw new CvmApiError('InvalidInstanceName.TooLong', `InstanceName is ${name.length} characters long; at most 128 are allowed.`);
  return expandNames(name, count);
}

/**
 * Validates a RunInstances request in the order a caller meets the errors: charge, placement, image and
 * type (with stock and architecture), count, disks, network, login, groups, tags, user data. Parameters
 * outside this list (EnhancedService, ActionTimer, HostName patterns, spot options, launch templates…)
 * are accepted and have no effect.
 */
export function readPurchase(params: ParamReader, env: PurchaseEnvironment): Purchase {
  const charge = readCharge(params);
  const placement = readPlacement(params, env);
  const imageAndType = readImageAndType(params, env, placement.zone);
  const count = readCount(params);
  const names = readNames(params, count);
  const systemDisk = readSystemDisk(params, imageAndType.image);
  const dataDisks = readDataDisks(params);
  const network = readNetwork(params, env, placement.zone, count);
  const internet = readInternet(params, charge.chargeType);
  const keyIds = readLogin(params, imageAndType.image);
  const securityGroupIds = readSecurityGroups(params, env);
  const tags = readTags(params);
  checkUserData(params);
  return {
    ...charge,
    ...placement,
    ...imageAndType,
    ...network,
    count,
    names,
    systemDisk,
    dataDisks,
    internet,
    keyIds,
    securityGroupIds,
    tags,
    disableApiTermination: params.boolean('DisableApiTermination') ?? false,
    camRoleName: params.string('CamRoleName') ?? '',
  };
}
