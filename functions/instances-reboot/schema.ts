import * as z from 'zod/mini';
import { instanceActionBody } from '../../lib/schemas/instances';

/** StopType of RebootInstances (reference §4.11). */
const STOP_TYPES = ['SOFT', 'HARD', 'SOFT_FIRST'] as const;

/**
 * PUT /api/instances/reboot body: credentials, `region`, `instanceIds`, optional `stopType`. No `wait`:
 * a rebooted instance is RUNNING before and after (§4.13), so its state cannot tell when it finished.
 */
export const rebootInstancesBody = instanceActionBody({
  stopType: z.optional(z.enum(STOP_TYPES, `must be one of ${STOP_TYPES.join(', ')}`)),
});
