/**
 * The four read routes, through the BUILT bundles, with real SCF events, against an in-process emulator
 * answering the real SDK. Expected values come from the emulator through the SDK directly, mapped here
 * by hand, never from our own mappers.
 */
import { DEMO_CREDENTIALS, DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../local/emulator/accounts';
import { createCvmClient, type CvmTestClient } from '../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { apiGatewayEvent, bodyOf, functionUrlEvent, loadFunction, seedQuery, type FunctionContainer } from '../support/function-bundles';

const ACCOUNT = '100000000001';
const demo = { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY };
const REQUEST_ID = /^[0-9a-fA-F-]{36}$/;

let emulator: TestEmulator;
let sdk: CvmTestClient;
let regions: FunctionContainer;
let zones: FunctionContainer;
let images: FunctionContainer;
let instanceTypes: FunctionContainer;
let regionIds: string[];

beforeAll(async () => {
  emulator = await startTestEmulator({ rateLimits: false, credentials: `${DEMO_CREDENTIALS}@${ACCOUNT}` });
  sdk = createCvmClient({ endpoint: emulator.endpoint, region: null });
  const env = { CVM_ENDPOINT: emulator.endpoint, LOG_LEVEL: 'warn' };
  regions = loadFunction('regions', env);
  zones = loadFunction('zones', env);
  images = loadFunction('images', env);
  instanceTypes = loadFunction('instance-types', env);
  regionIds = ((await sdk.client.DescribeRegions()).RegionSet ?? []).map((region) => region.Region ?? '');
});

afterAll(async () => {
  sdk.close();
  await emulator.close();
});

function regionalSdk(region: string): CvmTestClient {
  return createCvmClient({ endpoint: emulator.endpoint, region });
}

describe('GET /api/regions (seed "List all regions")', () => {
  it('answers the seed’s curl with 200 and exactly the seed’s shape', async () => {
    const response = await regions.invoke(apiGatewayEvent({ path: '/api/regions', rawQuery: seedQuery(demo) }));
    const expected = (await sdk.client.DescribeRegions()).RegionSet ?? [];
    expect(response.statusCode).toBe(200);
    expect(response.headers['Content-Type']).toBe('application/json; charset=utf-8');
    const body = bodyOf(response);
    expect(Object.keys(body)).toEqual(['totalCount', 'regions', 'requestId']);
    expect(body.totalCount).toBe('19');
    expect(body.regions).toEqual(
      expected.map((region) => ({ region: region.Region, regionName: region.RegionName, regionState: region.RegionState })),
    );
    expect(body.regions).toContainEqual({ region: 'ap-guangzhou', regionName: '华南地区(广州)', regionState: 'AVAILABLE' });
    expect(body.regions).toContainEqual({ region: 'na-toronto', regionName: '北美地区(多伦多)', regionState: 'AVAILABLE' });
    expect(body.requestId).toMatch(REQUEST_ID);
    expect(body.requestId).not.toBe(response.headers['X-Request-Id']);
  });

  it('answers a Function URL event the same way', async () => {
    const viaGateway = bodyOf(await regions.invoke(apiGatewayEvent({ path: '/api/regions', rawQuery: seedQuery(demo) })));
    const viaUrl = bodyOf(await regions.invoke(functionUrlEvent({ path: '/api/regions', rawQuery: seedQuery(demo) })));
    expect({ ...viaUrl, requestId: 'x' }).toEqual({ ...viaGateway, requestId: 'x' });
  });
});

describe('every region the emulator knows', () => {
  it('GET /api/zones answers 200 with the contract shape for each region', async () => {
    expect(regionIds).toHaveLength(19);
    for (const region of regionIds) {
      const client = regionalSdk(region);
      const expected = await client.client.DescribeZones();
      client.close();
      const response = await zones.invoke(apiGatewayEvent({ path: '/api/zones', rawQuery: seedQuery(demo, { region }) }));
      expect([region, response.statusCode]).toEqual([region, 200]);
      const body = bodyOf(response);
      expect(Object.keys(body)).toEqual(['totalCount', 'zones', 'requestId']);
      expect(body.totalCount).toBe(String(expected.TotalCount));
      expect(body.zones).toEqual(
        (expected.ZoneSet ?? []).map((zone) => ({ zone: zone.Zone, zoneName: zone.ZoneName, zoneId: zone.ZoneId, zoneState: zone.ZoneState })),
      );
    }
  });

  it('GET /api/images answers 200 with the seed’s shape and every image for each region', async () => {
    for (const region of regionIds) {
      const client = regionalSdk(region);
      const expected = await client.client.DescribeImages({ Limit: 100 });
      client.close();
      const response = await images.invoke(apiGatewayEvent({ path: '/api/images', rawQuery: seedQuery(demo, { region }) }));
      expect([region, response.statusCode]).toEqual([region, 200]);
      const body = bodyOf(response);
      expect(Object.keys(body)).toEqual(['images', 'totalCount', 'requestId']);
      expect(body.totalCount).toBe(String(expected.TotalCount));
      expect(body.images).toEqual(
        (expected.ImageSet ?? []).map((image) => ({
          imageId: image.ImageId,
          osName: image.OsName,
          imageType: image.ImageType,
          imageName: image.ImageName,
          imageDescription: image.ImageDescription,
          imageSize: String(image.ImageSize),
          architecture: image.Architecture,
          imageState: image.ImageState,
          platform: image.Platform,
          imageSource: image.ImageSource,
        })),
      );
    }
  });

  it('GET /api/instance-types answers 200 with the seed’s shape for each region', async () => {
    for (const region of regionIds) {
      const client = regionalSdk(region);
      const expected = await client.client.DescribeInstanceTypeConfigs({});
      client.close();
      const response = await instanceTypes.invoke(apiGatewayEvent({ path: '/api/instance-types', rawQuery: seedQuery(demo, { region }) }));
      expect([region, response.statusCode]).toEqual([region, 200]);
      const body = bodyOf(response);
      expect(Object.keys(body)).toEqual(['instanceTypes', 'requestId']);
      expect(body.instanceTypes).toEqual(
        (expected.InstanceTypeConfigSet ?? []).map((config) => ({
          zone: config.Zone,
          instanceType: config.InstanceType,
          instanceFamily: config.InstanceFamily,
          gpu: String(config.GPU),
          cpu: String(config.CPU),
          memory: String(config.Memory),
          fpga: String(config.FPGA),
        })),
      );
    }
  });
});

describe('GET /api/images paging and filters', () => {
  beforeAll(async () => {
    await emulator.control.changeCatalogue({ kind: 'seedPrivateImages', accountId: ACCOUNT, region: 'ap-tokyo', count: 250 });
  });

  async function allUpstreamImages(filters: { Name: string; Values: string[] }[] = []): Promise<string[]> {
    const client = regionalSdk('ap-tokyo');
    const ids: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await client.client.DescribeImages({ Offset: offset, Limit: 100, ...(filters.length > 0 ? { Filters: filters } : {}) });
      ids.push(...(page.ImageSet ?? []).map((image) => image.ImageId ?? ''));
      if (offset + 100 >= (page.TotalCount ?? 0)) break;
    }
    client.close();
    return ids;
  }

  it('returns every page, in upstream order, when no limit/offset is given', async () => {
    const expected = await allUpstreamImages();
    expect(expected.length).toBeGreaterThan(300);
    const before = (await emulator.control.counters()).DescribeImages?.succeeded ?? 0;
    const body = bodyOf(await images.invoke(functionUrlEvent({ path: '/api/images', rawQuery: seedQuery(demo, { region: 'ap-tokyo' }) })));
    const after = (await emulator.control.counters()).DescribeImages?.succeeded ?? 0;
    expect(body.totalCount).toBe(String(expected.length));
    expect((body.images as { imageId: string }[]).map((image) => image.imageId)).toEqual(expected);
    expect(after - before).toBe(Math.ceil(expected.length / 100));
  });

  it('returns the one page asked for, with the upstream total', async () => {
    const expected = await allUpstreamImages();
    const body = bodyOf(await images.invoke(apiGatewayEvent({ path: '/api/images', rawQuery: seedQuery(demo, { region: 'ap-tokyo', offset: '3', limit: '5' }) })));
    expect(body.totalCount).toBe(String(expected.length));
    expect((body.images as { imageId: string }[]).map((image) => image.imageId)).toEqual(expected.slice(3, 8));
  });

  it.each([
    ['platform', 'CentOS', [{ Name: 'platform', Values: ['CentOS'] }]],
    ['imageType', 'PRIVATE_IMAGE', [{ Name: 'image-type', Values: ['PRIVATE_IMAGE'] }]],
    ['imageName', 'Ubuntu', [{ Name: 'image-name', Values: ['Ubuntu'] }]],
  ])('passes %s=%s on as the DescribeImages filter', async (parameter, value, filters) => {
    const expected = await allUpstreamImages(filters);
    expect(expected.length).toBeGreaterThan(0);
    const body = bodyOf(await images.invoke(apiGatewayEvent({ path: '/api/images', rawQuery: seedQuery(demo, { region: 'ap-tokyo', [parameter]: value }) })));
    expect((body.images as { imageId: string }[]).map((image) => image.imageId)).toEqual(expected);
  });
});

describe('GET /api/instance-types filters', () => {
  it('narrows to one zone and one family as DescribeInstanceTypeConfigs does', async () => {
    const client = regionalSdk('ap-guangzhou');
    const expected = await client.client.DescribeInstanceTypeConfigs({
      Filters: [
        { Name: 'zone', Values: ['ap-guangzhou-3'] },
        { Name: 'instance-family', Values: ['S5'] },
      ],
    });
    client.close();
    const body = bodyOf(
      await instanceTypes.invoke(
        apiGatewayEvent({ path: '/api/instance-types', rawQuery: seedQuery(demo, { region: 'ap-guangzhou', zone: 'ap-guangzhou-3', instanceFamily: 'S5' }) }),
      ),
    );
    const types = body.instanceTypes as { zone: string; instanceFamily: string; instanceType: string }[];
    expect(types.length).toBeGreaterThan(0);
    expect(types.map((type) => type.instanceType)).toEqual((expected.InstanceTypeConfigSet ?? []).map((config) => config.InstanceType));
    expect(new Set(types.map((type) => `${type.zone}/${type.instanceFamily}`))).toEqual(new Set(['ap-guangzhou-3/S5']));
  });
});
