import * as z from 'zod/mini';
import { describeImagesRequest } from '../../../../functions/images/describe-images-request';
import { imagesQuery } from '../../../../functions/images/schema';

describe('describeImagesRequest', () => {
  it('asks for everything when the query names only the region', () => {
    expect(describeImagesRequest({ region: 'ap-guangzhou' })).toEqual({});
  });

  it('turns each filter parameter into one single-valued DescribeImages filter (§4.4), InstanceType apart', () => {
    expect(
      describeImagesRequest({ region: 'ap-guangzhou', platform: 'CentOS', imageType: 'PUBLIC_IMAGE', imageName: '7.6', instanceType: 'S5.MEDIUM2', limit: 10 }),
    ).toEqual({
      Filters: [
        { Name: 'platform', Values: ['CentOS'] },
        { Name: 'image-type', Values: ['PUBLIC_IMAGE'] },
        { Name: 'image-name', Values: ['7.6'] },
      ],
      InstanceType: 'S5.MEDIUM2',
    });
  });
});

describe('imagesQuery', () => {
  it('parses paging as numbers and keeps the filters', () => {
    expect(z.parse(imagesQuery, { region: 'ap-tokyo', offset: '100', limit: '50', imageType: 'SHARED_IMAGE' })).toEqual({
      region: 'ap-tokyo',
      offset: 100,
      limit: 50,
      imageType: 'SHARED_IMAGE',
    });
  });

  it.each([
    [{ region: 'ap-tokyo', imageType: 'public' }, 'imageType'],
    [{ region: 'ap-tokyo', platform: '' }, 'platform'],
    [{ region: 'ap-tokyo', imageName: 'x'.repeat(61) }, 'imageName'],
    [{ region: 'ap-tokyo', instanceType: 'S5 MEDIUM2' }, 'instanceType'],
  ])('refuses %j naming %s', (query, field) => {
    const result = z.safeParse(imagesQuery, query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });
});
