import type { DescribeRegionsResponse } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import type { ActionDefinition } from './action';

/** DescribeRegions (reference §4.2): no parameters, no `X-TC-Region`; names follow `X-TC-Language`. */
export const describeRegions: ActionDefinition = {
  regional: false,
  parameters: [],
  handle(_params, { catalogue, context }) {
    const response: DescribeRegionsResponse = {
      TotalCount: catalogue.regions.length,
      RegionSet: catalogue.regions.map((entry) => ({
        Region: entry.region,
        RegionName: entry.name[context.language],
        RegionState: 'AVAILABLE',
      })),
    };
    return { ...response };
  },
};
