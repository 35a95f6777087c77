import type { DescribeImagesRequest } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import type { ImagesQuery } from './schema';

type FilterParameter = 'platform' | 'imageType' | 'imageName';

/** Query parameter → DescribeImages filter name (reference §4.4). */
const FILTER_NAMES: readonly (readonly [FilterParameter, string])[] = [
  ['platform', 'platform'],
  ['imageType', 'image-type'],
  ['imageName', 'image-name'],
];

/**
 * The DescribeImages parameters for a query, without paging: one single-valued filter per given
 * parameter, and `InstanceType` as its own parameter (it is not a filter, §4.4).
 */
function describeImagesRequest(query: ImagesQuery): DescribeImagesRequest {
  const filters = FILTER_NAMES.flatMap(([parameter, name]) => {
    const value = query[parameter];
    return value === undefined ? [] : [{ Name: name, Values: [value] }];
  });
  return {
    ...(filters.length === 0 ? {} : { Filters: filters }),
    ...(query.instanceType === undefined ? {} : { InstanceType: query.instanceType }),
  };
}

export { describeImagesRequest };
