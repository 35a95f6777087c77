import { publicImagesOf } from '../../../../local/emulator/catalogue/images';
import { INSTANCE_TYPES, instanceTypesSoldIn } from '../../../../local/emulator/catalogue/instance-types';
import { REGIONS } from '../../../../local/emulator/catalogue/regions';
import { ZONES } from '../../../../local/emulator/catalogue/zones';

describe('catalogue data', () => {
  it('has 19 regions with distinct ids and names in both languages', () => {
    expect(REGIONS).toHaveLength(19);
    expect(new Set(REGIONS.map((region) => region.region)).size).toBe(19);
    REGIONS.forEach((region) => {
      expect(region.name['zh-CN']).toMatch(/^.+\(.+\)$/);
      expect(region.name['en-US']).toMatch(/^[A-Za-z ,.()]+$/);
    });
  });

  it('gives every region at least one zone, with unique ZoneIds of digits', () => {
    REGIONS.forEach((region) => expect(ZONES.some((zone) => zone.region === region.region)).toBe(true));
    expect(new Set(ZONES.map((zone) => zone.zoneId)).size).toBe(ZONES.length);
    ZONES.forEach((zone) => {
      expect(zone.zoneId).toMatch(/^\d{6}$/);
      expect(zone.zone.startsWith(`${zone.region}-`)).toBe(true);
    });
  });

  it('ships about 60 public images per region with well-formed, unique ids, several platforms and arm images', () => {
    REGIONS.forEach((region) => {
      const images = publicImagesOf(region.region);
      expect(images.length).toBeGreaterThanOrEqual(60);
      expect(new Set(images.map((image) => image.imageId)).size).toBe(images.length);
      images.forEach((image) => expect(image.imageId).toMatch(/^img-[a-z0-9]{8}$/));
    });
    const guangzhou = publicImagesOf('ap-guangzhou');
    expect(guangzhou).toHaveLength(62);
    expect(new Set(guangzhou.map((image) => image.platform)).size).toBeGreaterThanOrEqual(8);
    expect(guangzhou.filter((image) => image.architecture === 'arm')).toHaveLength(9);
  });

  it('knows GPU and FPGA types with their figures', () => {
    expect(INSTANCE_TYPES.get('GN10Xp.20XLARGE320')).toMatchObject({ cpu: 80, memory: 320, gpu: 8, gpuType: 'NVIDIA V100', gpuMemory: 32 });
    expect(INSTANCE_TYPES.get('FX4.16XLARGE256')).toMatchObject({ cpu: 64, memory: 256, fpga: 2, gpu: 0 });
    expect(INSTANCE_TYPES.get('SA2.45XLARGE464')).toMatchObject({ cpu: 180, memory: 464 });
    INSTANCE_TYPES.forEach((type, name) => expect(name).toBe(`${type.family}.${name.split('.')[1]}`));
  });

  it('sells nothing in UNAVAILABLE zones and the default S1.SMALL1 in every AVAILABLE zone', () => {
    ZONES.forEach((zone) => {
      const sold = instanceTypesSoldIn(zone);
      if (zone.state === 'UNAVAILABLE') expect(sold).toEqual([]);
      else expect(sold).toContain('S1.SMALL1');
    });
  });

  it('is the same on every call (deterministic generation)', () => {
    expect(publicImagesOf('ap-beijing')).toEqual(publicImagesOf('ap-beijing'));
    ZONES.forEach((zone) => expect(instanceTypesSoldIn(zone)).toEqual(instanceTypesSoldIn(zone)));
  });
});
