import { instanceIdMalformed, invalidParameterValue } from '../errors';
import type { Filter } from '../filters';
import { INSTANCE_ID, IPV4, SECURITY_GROUP_ID, SUBNET_ID, UUID, VPC_ID } from '../formats';
import { CvmApiError } from '../service';
import type { Instance } from './instance';

const STATES = ['PENDING', 'LAUNCH_FAILED', 'RUNNING', 'STOPPED', 'STARTING', 'STOPPING', 'REBOOTING', 'SHUTDOWN', 'TERMINATING'];
const CHARGE_TYPES = ['PREPAID', 'POSTPAID_BY_HOUR', 'CDHPAID', 'SPOTPAID', 'CDCPAID'];
const FILTER_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
/** Filter times (`2023-06-01 00:00:00`) are read as China Standard Time, UTC+8: our choice, the doc gives no zone. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A check that answers `code` for a value not matching `format`. */
function formatCheck(format: RegExp, code: string, what: string): (value: string) => void {
  return (value) => {
    if (!format.test(value)) throw new CvmApiError(code, `The ${what} \`${value}\` is malformed.`);
  };
}

/** Per-filter value checks: a bad value is an error, not an empty result (reference §4.7 error list). */
const VALUE_CHECKS: Readonly<Record<string, (value: string) => void>> = {
  'instance-id': (value) => {
    if (!INSTANCE_ID.test(value)) throw instanceIdMalformed(value);
  },
  'vpc-id': formatCheck(VPC_ID, 'InvalidParameterValue.VpcIdMalformed', 'VPC id'),
  'subnet-id': formatCheck(SUBNET_ID, 'InvalidParameterValue.SubnetIdMalformed', 'subnet id'),
  'security-group-id': formatCheck(SECURITY_GROUP_ID, 'InvalidSgId.Malformed', 'security group id'),
  uuid: formatCheck(UUID, 'InvalidParameterValue.UuidMalformed', 'UUID'),
  'private-ip-address': formatCheck(IPV4, 'InvalidParameterValue.InvalidIpFormat', 'IP address'),
  'public-ip-address': formatCheck(IPV4, 'InvalidParameterValue.InvalidIpFormat', 'IP address'),
  'project-id': (value) => {
    if (!/^\d+$/.test(value)) throw invalidParameterValue('Filters.project-id', `\`${value}\` is not an integer`);
  },
  'instance-state': (value) => {
    if (!STATES.includes(value)) throw invalidParameterValue('Filters.instance-state', `\`${value}\` is not one of ${STATES.join(', ')}`);
  },
  'instance-charge-type': (value) => {
    if (!CHARGE_TYPES.includes(value)) {
      throw invalidParameterValue('Filters.instance-charge-type', `\`${value}\` is not one of ${CHARGE_TYPES.join(', ')}`);
    }
  },
  'creation-start-time': (value) => void parseFilterTime(value),
  'creation-end-time': (value) => void parseFilterTime(value),
};

function parseFilterTime(value: string): number {
  const match = FILTER_TIME.exec(value);
  if (match === null) {
    throw new CvmApiError('InvalidParameterValue.InvalidTimeFormat', `The time \`${value}\` is not in the form YYYY-MM-DD hh:mm:ss.`);
  }
  const [, year, month, day, hour, minute, second] = match.map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second) - CHINA_OFFSET_MS;
}

type Matcher = (instance: Instance, value: string) => boolean;

const MATCHERS: Readonly<Record<string, Matcher>> = {
  zone: (instance, value) => instance.spec.zone === value,
  'project-id': (instance, value) => String(instance.spec.projectId) === value,
  'host-id': () => false,
  'dedicated-cluster-id': () => false,
  'vpc-id': (instance, value) => instance.spec.vpc.VpcId === value,
  'subnet-id': (instance, value) => instance.spec.vpc.SubnetId === value,
  'instance-id': (instance, value) => instance.spec.instanceId === value,
  uuid: (instance, value) => instance.spec.uuid.toLowerCase() === value.toLowerCase(),
  'security-group-id': (instance, value) => instance.spec.securityGroupIds.includes(value),
  'instance-name': (instance, value) => instance.spec.instanceName.includes(value),
  'instance-charge-type': (instance, value) => instance.spec.chargeType === value,
  'instance-state': (instance, value) => instance.shownState === value,
  'instance-type': (instance, value) => instance.spec.instanceType.instanceType === value,
  'instance-family': (instance, value) => instance.spec.instanceType.family === value,
  'image-id': (instance, value) => instance.spec.imageId === value,
  'private-ip-address': (instance, value) => instance.spec.privateIpAddress === value,
  'public-ip-address': (instance, value) => instance.spec.publicIpAddress === value,
  'ipv6-address': () => false,
  'tag-key': (instance, value) => instance.spec.tags.some((tag) => tag.Key === value),
  'tag-value': (instance, value) => instance.spec.tags.some((tag) => tag.Value === value),
  'creation-start-time': (instance, value) => instance.spec.createdAt >= parseFilterTime(value),
  'creation-end-time': (instance, value) => instance.spec.createdAt <= parseFilterTime(value),
};

/**
 * DescribeInstances filters (reference §4.7, plus `instance-type`, `instance-family` and `image-id`).
 * `instance-name` is a substring match; `host-id`, `dedicated-cluster-id` and `ipv6-address` never match
 * (the emulator has no dedicated hosts, clusters or IPv6).
 */
export function instanceMatcher(name: string): Matcher | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice('tag:'.length);
    return (instance, value) => instance.spec.tags.some((tag) => tag.Key === key && tag.Value === value);
  }
  return MATCHERS[name];
}

export function checkInstanceFilterValues(filters: readonly Filter[]): void {
  filters.forEach((filter) => {
    const check = VALUE_CHECKS[filter.name];
    if (check !== undefined) filter.values.forEach(check);
  });
}
