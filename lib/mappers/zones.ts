import type { DescribeZonesResponse, ZoneInfo } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { asText } from './text';

/** `GET /api/zones` (api-contract.md); keys in the contract's order. */
export interface ZonesBody {
  readonly totalCount: string;
  readonly zones: readonly { readonly zone: string; readonly zoneName: string; readonly zoneId: string; readonly zoneState: string }[];
  readonly requestId: string;
}

function toZone(zone: ZoneInfo): ZonesBody['zones'][number] {
  return { zone: asText(zone.Zone), zoneName: asText(zone.ZoneName), zoneId: asText(zone.ZoneId), zoneState: asText(zone.ZoneState) };
}

/**
 * @example
 * toZonesBody({ TotalCount: 1, ZoneSet: [{ Zone: 'ap-guangzhou-3', ZoneName: '广州三区', ZoneId: '100003', ZoneState: 'AVAILABLE' }], RequestId: 'r' })
 * // { totalCount: '1', zones: [{ zone: 'ap-guangzhou-3', zoneName: '广州三区', zoneId: '100003', zoneState: 'AVAILABLE' }], requestId: 'r' }
 */
function toZonesBody(response: DescribeZonesResponse): ZonesBody {
  return {
    totalCount: asText(response.TotalCount),
    zones: (response.ZoneSet ?? []).map(toZone),
    requestId: asText(response.RequestId),
  };
}

export { toZonesBody };
