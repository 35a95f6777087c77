import type {
  DescribeInstanceTypeConfigsResponse,
  InstanceTypeConfig,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { readFilters } from '../filters';
import { checkInstanceTypeFormat, requireZone } from '../models/catalogue-checks';
import type { ActionDefinition } from './action';

const FILTER_NAMES = ['zone', 'instance-family', 'instance-type'];

/**
 * DescribeInstanceTypeConfigs (reference §4.5): every type of every zone of the region, narrowed by
 * `zone` / `instance-family` / `instance-type` filters of one value each. No paging, no TotalCount.
 * A zone value is checked against the region; an instance-type value must be well formed (an unknown
 * well-formed type simply matches nothing).
 */
export const describeInstanceTypeConfigs: ActionDefinition = {
  regional: true,
  parameters: ['Filters'],
  handle(params, { catalogue, region }) {
    const filters = readFilters(params, { supports: (name) => FILTER_NAMES.includes(name), maxFilters: 10, maxValues: 1 });
    const wanted = (name: string): readonly string[] => filters.filter((filter) => filter.name === name).flatMap((filter) => filter.values);
    const zoneValues = wanted('zone');
    zoneValues.forEach((zone) => requireZone(catalogue, region, zone, 'Filters.zone'));
    const typeValues = wanted('instance-type');
    typeValues.forEach(checkInstanceTypeFormat);
    const familyValues = wanted('instance-family');

    const rows: InstanceTypeConfig[] = catalogue.zonesOf(region).flatMap((zone) => {
      if (zoneValues.some((value) => value !== zone.zone)) return [];
      return catalogue.typesSoldIn(zone.zone).flatMap((typeName) => {
        const type = catalogue.instanceType(typeName);
        if (type === undefined) return [];
        if (typeValues.some((value) => value !== type.instanceType)) return [];
        if (familyValues.some((value) => value !== type.family)) return [];
        return [
          {
            Zone: zone.zone,
            InstanceType: type.instanceType,
            InstanceFamily: type.family,
            GPU: type.gpu,
            CPU: type.cpu,
            Memory: type.memory,
            FPGA: type.fpga,
            GpuCount: type.gpu,
            ...(type.gpuType === undefined ? {} : { GpuType: type.gpuType, GpuMemory: type.gpuMemory }),
          },
        ];
      });
    });
    const response: DescribeInstanceTypeConfigsResponse = { InstanceTypeConfigSet: rows };
    return { ...response };
  },
};
