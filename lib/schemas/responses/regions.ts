import * as z from 'zod/mini';
import { numberText, requestId, upstreamText } from './fields';

/** `GET /api/regions` 200 (seed "List all regions"); the type agrees with lib/mappers/regions.ts. */
const regionsResponse = z.strictObject({
  totalCount: numberText('Number of regions', '19'),
  regions: z.array(
    z.strictObject({
      region: upstreamText('Region id', 'ap-guangzhou'),
      regionName: upstreamText('Region name', '华南地区(广州)'),
      regionState: upstreamText('AVAILABLE or UNAVAILABLE', 'AVAILABLE'),
    }),
  ),
  requestId,
});

export { regionsResponse };
