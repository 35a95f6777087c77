import * as z from 'zod/mini';
import { aliasedObject } from '../../lib/schemas/aliased-object';
import { CREDENTIAL_BODY_KEYS, bodyBoolean, bodyInteger, waitQuery } from '../../lib/schemas/instances';
import { boundedText, instanceType, patternString, region, zone } from '../../lib/schemas/primitives';

/** Enumerations and ranges of RunInstances (reference §4.6). */
const CHARGE_TYPES = ['PREPAID', 'POSTPAID_BY_HOUR', 'CDHPAID', 'SPOTPAID', 'CDCPAID'] as const;
const SYSTEM_DISK_TYPES = [
  'LOCAL_BASIC',
  'LOCAL_SSD',
  'CLOUD_BASIC',
  'CLOUD_SSD',
  'CLOUD_PREMIUM',
  'CLOUD_BSSD',
  'CLOUD_HSSD',
  'CLOUD_TSSD',
] as const;
const PREPAID_PERIODS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36, 48, 60];
const RENEW_FLAGS = ['NOTIFY_AND_AUTO_RENEW', 'NOTIFY_AND_MANUAL_RENEW', 'DISABLE_NOTIFY_AND_MANUAL_RENEW'] as const;
/** Older documented cap (§4.6), kept so one create never makes more instances than one batch call can stop. */
const MAX_INSTANCE_COUNT = 100;
/**
 * ClientToken: at most 64 ASCII characters (§4.6). It may also come as the Idempotency-Key header, and a
 * repeated header reaches the function as one comma-joined value (`k1, k2`, RFC 9110 §5.3): so letters,
 * digits and `-_.:` only, which a joined repeat (comma, space) can never pass as.
 */
export const CLIENT_TOKEN_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
/** Completes "clientToken must be …" / "Idempotency-Key must be …". */
export const CLIENT_TOKEN_CHARACTERS = '1 to 64 characters, each a letter, a digit or one of - _ . :';
/** Bounds on lists the reference does not cap, so no body can make an unbounded upstream request. */
const MAX_LIST_LENGTH = 100;
const MAX_TAGS = 50;

function oneOf(values: readonly string[]): string {
  return `must be one of ${values.join(', ')}`;
}

function idList(pattern: RegExp, example: string) {
  return z
    .array(patternString(pattern, `an id such as ${example}`), { error: 'must be an array of ids' })
    .check(z.minLength(1, 'must not be empty'), z.maxLength(MAX_LIST_LENGTH, `must hold at most ${MAX_LIST_LENGTH} ids`));
}

const systemDisk = aliasedObject(
  {
    diskType: z.optional(z.enum(SYSTEM_DISK_TYPES, oneOf(SYSTEM_DISK_TYPES))),
    /** GiB; without it the image's own size is used. */
    diskSize: z.optional(bodyInteger(20, 2048)),
  },
  { description: 'a {diskType, diskSize} object' },
);

const instanceChargePrepaid = aliasedObject(
  {
    /** Months. */
    period: bodyInteger(1, 60).check(
      z.refine((months: number) => PREPAID_PERIODS.includes(months), `must be one of ${PREPAID_PERIODS.join(', ')}`),
    ),
    renewFlag: z.optional(z.enum(RENEW_FLAGS, oneOf(RENEW_FLAGS))),
  },
  { description: 'a {period, renewFlag} object' },
);

const tag = aliasedObject(
  { key: boundedText(127), value: z.string({ error: 'must be a string' }).check(z.maxLength(255, 'must be at most 255 characters')) },
  { description: 'a {key, value} object' },
);

const tags = z.array(tag, { error: 'must be an array of {key, value} objects' }).check(
  z.maxLength(MAX_TAGS, `must hold at most ${MAX_TAGS} tags`),
  z.superRefine((list, context) => {
    list.forEach((entry, index) => {
      if (list.findIndex((other) => other.key === entry.key) !== index) {
        context.addIssue({ code: 'custom', path: [index, 'key'], message: `repeats the tag key ${entry.key}`, input: entry.key });
      }
    });
  }),
);

/**
 * POST /api/instances body (api-contract.md "Request inputs"), camelCase or snake_case. Fields that
 * exclude or need each other are checked together once every field is valid on its own.
 */
export const createInstancesBody = aliasedObject(
  {
    region,
    /** Without it, the first AVAILABLE zone of the region that sells `instanceType`. */
    zone: z.optional(zone),
    imageId: patternString(/^img-[a-z0-9]{8}$/, 'an image id such as img-pmqg1cw7'),
    instanceType,
    instanceName: z.optional(boundedText(128)),
    systemDisk: z.optional(systemDisk),
    instanceCount: z.optional(bodyInteger(1, MAX_INSTANCE_COUNT)),
    instanceChargeType: z.optional(z.enum(CHARGE_TYPES, oneOf(CHARGE_TYPES))),
    instanceChargePrepaid: z.optional(instanceChargePrepaid),
    /** Mbps. */
    internetMaxBandwidthOut: z.optional(bodyInteger(0, 65535)),
    /** Only its length is checked here; the character rules depend on the image's OS (§4.6). */
    password: z.optional(
      z.string({ error: 'must be a string' }).check(z.minLength(8, 'must be 8 to 30 characters'), z.maxLength(30, 'must be 8 to 30 characters')),
    ),
    keyIds: z.optional(idList(/^skey-[a-z0-9]{8}$/, 'skey-b4vakk62')),
    securityGroupIds: z.optional(idList(/^sg-[a-z0-9]{8}$/, 'sg-p1ezv4wz')),
    vpcId: z.optional(patternString(/^vpc-[a-z0-9]{8}$/, 'a VPC id such as vpc-m0cnatxj')),
    subnetId: z.optional(patternString(/^subnet-[a-z0-9]{8}$/, 'a subnet id such as subnet-mv4sn55k')),
    tags: z.optional(tags),
    dryRun: z.optional(bodyBoolean),
    clientToken: z.optional(patternString(CLIENT_TOKEN_PATTERN, CLIENT_TOKEN_CHARACTERS)),
    wait: z.optional(bodyBoolean),
  },
  { ignoredKeys: CREDENTIAL_BODY_KEYS },
).check(
  z.superRefine((body, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message, input: undefined });
    if (body.password !== undefined && body.keyIds !== undefined) problem('keyIds', 'cannot be combined with password');
    if ((body.vpcId === undefined) !== (body.subnetId === undefined)) {
      problem(body.vpcId === undefined ? 'vpcId' : 'subnetId', 'is required with ' + (body.vpcId === undefined ? 'subnetId' : 'vpcId'));
    }
    if (body.instanceChargeType === 'PREPAID' && body.instanceChargePrepaid === undefined) {
      problem('instanceChargePrepaid', 'is required when instanceChargeType is PREPAID');
    }
    if (body.instanceChargeType !== 'PREPAID' && body.instanceChargePrepaid !== undefined) {
      problem('instanceChargePrepaid', 'is only for instanceChargeType PREPAID');
    }
  }),
);

export type CreateInstancesBody = z.output<typeof createInstancesBody>;

export const createInstancesQuery = waitQuery;
