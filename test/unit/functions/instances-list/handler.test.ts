import { describeInstancesRequest } from '../../../../functions/instances-list/describe-instances-request';
import { main_handler } from '../../../../functions/instances-list/handler';
import { createCvmClient, type CvmTestClient } from '../../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY, invoke, useEmulator, type ErrorBody } from '../instances-shared/invoke';

/** GET /api/instances in-process against the emulator: paging, filters, the contract shape, refused queries. */

const REGION = 'ap-guangzhou';

interface ListBody {
  readonly instances: { readonly instanceId: string; readonly instanceState: string; readonly [key: string]: unknown }[];
  readonly totalCount: string;
  readonly requestId: string;
}

function list<Body = ListBody>(query: Record<string, string>) {
  return invoke<Body>(main_handler, { method: 'GET', path: '/api/instances', query: { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY, region: REGION, ...query } });
}

const ids = (count: number): string => Array.from({ length: count }, (_, index) => `ins-${String(index).padStart(8, '0')}`).join(',');

describe('describeInstancesRequest', () => {
  it.each<[string, Parameters<typeof describeInstancesRequest>[0], unknown]>([
    ['nothing: the API defaults, sent explicitly', { region: REGION }, { Offset: 0, Limit: 20 }],
    ['ids alone as InstanceIds', { region: REGION, instanceIds: ['ins-r8hr2upy'], offset: 5, limit: 100 }, { InstanceIds: ['ins-r8hr2upy'], Offset: 5, Limit: 100 }],
    [
      'filters, with ids as the instance-id filter (§4.1: not both)',
      { region: REGION, zone: 'ap-guangzhou-3', instanceName: 'web', instanceState: 'RUNNING', instanceIds: ['ins-r8hr2upy'] },
      {
        Filters: [
          { Name: 'zone', Values: ['ap-guangzhou-3'] },
          { Name: 'instance-name', Values: ['web'] },
          { Name: 'instance-state', Values: ['RUNNING'] },
          { Name: 'instance-id', Values: ['ins-r8hr2upy'] },
        ],
        Offset: 0,
        Limit: 20,
      },
    ],
  ])('%s', (_name, query, expected) => {
    expect(describeInstancesRequest(query)).toEqual(expected);
  });
});

describe('GET /api/instances (instances-list)', () => {
  let emulator: TestEmulator;
  let sdk: CvmTestClient;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    sdk = createCvmClient({ endpoint: emulator.endpoint, region: REGION });
    useEmulator(emulator.endpoint);
    await emulator.control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
    await sdk.client.RunInstances({ Placement: { Zone: 'ap-guangzhou-3' }, ImageId: 'img-8toqc6s3', InstanceCount: 22, InstanceName: 'web' });
    await sdk.client.RunInstances({ Placement: { Zone: 'ap-guangzhou-4' }, ImageId: 'img-8toqc6s3', InstanceName: 'db' });
  });

  afterAll(async () => {
    sdk.close();
    await emulator.close();
  });

  it('answers the first 20 of all instances by default, with the upstream total', async () => {
    const answer = await list({});

    expect(answer.status).toBe(200);
    expect(answer.body.totalCount).toBe('23');
    expect(answer.body.instances).toHaveLength(20);
  });

  it('pages with offset and limit as DescribeInstances does', async () => {
    const all = await list({ limit: '100' });
    const page = await list({ offset: '20', limit: '2' });

    expect(all.body.instances).toHaveLength(23);
    expect(page.body.instances.map((instance) => instance.instanceId)).toEqual(all.body.instances.slice(20, 22).map((instance) => instance.instanceId));
  });

  it('maps each instance to the contract shape, numbers as strings', async () => {
    const described = await sdk.client.DescribeInstances({ Filters: [{ Name: 'instance-name', Values: ['db'] }] });
    const upstream = described.InstanceSet?.[0];

    const answer = await list({ instanceName: 'db' });

    expect(answer.body.instances).toEqual([
      {
        instanceId: upstream?.InstanceId,
        instanceName: 'db',
        instanceState: 'RUNNING',
        instanceType: 'S1.SMALL1',
        cpu: '1',
        memory: '1',
        zone: 'ap-guangzhou-4',
        imageId: 'img-8toqc6s3',
        osName: upstream?.OsName,
        privateIpAddresses: upstream?.PrivateIpAddresses,
        publicIpAddresses: [],
        instanceChargeType: 'POSTPAID_BY_HOUR',
        createdTime: upstream?.CreatedTime,
        expiredTime: '',
      },
    ]);
  });

  it.each<[string, Record<string, string>, number]>([
    ['zone', { zone: 'ap-guangzhou-4' }, 1],
    ['state', { instanceState: 'STOPPED' }, 0],
    ['name', { instanceName: 'web', limit: '100' }, 22],
  ])('filters by %s', async (_name, query, count) => {
    const answer = await list(query);

    expect(answer.body.instances).toHaveLength(count);
    expect(answer.body.totalCount).toBe(String(count));
  });

  it('filters by ids, alone or with other filters', async () => {
    const db = (await list({ instanceName: 'db' })).body.instances.map((instance) => instance.instanceId);

    expect((await list({ instanceIds: db.join(',') })).body.instances.map((instance) => instance.instanceId)).toEqual(db);
    expect((await list({ instanceIds: db.join(','), zone: 'ap-guangzhou-3' })).body.totalCount).toBe('0');
    expect((await list({ instanceIds: db.join(','), zone: 'ap-guangzhou-4' })).body.totalCount).toBe('1');
  });

  it.each<[string, Record<string, string>, { field: string; message: string }[]]>([
    ['limit 0', { limit: '0' }, [{ field: 'limit', message: 'must be a whole number from 1 to 100' }]],
    ['limit 101', { limit: '101' }, [{ field: 'limit', message: 'must be a whole number from 1 to 100' }]],
    ['a negative offset', { offset: '-1' }, [{ field: 'offset', message: expect.stringMatching(/^must be a whole number from 0/) }]],
    ['a malformed id', { instanceIds: 'ins-1122' }, [{ field: 'instanceIds.0', message: 'must be an instance id such as ins-r8hr2upy' }]],
    ['101 ids', { instanceIds: ids(101) }, [{ field: 'instanceIds', message: "must list at most 100 instance ids (the CVM API's limit per call)" }]],
    [
      '6 ids with a filter',
      { instanceIds: ids(6), zone: 'ap-guangzhou-3' },
      [{ field: 'instanceIds', message: 'must list at most 5 ids when combined with instanceName, zone or instanceState' }],
    ],
    ['an unknown state', { instanceState: 'SLEEPING' }, [{ field: 'instanceState', message: expect.stringMatching(/^must be one of PENDING, /) }]],
    ['no region', { region: '' }, [{ field: 'region', message: 'must be a region id such as ap-guangzhou' }]],
    ['a misspelt filter', { instanceStat: 'RUNNING' }, [{ field: 'instanceStat', message: 'is not a known parameter' }]],
    ['a misspelt limit', { limt: '2' }, [{ field: 'limt', message: 'is not a known parameter' }]],
  ])('refuses %s with 400 naming the field', async (_name, query, fields) => {
    const answer = await list<ErrorBody>(query);

    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual(fields);
  });
});
