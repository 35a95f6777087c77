import type {
  DescribeInstanceTypeConfigsResponse,
  InstanceTypeConfig,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { asText } from './text';

export interface InstanceTypeItem {
  readonly zone: string;
  readonly instanceType: string;
  readonly instanceFamily: string;
  readonly gpu: string;
  readonly cpu: string;
  readonly memory: string;
  readonly fpga: string;
}

/** `GET /api/instance-types` (seed "List all instance types"); no totalCount, as upstream has none (§4.5). */
export interface InstanceTypesBody {
  readonly instanceTypes: readonly InstanceTypeItem[];
  readonly requestId: string;
}

function toInstanceType(config: InstanceTypeConfig): InstanceTypeItem {
  return {
    zone: asText(config.Zone),
    instanceType: asText(config.InstanceType),
    instanceFamily: asText(config.InstanceFamily),
    gpu: asText(config.GPU),
    cpu: asText(config.CPU),
    memory: asText(config.Memory),
    fpga: asText(config.FPGA),
  };
}

/**
 * @example
 * toInstanceTypesBody({ InstanceTypeConfigSet: [{ Zone: 'ap-guangzhou-6', InstanceType: 'S6.LARGE8', InstanceFamily: 'S6', GPU: 0, CPU: 4, Memory: 8, FPGA: 0 }], RequestId: 'r' })
 * // { instanceTypes: [{ zone: 'ap-guangzhou-6', instanceType: 'S6.LARGE8', instanceFamily: 'S6', gpu: '0', cpu: '4', memory: '8', fpga: '0' }], requestId: 'r' }
 */
function toInstanceTypesBody(response: DescribeInstanceTypeConfigsResponse): InstanceTypesBody {
  return {
    instanceTypes: (response.InstanceTypeConfigSet ?? []).map(toInstanceType),
    requestId: asText(response.RequestId),
  };
}

export { toInstanceTypesBody };
