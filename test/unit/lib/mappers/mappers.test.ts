import describeImages from '../../../fixtures/cvm/describe-images.json';
import describeInstanceTypeConfigs from '../../../fixtures/cvm/describe-instance-type-configs.json';
import describeRegions from '../../../fixtures/cvm/describe-regions.json';
import describeZones from '../../../fixtures/cvm/describe-zones.json';
import { toImagesBody } from '../../../../lib/mappers/images';
import { toInstanceTypesBody } from '../../../../lib/mappers/instance-types';
import { toRegionsBody } from '../../../../lib/mappers/regions';
import { asText } from '../../../../lib/mappers/text';
import { toZonesBody } from '../../../../lib/mappers/zones';

/** Key order is part of the seed's promise; `toEqual` ignores it, so order is asserted separately. */
function keysOf(value: object): string[] {
  return Object.keys(value);
}

describe('asText', () => {
  it.each([
    [19, '19'],
    [0, '0'],
    [2.5, '2.5'],
    ['AVAILABLE', 'AVAILABLE'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('turns %p into %p', (value, text) => {
    expect(asText(value)).toBe(text);
  });
});

describe('toRegionsBody', () => {
  it('maps the documented DescribeRegions example into the seed shape', () => {
    const body = toRegionsBody(describeRegions.response);
    expect(body).toEqual({
      totalCount: '9',
      regions: [
        { region: 'ap-beijing', regionName: '华北地区(北京)', regionState: 'AVAILABLE' },
        { region: 'ap-guangzhou', regionName: '华南地区(广州)', regionState: 'AVAILABLE' },
        { region: 'ap-hongkong', regionName: '港澳台地区(中国香港)', regionState: 'AVAILABLE' },
        { region: 'ap-shanghai', regionName: '华东地区(上海)', regionState: 'AVAILABLE' },
      ],
      requestId: 'C563943B-3BEA-FE92-29FE-591EAEB7871F',
    });
    expect(keysOf(body)).toEqual(['totalCount', 'regions', 'requestId']);
    expect(keysOf(body.regions[0] ?? {})).toEqual(['region', 'regionName', 'regionState']);
  });

  it('turns missing and null upstream values into empty strings', () => {
    expect(toRegionsBody({ RegionSet: [{ Region: 'ap-x' }] })).toEqual({
      totalCount: '',
      regions: [{ region: 'ap-x', regionName: '', regionState: '' }],
      requestId: '',
    });
    expect(toRegionsBody({}).regions).toEqual([]);
  });
});

describe('toZonesBody', () => {
  it('maps the documented DescribeZones example into the contract shape', () => {
    const body = toZonesBody(describeZones.response);
    expect(body).toEqual({
      totalCount: '5',
      zones: [
        { zone: 'ap-guangzhou-3', zoneName: '广州三区', zoneId: '100003', zoneState: 'AVAILABLE' },
        { zone: 'ap-guangzhou-4', zoneName: '广州四区', zoneId: '100004', zoneState: 'AVAILABLE' },
      ],
      requestId: '62DDFFC6-FDB5-44F7-20A6-59152E3D129A',
    });
    expect(keysOf(body)).toEqual(['totalCount', 'zones', 'requestId']);
    expect(keysOf(body.zones[0] ?? {})).toEqual(['zone', 'zoneName', 'zoneId', 'zoneState']);
  });
});

describe('toImagesBody', () => {
  it('maps the documented DescribeImages example into the seed shape, keeping only the seed’s fields', () => {
    const response = describeImages.response;
    const body = toImagesBody({ images: response.ImageSet, totalCount: response.TotalCount, requestId: response.RequestId });
    expect(body).toEqual({
      images: [
        {
          imageId: 'img-9qabwvbn',
          osName: 'CentOS 7.6 64位',
          imageType: 'PUBLIC_IMAGE',
          imageName: 'CentOS 7.6 64位',
          imageDescription: 'CentOS 7.6 64位',
          imageSize: '50',
          architecture: 'x86_64',
          imageState: 'NORMAL',
          platform: 'CentOS',
          imageSource: 'OFFICIAL',
        },
      ],
      totalCount: '1',
      requestId: 'db145873-3128-4079-8cec-65e05a7c9f89',
    });
    expect(keysOf(body)).toEqual(['images', 'totalCount', 'requestId']);
    expect(keysOf(body.images[0] ?? {})).toEqual([
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
    ]);
  });

  it('renders an unknown total as an empty string', () => {
    expect(toImagesBody({ images: [], totalCount: undefined, requestId: undefined })).toEqual({ images: [], totalCount: '', requestId: '' });
  });
});

describe('toInstanceTypesBody', () => {
  it('maps the documented DescribeInstanceTypeConfigs example into the seed shape, numbers as strings', () => {
    const body = toInstanceTypesBody(describeInstanceTypeConfigs.response);
    expect(body).toEqual({
      instanceTypes: [
        { zone: 'ap-guangzhou-6', instanceType: 'S6.LARGE8', instanceFamily: 'S6', gpu: '0', cpu: '4', memory: '8', fpga: '0' },
        { zone: 'ap-guangzhou-6', instanceType: 'S6.MEDIUM8', instanceFamily: 'S6', gpu: '0', cpu: '2', memory: '8', fpga: '0' },
        { zone: 'ap-guangzhou-6', instanceType: 'S6.2XLARGE16', instanceFamily: 'S6', gpu: '0', cpu: '8', memory: '16', fpga: '0' },
      ],
      requestId: 'b809b32e-c2b9-4b71-84dd-b9ffaac904aa',
    });
    expect(keysOf(body)).toEqual(['instanceTypes', 'requestId']);
    expect(keysOf(body.instanceTypes[0] ?? {})).toEqual(['zone', 'instanceType', 'instanceFamily', 'gpu', 'cpu', 'memory', 'fpga']);
  });

  it('fills absent numbers with empty strings', () => {
    expect(toInstanceTypesBody({ InstanceTypeConfigSet: [{ InstanceType: 'S1.SMALL1' }] }).instanceTypes).toEqual([
      { zone: '', instanceType: 'S1.SMALL1', instanceFamily: '', gpu: '', cpu: '', memory: '', fpga: '' },
    ]);
  });
});
