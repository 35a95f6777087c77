import { ACCOUNT_A, ACCOUNT_B, apiError, createFixture, REGION } from './service-fixture';

interface WireImage {
  ImageId: string;
  OsName: string;
  ImageType: string;
  Platform: string;
  Architecture: string;
  ImageName: string;
  ImageCreator: string;
  ImageSource: string;
}

function images(response: Record<string, unknown>): WireImage[] {
  return response.ImageSet as WireImage[];
}

describe('DescribeImages', () => {
  it('lists the 62 public images of ap-guangzhou, 20 per page, opening with img-9a0eg8mt as the seed shows', () => {
    const fixture = createFixture();
    const response = fixture.call('DescribeImages');
    expect(response.TotalCount).toBe(62);
    expect(images(response)).toHaveLength(20);
    expect(images(response)[0]).toMatchObject({
      ImageId: 'img-9a0eg8mt',
      OsName: 'TencentOS Server 3.1 for ARM64 (TK4)',
      ImageName: 'TencentOS Server 3.1 for ARM64 (TK4)',
      ImageType: 'PUBLIC_IMAGE',
      Architecture: 'arm',
      Platform: 'TencentOS',
      ImageSource: 'OFFICIAL',
      ImageCreator: 'tencent',
      ImageState: 'NORMAL',
      ImageSize: 50,
    });
    const lastPage = images(fixture.call('DescribeImages', { Offset: 60, Limit: 100 }));
    expect(lastPage.map((image) => image.ImageId)).toEqual(['img-pmqg1cw7', 'img-8toqc6s3']);
  });

  it('shows the documented CentOS 7.6 image with its documented fields', () => {
    const response = createFixture().call('DescribeImages', { ImageIds: ['img-9qabwvbn'] });
    expect(response.TotalCount).toBe(1);
    expect(images(response)[0]).toMatchObject({
      ImageId: 'img-9qabwvbn',
      OsName: 'CentOS 7.6 64位',
      ImageDescription: 'CentOS 7.6 64位',
      LicenseType: 'TencentCloud',
      IsSupportCloudinit: true,
      Platform: 'CentOS',
      Architecture: 'x86_64',
      SnapshotSet: [],
    });
    expect(images(createFixture().call('DescribeImages', { ImageIds: ['img-9qabwvbn'] }, { language: 'en-US' }))[0]?.OsName).toBe('CentOS 7.6 64bit');
  });

  it('lists 60 public images outside mainland China with the same ids', () => {
    const fixture = createFixture();
    const tokyo = images(fixture.call('DescribeImages', { Limit: 100 }, { region: 'ap-tokyo' })).map((image) => image.ImageId);
    const guangzhou = images(fixture.call('DescribeImages', { Limit: 100 })).map((image) => image.ImageId);
    expect(tokyo).toHaveLength(60);
    expect(tokyo.every((imageId) => guangzhou.includes(imageId))).toBe(true);
  });

  it.each<[string, { Name: string; Values: string[] }[], (image: WireImage) => boolean, number]>([
    ['platform (fuzzy, case-insensitive)', [{ Name: 'platform', Values: ['ubuntu'] }], (image) => image.Platform === 'Ubuntu', 8],
    ['platform values ORed', [{ Name: 'platform', Values: ['Debian', 'Fedora'] }], (image) => ['Debian', 'Fedora'].includes(image.Platform), 8],
    ['image-name (fuzzy)', [{ Name: 'image-name', Values: ['ARM64'] }], (image) => image.Architecture === 'arm', 9],
    ['image-type', [{ Name: 'image-type', Values: ['PUBLIC_IMAGE'] }], (image) => image.ImageType === 'PUBLIC_IMAGE', 62],
    ['image-id', [{ Name: 'image-id', Values: ['img-487zeit5', 'img-22trbn9x'] }], (image) => image.Platform === 'Ubuntu', 2],
    ['ANDed filters', [{ Name: 'platform', Values: ['Windows'] }, { Name: 'image-name', Values: ['2019'] }], (image) => image.OsName.includes('2019'), 2],
  ])('filters by %s', (_name, filters, predicate, expectedCount) => {
    const response = createFixture().call('DescribeImages', { Filters: filters, Limit: 100 });
    expect(response.TotalCount).toBe(expectedCount);
    expect(images(response).every(predicate)).toBe(true);
  });

  it('keeps only images of the type’s architecture with InstanceType', () => {
    const fixture = createFixture();
    const arm = images(fixture.call('DescribeImages', { InstanceType: 'SR1.LARGE8', Limit: 100 }));
    expect(arm).toHaveLength(9);
    expect(arm.every((image) => image.Architecture === 'arm')).toBe(true);
    expect(fixture.call('DescribeImages', { InstanceType: 'S5.LARGE8' }).TotalCount).toBe(53);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ ImageIds: ['img-9qabwvbn'], Filters: [{ Name: 'platform', Values: ['CentOS'] }] }, 'InvalidParameter.InvalidParameterCoexistImageIdsFilters'],
    [{ ImageIds: ['img-123'] }, 'InvalidImageId.Malformed'],
    [{ Filters: [{ Name: 'os', Values: ['x'] }] }, 'InvalidFilter'],
    [{ Filters: [{ Name: 'platform', Values: ['a', 'b', 'c', 'd', 'e', 'f'] }] }, 'InvalidFilterValue.LimitExceeded'],
    [{ Limit: 101 }, 'InvalidParameterValue.LimitExceeded'],
    [{ InstanceType: 'large' }, 'InvalidInstanceType.Malformed'],
    [{ InstanceType: 'ZZ9.LARGE8' }, 'InvalidParameterValue.InstanceTypeNotFound'],
    [{ Offset: 'one' }, 'InvalidParameter'],
  ])('refuses %j with %s', (params, code) => {
    expect(apiError(() => createFixture().call('DescribeImages', params)).code).toBe(code);
  });

  describe('private images (seedPrivateImages)', () => {
    it('adds exactly the seeded count to the account only, private images first, and pages through 512', () => {
      const fixture = createFixture();
      fixture.service.applyCatalogueChange({ kind: 'seedPrivateImages', accountId: ACCOUNT_A, region: REGION, count: 450 });
      const first = fixture.call('DescribeImages', { Limit: 100 });
      expect(first.TotalCount).toBe(512);
      expect(images(first)[0]).toMatchObject({ ImageType: 'PRIVATE_IMAGE', ImageName: 'private-image-0001', ImageCreator: ACCOUNT_A, ImageSource: 'CREATE_IMAGE' });
      const seen = new Set<string>();
      for (let offset = 0; offset < 512; offset += 100) {
        images(fixture.call('DescribeImages', { Offset: offset, Limit: 100 })).forEach((image) => seen.add(image.ImageId));
      }
      expect(seen.size).toBe(512);
      expect(fixture.call('DescribeImages', { Filters: [{ Name: 'image-type', Values: ['PRIVATE_IMAGE'] }] }).TotalCount).toBe(450);
      expect(fixture.call('DescribeImages', {}, { accountId: ACCOUNT_B }).TotalCount).toBe(62);
      expect(fixture.call('DescribeImages', {}, { region: 'ap-shanghai' }).TotalCount).toBe(62);
    });

    it('lets the owner run instances from a private image', () => {
      const fixture = createFixture();
      fixture.service.applyCatalogueChange({ kind: 'seedPrivateImages', accountId: ACCOUNT_A, region: REGION, count: 3 });
      const [privateImage] = images(
        fixture.call('DescribeImages', { InstanceType: 'S1.SMALL1', Filters: [{ Name: 'image-type', Values: ['PRIVATE_IMAGE'] }] }),
      );
      const imageId = privateImage?.ImageId ?? '';
      expect(fixture.run({ ImageId: imageId })).toHaveLength(1);
      expect(apiError(() => fixture.run({ ImageId: imageId }, { accountId: ACCOUNT_B })).code).toBe('InvalidImageId.NotFound');
    });

    it('is deterministic and replaced (not appended) by a second seeding; reset drops it', () => {
      const first = createFixture();
      const second = createFixture();
      [first, second].forEach((fixture) => fixture.service.applyCatalogueChange({ kind: 'seedPrivateImages', accountId: ACCOUNT_A, region: REGION, count: 5 }));
      expect(first.call('DescribeImages')).toEqual(second.call('DescribeImages'));
      first.service.applyCatalogueChange({ kind: 'seedPrivateImages', accountId: ACCOUNT_A, region: REGION, count: 2 });
      expect(first.call('DescribeImages').TotalCount).toBe(64);
      first.service.reset();
      expect(first.call('DescribeImages').TotalCount).toBe(62);
    });
  });

  describe('catalogue changes', () => {
    it('adds and removes public images', () => {
      const fixture = createFixture();
      fixture.service.applyCatalogueChange({
        kind: 'addImage',
        region: REGION,
        image: { ImageId: 'img-newimage', OsName: 'Kylin V10 64位', Platform: 'Kylin', Architecture: 'arm' },
      });
      fixture.service.applyCatalogueChange({ kind: 'removeImage', region: REGION, imageId: 'img-9qabwvbn' });
      expect(fixture.call('DescribeImages').TotalCount).toBe(62);
      expect(images(fixture.call('DescribeImages', { ImageIds: ['img-newimage', 'img-9qabwvbn'] }))).toEqual([
        expect.objectContaining({ ImageId: 'img-newimage', OsName: 'Kylin V10 64位', Platform: 'Kylin', Architecture: 'arm' }),
      ]);
      expect(apiError(() => fixture.run({ ImageId: 'img-9qabwvbn' })).code).toBe('InvalidImageId.NotFound');
      fixture.service.reset();
      expect(fixture.call('DescribeImages', { ImageIds: ['img-newimage', 'img-9qabwvbn'] }).TotalCount).toBe(1);
    });

    it('refuses a malformed image id', () => {
      const fixture = createFixture();
      expect(() => fixture.service.applyCatalogueChange({ kind: 'addImage', region: REGION, image: { ImageId: 'image-1' } })).toThrow(
        expect.objectContaining({ name: 'CatalogueChangeError', field: 'image.ImageId' }),
      );
    });
  });
});
