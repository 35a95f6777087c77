import * as z from 'zod/mini';
import { instanceFamily, region, zone } from '../../lib/schemas/primitives';

/** GET /api/instance-types query: the region and the optional zone / family filters (reference §4.5). */
export const instanceTypesQuery = z.strictObject({
  region,
  zone: z.optional(zone),
  instanceFamily: z.optional(instanceFamily),
});

export type InstanceTypesQuery = z.output<typeof instanceTypesQuery>;
