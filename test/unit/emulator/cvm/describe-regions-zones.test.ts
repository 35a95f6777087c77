import { createCvmService } from '../../../../local/emulator/services/cvm';
import type { ActionContext, Language } from '../../../../local/emulator/services/cvm/service';

function context(region: string | undefined, language: Language = 'zh-CN'): ActionContext {
  return { accountId: '100000000001', region, language, requestId: '6ef60bec-0242-43af-bb20-270359fb54a7' };
}

describe('DescribeRegions', () => {
  const service = createCvmService();

  it('lists the 19 regions with Chinese names by default, ap-guangzhou first and na-toronto last', () => {
    const response = service.invoke('DescribeRegions', {}, context(undefined));
    const regionSet = response.RegionSet as { Region: string; RegionName: string; RegionState: string }[];
    expect(response.TotalCount).toBe(19);
    expect(regionSet).toHaveLength(19);
    expect(regionSet[0]).toEqual({ Region: 'ap-guangzhou', RegionName: '华南地区(广州)', RegionState: 'AVAILABLE' });
    expect(regionSet[18]).toEqual({ Region: 'na-toronto', RegionName: '北美地区(多伦多)', RegionState: 'AVAILABLE' });
  });

  it('answers English names for en-US', () => {
    const response = service.invoke('DescribeRegions', {}, context(undefined, 'en-US'));
    const regionSet = response.RegionSet as { Region: string; RegionName: string }[];
    expect(regionSet.find((entry) => entry.Region === 'ap-beijing')?.RegionName).toBe('North China region(Beijing)');
  });

  it('does not need a region and exposes every region in `regions`', () => {
    expect(service.isRegional('DescribeRegions')).toBe(false);
    expect(service.isRegional('DescribeZones')).toBe(true);
    expect(service.regions.has('ap-shanghai')).toBe(true);
    expect(service.regions.size).toBe(19);
  });

  it('rejects unknown parameters', () => {
    expect(() => service.invoke('DescribeRegions', { Foo: 1 }, context(undefined))).toThrow(
      expect.objectContaining({ code: 'UnknownParameter' }),
    );
  });
});

describe('DescribeZones', () => {
  const service = createCvmService();

  it('lists ap-guangzhou zones with ids, Chinese names and sold-out zones as UNAVAILABLE', () => {
    const response = service.invoke('DescribeZones', {}, context('ap-guangzhou'));
    const zoneSet = response.ZoneSet as Record<string, string>[];
    expect(response.TotalCount).toBe(7);
    expect(zoneSet[0]).toEqual({ Zone: 'ap-guangzhou-1', ZoneName: '广州一区', ZoneId: '100001', ZoneState: 'UNAVAILABLE' });
    expect(zoneSet[2]).toEqual({ Zone: 'ap-guangzhou-3', ZoneName: '广州三区', ZoneId: '100003', ZoneState: 'AVAILABLE' });
  });

  it('answers English zone names for en-US', () => {
    const response = service.invoke('DescribeZones', {}, context('ap-shanghai', 'en-US'));
    const zoneSet = response.ZoneSet as Record<string, string>[];
    expect(zoneSet.map((zone) => zone.ZoneName)).toEqual([
      'Shanghai Zone 1', 'Shanghai Zone 2', 'Shanghai Zone 3', 'Shanghai Zone 4', 'Shanghai Zone 5', 'Shanghai Zone 8',
    ]);
  });

  it.each([
    ['ap-beijing', 8],
    ['ap-hongkong', 3],
    ['na-toronto', 1],
    ['ap-singapore', 4],
  ])('lists %s with %i zones', (region, count) => {
    expect(service.invoke('DescribeZones', {}, context(region)).TotalCount).toBe(count);
  });

  it('requires a region', () => {
    expect(() => service.invoke('DescribeZones', {}, context(undefined))).toThrow(
      expect.objectContaining({ code: 'MissingParameter' }),
    );
  });

  it('reflects catalogue changes and restores them on reset', () => {
    const local = createCvmService();
    local.applyCatalogueChange({ kind: 'addZone', region: 'ap-chongqing', zone: 'ap-chongqing-2', zoneName: '重庆二区' });
    local.applyCatalogueChange({ kind: 'removeZone', region: 'ap-chongqing', zone: 'ap-chongqing-1' });
    const changed = local.invoke('DescribeZones', {}, context('ap-chongqing')).ZoneSet as Record<string, string>[];
    expect(changed.map((zone) => [zone.Zone, zone.ZoneName, zone.ZoneState])).toEqual([['ap-chongqing-2', '重庆二区', 'AVAILABLE']]);
    local.reset();
    const restored = local.invoke('DescribeZones', {}, context('ap-chongqing')).ZoneSet as Record<string, string>[];
    expect(restored.map((zone) => zone.Zone)).toEqual(['ap-chongqing-1']);
  });
});
