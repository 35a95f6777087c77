import { ApiError } from '../../../../lib/errors/api-error';
import type { InventoryCvm, RegionItem } from '../../../../functions/inventory/cvm-calls';
import { collectInventory, type RegionProgress } from '../../../../functions/inventory/fan-out';
import { imageItem, instanceTypeItem, zoneItem } from './snapshot-builders';

const REGIONS: RegionItem[] = ['ap-a', 'ap-b', 'ap-c', 'ap-d', 'ap-e'].map((region) => ({
  region,
  regionName: `${region} name`,
  regionState: 'AVAILABLE',
}));

/** A stand-in for the four Describe calls (our own interface, not the SDK) that can fail per region. */
function fakeCvm(failures: Readonly<Record<string, ApiError>> = {}, delayMs = 5) {
  let inFlight = 0;
  let peakRegions = 0;
  const regionsInFlight = new Set<string>();
  const answer = async <T>(region: string, action: string, value: T): Promise<T> => {
    regionsInFlight.add(region);
    peakRegions = Math.max(peakRegions, regionsInFlight.size);
    inFlight += 1;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    inFlight -= 1;
    const failure = failures[`${action}:${region}`];
    if (failure !== undefined) throw failure;
    return value;
  };
  const cvm: InventoryCvm = {
    stats: { calls: 0, retries: 0 },
    regions: async () => REGIONS,
    zones: (region) => answer(region, 'DescribeZones', [zoneItem(`${region}-1`)]),
    images: (region) => answer(region, 'DescribeImages', [imageItem('img-aaaaaaaa')]),
    instanceTypes: async (region) => {
      const types = await answer(region, 'DescribeInstanceTypeConfigs', [instanceTypeItem(`${region}-1`, 'S5.SMALL1')]);
      regionsInFlight.delete(region);
      return types;
    },
  };
  return { cvm, peakRegions: () => peakRegions, inFlight: () => inFlight };
}

describe('collectInventory', () => {
  it('inventories every region with at most `concurrency` regions at a time', async () => {
    const fake = fakeCvm();
    const progress: RegionProgress[] = [];
    const regions = await collectInventory(fake.cvm, { concurrency: 2, onRegionDone: (entry) => progress.push(entry) });
    expect([...regions.keys()].sort()).toEqual(REGIONS.map((region) => region.region));
    expect([...regions.values()].every((inventory) => inventory.status === 'ok')).toBe(true);
    expect(fake.peakRegions()).toBeLessThanOrEqual(2);
    expect(progress.map((entry) => entry.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress[0]).toMatchObject({ status: 'ok', total: 5, zones: 1, images: 1, instanceTypes: 1 });
  });

  it('records a failing region with the code and action of its first failing call and keeps the others', async () => {
    const fake = fakeCvm({
      'DescribeImages:ap-c': new ApiError(502, 'InternalError', 'upstream broke'),
      'DescribeInstanceTypeConfigs:ap-c': new ApiError(429, 'RequestLimitExceeded', 'slow down'),
    });
    const progress: RegionProgress[] = [];
    const regions = await collectInventory(fake.cvm, { concurrency: 3, onRegionDone: (entry) => progress.push(entry) });
    expect(regions.get('ap-c')).toEqual({
      status: 'failed',
      regionName: 'ap-c name',
      regionState: 'AVAILABLE',
      error: { code: 'InternalError', message: 'upstream broke', action: 'DescribeImages' },
    });
    expect(REGIONS.filter((region) => regions.get(region.region)?.status === 'ok')).toHaveLength(4);
    expect(progress.find((entry) => entry.region === 'ap-c')).toMatchObject({ status: 'failed', code: 'InternalError' });
    expect(fake.inFlight()).toBe(0);
  });

  it('turns an unexpected throw into an unexposed InternalError rather than losing the run', async () => {
    const fake = fakeCvm();
    const broken: InventoryCvm = { ...fake.cvm, zones: async () => Promise.reject(new TypeError('bug with detail')) };
    const regions = await collectInventory(broken, { concurrency: 5 });
    expect(regions.get('ap-a')).toMatchObject({ status: 'failed', error: { code: 'InternalError', message: 'Unexpected failure.', action: 'DescribeZones' } });
  });

  it('fails as a whole when the region list cannot be read', async () => {
    const fake = fakeCvm();
    const failure = new ApiError(401, 'AuthFailure.SignatureFailure', 'bad signature');
    await expect(collectInventory({ ...fake.cvm, regions: async () => Promise.reject(failure) }, { concurrency: 2 })).rejects.toBe(failure);
  });
});
