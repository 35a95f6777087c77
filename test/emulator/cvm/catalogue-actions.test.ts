import { parseCredentials } from '../../../local/emulator/accounts';
import { callFailure, createCvmClient, sdkException, type CvmTestClient } from '../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

/** The account the demo key pair belongs to (no `CVM_EMULATOR_CREDENTIALS` given). */
const DEMO_ACCOUNT_ID = parseCredentials(undefined).keyPairs[0]?.accountId ?? '';

describe('CVM catalogue actions through the SDK', () => {
  let emulator: TestEmulator;
  let cvm: CvmTestClient;

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: false });
    cvm = createCvmClient({ endpoint: emulator.endpoint });
  });

  afterAll(async () => {
    cvm.close();
    await emulator.close();
  });

  afterEach(() => emulator.control.reset());

  it('DescribeRegions lists 19 regions with Chinese names and a RequestId', async () => {
    const response = await cvm.client.DescribeRegions();
    expect(response.TotalCount).toBe(19);
    expect(response.RegionSet?.[0]).toEqual({ Region: 'ap-guangzhou', RegionName: '华南地区(广州)', RegionState: 'AVAILABLE' });
    expect(response.RegionSet?.[18]?.Region).toBe('na-toronto');
    expect(response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('DescribeZones follows X-TC-Language', async () => {
    const english = createCvmClient({ endpoint: emulator.endpoint, region: 'ap-shanghai', language: 'en-US' });
    try {
      const response = await english.client.DescribeZones();
      expect(response.TotalCount).toBe(6);
      expect(response.ZoneSet?.[1]).toEqual({ Zone: 'ap-shanghai-2', ZoneName: 'Shanghai Zone 2', ZoneId: '200002', ZoneState: 'AVAILABLE' });
      expect(response.ZoneSet?.[0]?.ZoneState).toBe('UNAVAILABLE');
    } finally {
      english.close();
    }
    const chinese = await cvm.client.DescribeZones();
    expect(chinese.ZoneSet?.[2]).toEqual({ Zone: 'ap-guangzhou-3', ZoneName: '广州三区', ZoneId: '100003', ZoneState: 'AVAILABLE' });
  });

  it('DescribeImages pages and filters', async () => {
    const firstPage = await cvm.client.DescribeImages({});
    expect(firstPage.TotalCount).toBe(62);
    expect(firstPage.ImageSet).toHaveLength(20);
    const ubuntu = await cvm.client.DescribeImages({ Filters: [{ Name: 'platform', Values: ['Ubuntu'] }], Limit: 100 });
    expect(ubuntu.TotalCount).toBe(8);
    expect(ubuntu.ImageSet?.every((image) => image.Platform === 'Ubuntu')).toBe(true);
    const tail = await cvm.client.DescribeImages({ Offset: 60, Limit: 100 });
    expect(tail.ImageSet?.map((image) => image.ImageId)).toEqual(['img-pmqg1cw7', 'img-8toqc6s3']);
  });

  it('DescribeImages pages through seeded private images', async () => {
    await emulator.control.changeCatalogue({ kind: 'seedPrivateImages', accountId: DEMO_ACCOUNT_ID, region: 'ap-guangzhou', count: 450 });
    const ids = new Set<string>();
    for (let offset = 0; offset < 512; offset += 100) {
      const page = await cvm.client.DescribeImages({ Offset: offset, Limit: 100 });
      expect(page.TotalCount).toBe(512);
      page.ImageSet?.forEach((image) => ids.add(image.ImageId ?? ''));
    }
    expect(ids.size).toBe(512);
  });

  it('DescribeImages refuses ImageIds together with Filters', async () => {
    const error = await sdkException(
      cvm.client.DescribeImages({ ImageIds: ['img-9qabwvbn'], Filters: [{ Name: 'platform', Values: ['CentOS'] }] }),
    );
    expect(error.code).toBe('InvalidParameter.InvalidParameterCoexistImageIdsFilters');
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('DescribeInstanceTypeConfigs filters by zone and family', async () => {
    const response = await cvm.client.DescribeInstanceTypeConfigs({
      Filters: [{ Name: 'zone', Values: ['ap-guangzhou-3'] }, { Name: 'instance-family', Values: ['GN7'] }],
    });
    expect(response.InstanceTypeConfigSet?.map((row) => row.InstanceType)).toEqual([
      'GN7.2XLARGE32', 'GN7.5XLARGE80', 'GN7.8XLARGE128', 'GN7.10XLARGE160', 'GN7.20XLARGE320',
    ]);
    expect(response.InstanceTypeConfigSet?.[3]).toMatchObject({ GPU: 2, GpuCount: 2, CPU: 40, Memory: 160, GpuType: 'NVIDIA T4' });
    const error = await sdkException(
      cvm.client.DescribeInstanceTypeConfigs({ Filters: [{ Name: 'zone', Values: ['ap-guangzhou-3', 'ap-guangzhou-4'] }] }),
    );
    expect(error.code).toBe('InvalidFilterValue.LimitExceeded');
  });

  it('reads GET (query string) parameters as the SDK sends them', async () => {
    const getClient = createCvmClient({ endpoint: emulator.endpoint, reqMethod: 'GET' });
    try {
      const response = await getClient.client.DescribeImages({ Offset: 60, Limit: 5, Filters: [{ Name: 'image-type', Values: ['PUBLIC_IMAGE'] }] });
      expect(response.TotalCount).toBe(62);
      expect(response.ImageSet?.map((image) => image.ImageId)).toEqual(['img-pmqg1cw7', 'img-8toqc6s3']);
    } finally {
      getClient.close();
    }
  });

  it('answers an unknown action with InvalidAction', async () => {
    const error = await callFailure(cvm.client.request('ResetInstance', {}));
    expect(error).toMatchObject({ code: 'InvalidAction' });
  });
});
