import type { DescribeInstanceTypeConfigsRequest } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import type { InstanceTypesQuery } from './schema';

/**
 * The DescribeInstanceTypeConfigs filters for a query: `zone` and `instance-family`, one value each (the
 * action allows only one value per filter, reference §4.5). No filter lists every type of every zone.
 */
function describeInstanceTypeConfigsRequest(query: InstanceTypesQuery): DescribeInstanceTypeConfigsRequest {
  const filters = [
    ...(query.zone === undefined ? [] : [{ Name: 'zone', Values: [query.zone] }]),
    ...(query.instanceFamily === undefined ? [] : [{ Name: 'instance-family', Values: [query.instanceFamily] }]),
  ];
  return filters.length === 0 ? {} : { Filters: filters };
}

export { describeInstanceTypeConfigsRequest };
