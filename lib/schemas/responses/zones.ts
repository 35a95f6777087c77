import * as z from 'zod/mini';
import { numberText, requestId, upstreamText } from './fields';

/** `GET /api/zones` 200 (api-contract.md); the type agrees with lib/mappers/zones.ts. */
const zonesResponse = z.strictObject({
  totalCount: numberText('Number of zones in the region', '7'),
  zones: z.array(
    z.strictObject({
      zone: upstreamText('Zone id', 'ap-guangzhou-3'),
      zoneName: upstreamText('Zone name', '广州三区'),
      zoneId: upstreamText('Numeric zone id, as text', '100003'),
      zoneState: upstreamText('AVAILABLE or UNAVAILABLE', 'AVAILABLE'),
    }),
  ),
  requestId,
});

export { zonesResponse };
