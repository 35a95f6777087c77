import * as z from 'zod/mini';
import { numberText, requestId, upstreamText } from './fields';

/**
 * `GET /api/instance-types` 200 (seed "List all instance types"): no totalCount, as upstream has none
 * (reference §4.5); the type agrees with lib/mappers/instance-types.ts.
 */
const instanceTypesResponse = z.strictObject({
  instanceTypes: z.array(
    z.strictObject({
      zone: upstreamText('Zone id', 'ap-guangzhou-5'),
      instanceType: upstreamText('Instance type', 'SA2.SMALL1'),
      instanceFamily: upstreamText('Instance family', 'SA2'),
      gpu: numberText('GPU cores', '0'),
      cpu: numberText('CPU cores', '1'),
      memory: numberText('Memory in GB', '1'),
      fpga: numberText('FPGA cores', '0'),
    }),
  ),
  requestId,
});

export { instanceTypesResponse };
