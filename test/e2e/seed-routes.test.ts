import { REGIONS } from '../../local/emulator/catalogue/regions';
import { DEMO_QUERY_CREDENTIALS, type LocalStack, startLocalStack } from '../helpers/harness';

/**
 * The seed's three curl commands (and /api/zones), with the demo credentials, over HTTP through the
 * harness and the real bundles to the emulator, for every region the emulator knows: status 200, the
 * seed's keys in the seed's order, numbers as strings (docs/api-contract.md, Response shapes).
 */

type Row = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DIGITS = /^\d+$/;
const regionIds = REGIONS.map((definition) => definition.region);

const IMAGE_KEYS = [
  'imageId',
  'osName',
  'imageType',
  'imageName',
  'imageDescription',
  'imageSize',
  'architecture',
  'imageState',
  'platform',
  'imageSource',
];
const INSTANCE_TYPE_KEYS = ['zone', 'instanceType', 'instanceFamily', 'gpu', 'cpu', 'memory', 'fpga'];

function everyValueIsString(rows: readonly Row[]): boolean {
  return rows.every((row) => Object.values(row).every((value) => typeof value === 'string'));
}

describe('seed routes through the harness', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack();
  });

  afterAll(async () => {
    await stack.close();
  });

  describe('GET /api/regions', () => {
    it('answers the seed shape with every region the emulator knows', async () => {
      const answer = await stack.request<{ totalCount: string; regions: Row[]; requestId: string }>(
        `/api/regions?${DEMO_QUERY_CREDENTIALS}`,
      );

      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Object.keys(answer.body)).toEqual(['totalCount', 'regions', 'requestId']);
      expect(answer.body.totalCount).toBe('19');
      expect(answer.body.regions.map((row) => row.region)).toEqual(regionIds);
      expect(answer.body.regions.every((row) => Object.keys(row).join() === 'region,regionName,regionState')).toBe(true);
      expect(answer.body.regions[0]).toEqual({ region: 'ap-guangzhou', regionName: '华南地区(广州)', regionState: 'AVAILABLE' });
      expect(answer.body.regions.at(-1)).toEqual({ region: 'na-toronto', regionName: '北美地区(多伦多)', regionState: 'AVAILABLE' });
      expect(answer.body.requestId).toMatch(UUID);
    });
  });

  describe('GET /api/images', () => {
    it.each(regionIds)('answers the seed shape for %s, every page', async (region) => {
      const answer = await stack.request<{ images: Row[]; totalCount: string; requestId: string }>(
        `/api/images?${DEMO_QUERY_CREDENTIALS}&region=${region}`,
      );

      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body)).toEqual(['images', 'totalCount', 'requestId']);
      expect(answer.body.images.length).toBeGreaterThan(0);
      expect(answer.body.totalCount).toBe(String(answer.body.images.length));
      expect(answer.body.images.every((image) => Object.keys(image).join() === IMAGE_KEYS.join())).toBe(true);
      expect(everyValueIsString(answer.body.images)).toBe(true);
      expect(answer.body.images.every((image) => DIGITS.test(String(image.imageSize)))).toBe(true);
      expect(answer.body.requestId).toMatch(UUID);
    });

    it("matches the seed's first and last image and total in ap-guangzhou", async () => {
      const answer = await stack.request<{ images: Row[]; totalCount: string }>(
        `/api/images?${DEMO_QUERY_CREDENTIALS}&region=ap-guangzhou`,
      );

      expect(answer.body.totalCount).toBe('62');
      expect(answer.body.images[0]).toEqual({
        imageId: 'img-9a0eg8mt',
        osName: 'TencentOS Server 3.1 for ARM64 (TK4)',
        imageType: 'PUBLIC_IMAGE',
        imageName: 'TencentOS Server 3.1 for ARM64 (TK4)',
        imageDescription: 'TencentOS Server 3.1 for ARM64 (TK4)',
        imageSize: '50',
        architecture: 'arm',
        imageState: 'NORMAL',
        platform: 'TencentOS',
        imageSource: 'OFFICIAL',
      });
      expect(answer.body.images.at(-1)).toEqual({
        imageId: 'img-8toqc6s3',
        osName: 'CentOS 7.4 64位',
        imageType: 'PUBLIC_IMAGE',
        imageName: 'CentOS 7.4 64位',
        imageDescription: 'CentOS 7.4 64位',
        imageSize: '50',
        architecture: 'x86_64',
        imageState: 'NORMAL',
        platform: 'CentOS',
        imageSource: 'OFFICIAL',
      });
    });
  });

  describe('GET /api/instance-types', () => {
    it.each(regionIds)('answers the seed shape for %s', async (region) => {
      const answer = await stack.request<{ instanceTypes: Row[]; requestId: string }>(
        `/api/instance-types?${DEMO_QUERY_CREDENTIALS}&region=${region}`,
      );

      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body)).toEqual(['instanceTypes', 'requestId']);
      expect(answer.body.instanceTypes.length).toBeGreaterThan(0);
      expect(answer.body.instanceTypes.every((row) => Object.keys(row).join() === INSTANCE_TYPE_KEYS.join())).toBe(true);
      expect(everyValueIsString(answer.body.instanceTypes)).toBe(true);
      expect(
        answer.body.instanceTypes.every((row) => ['gpu', 'cpu', 'memory', 'fpga'].every((key) => DIGITS.test(String(row[key])))),
      ).toBe(true);
      expect(answer.body.instanceTypes.every((row) => String(row.zone).startsWith(`${region}-`))).toBe(true);
      expect(answer.body.requestId).toMatch(UUID);
    });

    it("includes the seed's SA2.SMALL1 row in ap-guangzhou-5", async () => {
      const answer = await stack.request<{ instanceTypes: Row[] }>(
        `/api/instance-types?${DEMO_QUERY_CREDENTIALS}&region=ap-guangzhou&zone=ap-guangzhou-5&instanceFamily=SA2`,
      );

      expect(answer.status).toBe(200);
      expect(answer.body.instanceTypes).toContainEqual({
        zone: 'ap-guangzhou-5',
        instanceType: 'SA2.SMALL1',
        instanceFamily: 'SA2',
        gpu: '0',
        cpu: '1',
        memory: '1',
        fpga: '0',
      });
      expect(answer.body.instanceTypes.every((row) => row.zone === 'ap-guangzhou-5' && row.instanceFamily === 'SA2')).toBe(true);
    });
  });

  describe('GET /api/zones', () => {
    it.each(regionIds)('answers the contract shape for %s', async (region) => {
      const answer = await stack.request<{ totalCount: string; zones: Row[]; requestId: string }>(
        `/api/zones?${DEMO_QUERY_CREDENTIALS}&region=${region}`,
      );

      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body)).toEqual(['totalCount', 'zones', 'requestId']);
      expect(answer.body.totalCount).toBe(String(answer.body.zones.length));
      expect(answer.body.zones.every((row) => Object.keys(row).join() === 'zone,zoneName,zoneId,zoneState')).toBe(true);
      expect(everyValueIsString(answer.body.zones)).toBe(true);
      expect(answer.body.zones.every((row) => String(row.zone).startsWith(`${region}-`))).toBe(true);
    });
  });
});
