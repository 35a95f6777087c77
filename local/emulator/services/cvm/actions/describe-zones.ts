import type { DescribeZonesResponse } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import type { ActionDefinition } from './action';

/**
 * DescribeZones (reference §4.3): every zone of the region, sold-out ones included as `UNAVAILABLE`.
 * `ZoneName` follows `X-TC-Language` (zh-CN by default, as real outputs show).
 */
export const describeZones: ActionDefinition = {
  regional: true,
  parameters: [],
  handle(_params, { catalogue, context, region }) {
    const zones = catalogue.zonesOf(region);
    const response: DescribeZonesResponse = {
      TotalCount: zones.length,
      ZoneSet: zones.map((zone) => ({
        Zone: zone.zone,
        ZoneName: zone.name[context.language],
        ZoneId: zone.zoneId,
        ZoneState: zone.state,
      })),
    };
    return { ...response };
  },
};
