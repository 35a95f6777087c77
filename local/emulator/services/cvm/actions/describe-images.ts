import type { DescribeImagesResponse } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import type { ImageDefinition } from '../../../catalogue/images';
import { imageIdMalformed } from '../errors';
import { matchesAll, readFilters, readIdList } from '../filters';
import { IMAGE_ID } from '../formats';
import { requireInstanceType } from '../models/catalogue-checks';
import { toWireImage, visibleImages } from '../models/images';
import { paginate, readPage } from '../paging';
import type { ActionDefinition } from './action';

const contains = (text: string, fragment: string): boolean => text.toLowerCase().includes(fragment.toLowerCase());

/** Filter matchers (reference §4.4). `dedicated-cluster-id` / `cdc-cache-status` never match: no image is cached in a CDC. */
function imageMatcher(name: string): ((image: ImageDefinition, value: string) => boolean) | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice('tag:'.length);
    return (image, value) => image.tags.some((tag) => tag.Key === key && tag.Value === value);
  }
  const matchers: Readonly<Record<string, (image: ImageDefinition, value: string) => boolean>> = {
    'image-id': (image, value) => image.imageId === value,
    'image-type': (image, value) => image.imageType === value,
    'image-name': (image, value) =>
      contains(image.imageName ?? image.osName['zh-CN'], value) || contains(image.imageName ?? image.osName['en-US'], value),
    platform: (image, value) => contains(image.platform, value),
    'tag-key': (image, value) => image.tags.some((tag) => tag.Key === value),
    'tag-value': (image, value) => image.tags.some((tag) => tag.Value === value),
    'dedicated-cluster-id': () => false,
    'cdc-cache-status': () => false,
  };
  return matchers[name];
}

/**
 * DescribeImages (reference §4.4): the account's private images and the region's public images,
 * optionally narrowed by `ImageIds` (unknown well-formed ids are simply absent) or `Filters`
 * (≤ 10, ≤ 5 values) and by `InstanceType` (only images of the type's architecture); paged.
 */
export const describeImages: ActionDefinition = {
  regional: true,
  parameters: ['ImageIds', 'Filters', 'Offset', 'Limit', 'InstanceType'],
  handle(params, { catalogue, store, context }) {
    const imageIds = readIdList(params, 'ImageIds', Number.MAX_SAFE_INTEGER, (imageId) => {
      if (!IMAGE_ID.test(imageId)) throw imageIdMalformed(imageId);
    });
    const filters = readFilters(params, { supports: (name) => imageMatcher(name) !== undefined, maxFilters: 10, maxValues: 5 });
    const page = readPage(params);
    const instanceTypeName = params.string('InstanceType');
    const instanceType = instanceTypeName === undefined ? undefined : requireInstanceType(catalogue, instanceTypeName);

    const matches = visibleImages(catalogue, store).filter(
      (image) =>
        (imageIds === undefined || imageIds.includes(image.imageId)) &&
        matchesAll(image, filters, imageMatcher) &&
        (instanceType === undefined || instanceType.architecture === image.architecture),
    );
    const { totalCount, items } = paginate(matches, page);
    const response: DescribeImagesResponse = {
      TotalCount: totalCount,
      ImageSet: items.map((image) => toWireImage(image, context.language)),
    };
    return { ...response };
  },
};
