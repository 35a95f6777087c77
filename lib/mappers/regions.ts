import type { DescribeRegionsResponse, RegionInfo } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { asText } from './text';

/** `GET /api/regions` (seed "List all regions"); keys in the seed's order. */
export interface RegionsBody {
  readonly totalCount: string;
  readonly regions: readonly { readonly region: string; readonly regionName: string; readonly regionState: string }[];
  readonly requestId: string;
}

function toRegion(region: RegionInfo): RegionsBody['regions'][number] {
  return { region: asText(region.Region), regionName: asText(region.RegionName), regionState: asText(region.RegionState) };
}

/**
 * @example
 * toRegionsBody({ TotalCount: 1, RegionSet: [{ Region: 'ap-guangzhou', RegionName: '华南地区(广州)', RegionState: 'AVAILABLE' }], RequestId: 'r' })
 * // { totalCount: '1', regions: [{ region: 'ap-guangzhou', regionName: '华南地区(广州)', regionState: 'AVAILABLE' }], requestId: 'r' }
 */
function toRegionsBody(response: DescribeRegionsResponse): RegionsBody {
  return {
    totalCount: asText(response.TotalCount),
    regions: (response.RegionSet ?? []).map(toRegion),
    requestId: asText(response.RequestId),
  };
}

export { toRegionsBody };
