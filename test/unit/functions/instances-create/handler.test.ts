import { main_handler } from '../../../../functions/instances-create/handler';
import { createCvmClient, type CvmTestClient } from '../../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator';
import { BODY_CREDENTIALS, DEMO_SECRET_KEY, captureLogLines, invoke, useEmulator, type ErrorBody } from '../instances-shared/invoke';

/**
 * POST /api/instances in-process against the emulator: every refused body, idempotency (caller's key,
 * generated token, retried network faults), dry runs, and secrets kept out of answers and logs.
 */

const REGION = 'ap-guangzhou';
const VALID = { ...BODY_CREDENTIALS, region: REGION, imageId: 'img-8toqc6s3', instanceType: 'S5.MEDIUM4' };
const PASSWORD = 'Correct-Horse-9';

interface CreatedBody {
  readonly instanceIds: string[];
  readonly requestId: string;
}

function create<Body = CreatedBody>(body: unknown, headers: Record<string, string> = {}, query: Record<string, string> = {}) {
  return invoke<Body>(main_handler, { method: 'POST', path: '/api/instances', body, headers, query });
}

describe('POST /api/instances (instances-create)', () => {
  let emulator: TestEmulator;
  let sdk: CvmTestClient;
  let log: ReturnType<typeof captureLogLines>;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    sdk = createCvmClient({ endpoint: emulator.endpoint, region: REGION });
    useEmulator(emulator.endpoint);
  });

  afterAll(async () => {
    sdk.close();
    await emulator.close();
  });

  beforeEach(async () => {
    log = captureLogLines();
    await emulator.control.reset();
    await emulator.control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
  });

  afterEach(() => log.restore());

  async function instanceTotal(): Promise<number> {
    return (await sdk.client.DescribeInstances({ Limit: 100 })).TotalCount ?? 0;
  }

  describe('refuses a bad body with 400 naming the field, and creates nothing', () => {
    it.each<[string, unknown, { field: string; message: string }[]]>([
      [
        'nothing but credentials',
        BODY_CREDENTIALS,
        [
          { field: 'region', message: 'is required' },
          { field: 'imageId', message: 'is required' },
          { field: 'instanceType', message: 'is required' },
        ],
      ],
      ['instanceCount 0', { ...VALID, instanceCount: 0 }, [{ field: 'instanceCount', message: 'must be a whole number from 1 to 100' }]],
      ['instanceCount 101', { ...VALID, instanceCount: 101 }, [{ field: 'instanceCount', message: 'must be a whole number from 1 to 100' }]],
      ['instance_count "two"', { ...VALID, instance_count: 'two' }, [{ field: 'instance_count', message: 'must be a whole number from 1 to 100' }]],
      [
        'an unknown charge type',
        { ...VALID, instanceChargeType: 'MONTHLY' },
        [{ field: 'instanceChargeType', message: 'must be one of PREPAID, POSTPAID_BY_HOUR, CDHPAID, SPOTPAID, CDCPAID' }],
      ],
      ['a malformed image id', { ...VALID, imageId: 'img-1122' }, [{ field: 'imageId', message: 'must be an image id such as img-pmqg1cw7' }]],
      ['a malformed zone', { ...VALID, zone: 'guangzhou' }, [{ field: 'zone', message: 'must be a zone id such as ap-guangzhou-3' }]],
      ['a tiny system disk', { ...VALID, systemDisk: { disk_size: 10 } }, [{ field: 'systemDisk.disk_size', message: 'must be a whole number from 20 to 2048' }]],
      [
        'an unknown disk type',
        { ...VALID, systemDisk: { diskType: 'FLOPPY' } },
        [{ field: 'systemDisk.diskType', message: expect.stringMatching(/^must be one of LOCAL_BASIC, /) }],
      ],
      ['a misspelt field', { ...VALID, instanceCont: 3 }, [{ field: 'instanceCont', message: 'is not a known parameter' }]],
      [
        'both spellings of a field',
        { ...VALID, instanceCount: 1, instance_count: 2 },
        [{ field: 'instance_count', message: 'repeats instanceCount: send one of the two spellings' }],
      ],
      ['a short password', { ...VALID, password: 'Ab1!' }, [{ field: 'password', message: 'must be 8 to 30 characters' }]],
      ['password and keyIds', { ...VALID, password: PASSWORD, keyIds: ['skey-b4vakk62'] }, [{ field: 'keyIds', message: 'cannot be combined with password' }]],
      ['a vpcId without subnetId', { ...VALID, vpcId: 'vpc-m0cnatxj' }, [{ field: 'subnetId', message: 'is required with vpcId' }]],
      [
        'PREPAID without a period',
        { ...VALID, instanceChargeType: 'PREPAID' },
        [{ field: 'instanceChargePrepaid', message: 'is required when instanceChargeType is PREPAID' }],
      ],
      [
        'a prepaid period not sold',
        { ...VALID, instanceChargeType: 'PREPAID', instanceChargePrepaid: { period: 13 } },
        [{ field: 'instanceChargePrepaid.period', message: 'must be one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36, 48, 60' }],
      ],
      [
        'a 65-character clientToken',
        { ...VALID, clientToken: 'x'.repeat(65) },
        [{ field: 'clientToken', message: 'must be 1 to 64 characters, each a letter, a digit or one of - _ . :' }],
      ],
      [
        'a clientToken holding a comma-joined list',
        { ...VALID, clientToken: 'k1, k2' },
        [{ field: 'clientToken', message: 'must be 1 to 64 characters, each a letter, a digit or one of - _ . :' }],
      ],
      ['an unknown key inside systemDisk', { ...VALID, systemDisk: { bogus: 1 } }, [{ field: 'systemDisk.bogus', message: 'is not a known parameter' }]],
      [
        'an unknown key inside a tag',
        { ...VALID, tags: [{ key: 'a', value: 'b', x: 1 }] },
        [{ field: 'tags.0.x', message: 'is not a known parameter' }],
      ],
      ['a tag that is not an object', { ...VALID, tags: [[]] }, [{ field: 'tags.0', message: 'must be a {key, value} object' }]],
      ['a systemDisk that is not an object', { ...VALID, systemDisk: 'big' }, [{ field: 'systemDisk', message: 'must be a {diskType, diskSize} object' }]],
      [
        'a repeated tag key',
        { ...VALID, tags: [{ key: 'team', value: 'a' }, { key: 'team', value: 'b' }] },
        [{ field: 'tags.1.key', message: 'repeats the tag key team' }],
      ],
      ['a non-boolean dryRun', { ...VALID, dryRun: 'yes' }, [{ field: 'dryRun', message: 'must be true or false' }]],
      ['a body that is not JSON', '{"region":', [{ field: 'body', message: 'must be valid JSON' }]],
    ])('%s', async (_name, body, fields) => {
      const answer = await create<ErrorBody>(body);

      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('InvalidParameter');
      expect(answer.body.error.fields).toEqual(fields);
      expect(await instanceTotal()).toBe(0);
    });

    it('refuses an Idempotency-Key that differs from clientToken', async () => {
      const answer = await create<ErrorBody>({ ...VALID, clientToken: 'order-1' }, { 'idempotency-key': 'order-2' });

      expect(answer.status).toBe(400);
      expect(answer.body.error.fields?.map((problem) => problem.field)).toEqual(['clientToken', 'Idempotency-Key']);
    });

    it.each<[string, Record<string, string>]>([
      ['a body field (dryRun) sent in the query string', { dryRun: 'true' }],
      ['a misspelt wait', { wiat: 'true' }],
      ['a read route parameter', { limit: '2' }],
    ])('refuses %s with 400 naming it, and creates nothing', async (_name, query) => {
      const answer = await create<ErrorBody>(VALID, {}, query);

      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('InvalidParameter');
      expect(answer.body.error.fields).toEqual(Object.keys(query).map((field) => ({ field, message: 'is not a known parameter' })));
      expect(await instanceTotal()).toBe(0);
    });

    it.each<[string, boolean]>([
      ['false', true],
      ['true', false],
      ['0', true],
    ])('refuses ?wait=%s beside a body wait of %s, naming wait, and creates nothing', async (queryWait, bodyWait) => {
      const answer = await create<ErrorBody>({ ...VALID, wait: bodyWait }, {}, { wait: queryWait });

      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([
        { field: 'wait', message: `is ${String(!bodyWait)} in the query string but ${String(bodyWait)} in the body: send one, or the same value in both` },
      ]);
      expect(await instanceTotal()).toBe(0);
    });

    it('refuses a repeated Idempotency-Key (arriving comma-joined) with 400 naming the header, and creates nothing', async () => {
      const answer = await create<ErrorBody>(VALID, { 'idempotency-key': 'k1, k2' });

      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([
        {
          field: 'Idempotency-Key',
          message: 'must be 1 to 64 characters, each a letter, a digit or one of - _ . :; send the header once (a repeated header arrives comma-joined)',
        },
      ]);
      expect(await instanceTotal()).toBe(0);
    });

    it('accepts the credentials in the query string of a create, beside wait', async () => {
      const { secretId, secretKey, ...withoutCredentials } = VALID;

      const answer = await create(withoutCredentials, {}, { secretId, secretKey, wait: 'false' });

      expect(answer.status).toBe(200);
      expect(answer.body.instanceIds).toHaveLength(1);
    });

    it('refuses a wait that is not true or false', async () => {
      const answer = await create<ErrorBody>(VALID, {}, { wait: 'soon' });

      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([{ field: 'wait', message: 'must be true or false' }]);
    });
  });

  describe('idempotency', () => {
    it('answers the same ids to the same create sent twice with one Idempotency-Key, and holds only those', async () => {
      const first = await create({ ...VALID, instanceCount: 3 }, { 'idempotency-key': 'order-42' });
      const second = await create({ ...VALID, instanceCount: 3 }, { 'idempotency-key': 'order-42' });

      expect(first.status).toBe(200);
      expect(second.body.instanceIds).toEqual(first.body.instanceIds);
      expect(await instanceTotal()).toBe(3);
    });

    it('treats clientToken in the body and the Idempotency-Key header as one and the same', async () => {
      const first = await create({ ...VALID, clientToken: 'order-43' });
      const second = await create(VALID, { 'idempotency-key': 'order-43' });
      const both = await create({ ...VALID, clientToken: 'order-43' }, { 'idempotency-key': 'order-43' });

      expect(second.body.instanceIds).toEqual(first.body.instanceIds);
      expect(both.body.instanceIds).toEqual(first.body.instanceIds);
      expect(await instanceTotal()).toBe(1);
    });

    it('makes a token per request when the caller sends none: two creates are two purchases', async () => {
      const first = await create(VALID);
      const second = await create(VALID);

      expect(second.body.instanceIds).not.toEqual(first.body.instanceIds);
      expect(await instanceTotal()).toBe(2);
    });

    it.each(['drop-after', 'truncated', 'http5xx'] as const)(
      'retries a create whose first answer was lost (%s) with the same generated token and makes no duplicate',
      async (kind) => {
        await emulator.control.addFault({ action: 'RunInstances', kind, times: 1 });

        const answer = await create({ ...VALID, instanceCount: 2 });

        expect(answer.status).toBe(200);
        expect(answer.body.instanceIds).toHaveLength(2);
        expect((await emulator.control.counters()).RunInstances?.received).toBe(2);
        const listed = await sdk.client.DescribeInstances({ Limit: 100 });
        expect(listed.InstanceSet?.map((instance) => instance.InstanceId)).toEqual(answer.body.instanceIds);
      },
    );

    it('answers 400 for a key reused with other parameters', async () => {
      await create(VALID, { 'idempotency-key': 'order-44' });

      const answer = await create<ErrorBody>({ ...VALID, instanceCount: 2 }, { 'idempotency-key': 'order-44' });

      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('InvalidParameterValue');
      expect(await instanceTotal()).toBe(1);
    });
  });

  describe('dry runs', () => {
    it('answers exactly {dryRun, requestId} and creates nothing', async () => {
      const answer = await create({ ...VALID, dryRun: true, instanceCount: 4 });

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ dryRun: true, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(await instanceTotal()).toBe(0);
    });

    it.each<[string, Record<string, unknown>, number, string]>([
      ['a sold-out zone', { zone: 'ap-guangzhou-1' }, 409, 'ResourceInsufficient.AvailabilityZoneSoldOut'],
      ['an ARM image on an x86 type', { imageId: 'img-9a0eg8mt' }, 400, 'InvalidParameterValue.InvalidImageForGivenInstanceType'],
      ['a password the OS refuses', { password: 'onlylowercase' }, 400, 'InvalidPassword'],
    ])('answers the upstream error of a failing check: %s', async (_name, fields, status, code) => {
      const answer = await create<ErrorBody>({ ...VALID, dryRun: true, ...fields });

      expect(answer.status).toBe(status);
      expect(answer.body.error.code).toBe(code);
      expect(await instanceTotal()).toBe(0);
    });
  });

  describe('secrets', () => {
    it("never shows the caller's SecretKey or password in answers or logs", async () => {
      const refused = await create({ ...VALID, password: 'onlylowercase' });
      const accepted = await create({ ...VALID, password: PASSWORD });

      expect(refused.status).toBe(400);
      expect(accepted.status).toBe(200);
      const everything = [refused.text, accepted.text, ...log.lines].join('\n');
      expect(everything).not.toContain('onlylowercase');
      expect(everything).not.toContain(PASSWORD);
      expect(everything).not.toContain(DEMO_SECRET_KEY);
      expect(log.lines.length).toBeGreaterThan(0);
    });
  });

  it('waits for RUNNING when asked in the query string', async () => {
    await emulator.control.setLifecycle({ transitionMs: 150, terminatedRetentionMs: 0 });

    const answer = await create({ ...VALID, instanceCount: 2 }, {}, { wait: 'true' });

    expect(answer.status).toBe(200);
    const states = await sdk.client.DescribeInstancesStatus({ InstanceIds: answer.body.instanceIds });
    expect(states.InstanceStatusSet?.map((row) => row.InstanceState)).toEqual(['RUNNING', 'RUNNING']);
  });
});
