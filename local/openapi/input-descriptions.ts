/**
 * What each input means, for the document's readers. The input schemas (functions/<name>/schema.ts)
 * say what is accepted and stay free of documentation text, because every zod call is kept in the
 * function bundles; these words live here, on the documentation side only. A parameter or body field
 * without an entry is reported by the generator and fails the contract tests.
 */
export interface InputDescription {
  readonly description: string;
  /** Pre-filled by the documentation page's "try it out"; a value the emulator answers. */
  readonly example?: string;
}

const inputDescriptions: Readonly<Record<string, InputDescription>> = {
  region: { description: 'Region id, as listed by GET /api/regions.', example: 'ap-guangzhou' },
  zone: { description: 'Zone id, as listed by GET /api/zones.', example: 'ap-guangzhou-3' },
  offset: {
    description: 'Paging: how many items to skip, a whole number from 0. With offset or limit only that page is returned; without both, every item.',
  },
  limit: { description: 'Paging: how many items to return, a whole number from 1 to 100.' },
  platform: { description: 'Only images of this OS platform (fuzzy match), e.g. CentOS, TencentOS, Windows.' },
  imageType: { description: 'Only images of this kind.' },
  imageName: { description: 'Only images whose name matches (fuzzy match).' },
  instanceType: { description: 'Instance type, e.g. S5.MEDIUM2.' },
  instanceFamily: { description: 'Only instance types of this family, e.g. S5.' },
  instanceIds: { description: 'Instance ids, 1 to 100 without repeats: a JSON array in a body, comma-separated in a query string.' },
  instanceName: { description: 'Instance name (list: instances whose name contains it).' },
  instanceState: { description: 'Only instances in this state.' },
  wait: {
    description: 'true: answer only once every instance reached its target state (RUNNING, STOPPED, gone), or 202 with their states when the wait runs out of time.',
  },
  imageId: { description: 'Image id, as listed by GET /api/images.' },
  systemDisk: { description: 'System disk: diskType and diskSize in GiB (default: the image’s size).' },
  instanceCount: { description: 'How many instances to create, 1 to 100 (default 1).' },
  instanceChargeType: { description: 'Billing mode (default POSTPAID_BY_HOUR).' },
  instanceChargePrepaid: { description: 'For PREPAID only: period in months and renewFlag.' },
  internetMaxBandwidthOut: { description: 'Public bandwidth cap in Mbps; 0 gives no public IP.' },
  password: { description: 'Login password, 8 to 30 characters; never logged or echoed. Not with keyIds.' },
  keyIds: { description: 'SSH key ids to install instead of a password.' },
  securityGroupIds: { description: 'Security group ids.' },
  vpcId: { description: 'VPC id; needs subnetId. Without both, the default network.' },
  subnetId: { description: 'Subnet id; needs vpcId.' },
  tags: { description: 'Tags to set on the new instances, {key, value} each.' },
  dryRun: { description: 'true: only check the request upstream; nothing is created (200 with dryRun: true).' },
  clientToken: { description: 'Idempotency token: 1 to 64 letters, digits or - _ . : (the Idempotency-Key header is the same, sent once).' },
  stopType: { description: 'SOFT (shut down cleanly), HARD (power off) or SOFT_FIRST (soft, then hard on failure).' },
  stoppedMode: { description: 'KEEP_CHARGING, or STOP_CHARGING for pay-as-you-go instances with cloud disks.' },
};

/** Credentials sent in a JSON body (POST/PUT), read before the body schema (lib/credentials). */
const bodyCredentialDescriptions: Readonly<Record<string, string>> = {
  secretId: 'SecretId of the caller’s API key (or send Authorization: Basic base64(secretId:secretKey)).',
  secretKey: 'SecretKey of the caller’s API key. Never echoed in answers or logs.',
  token: 'Session token, for temporary keys only (the X-TC-Token header is the same).',
  sessionToken: 'The same as token.',
};

export { bodyCredentialDescriptions, inputDescriptions };
