import * as z from 'zod/mini';
import { bodyBoolean, instanceActionBody, waitQuery } from '../../lib/schemas/instances';

/** StopType and StoppedMode of StopInstances (reference §4.10). */
const STOP_TYPES = ['SOFT', 'HARD', 'SOFT_FIRST'] as const;
const STOPPED_MODES = ['KEEP_CHARGING', 'STOP_CHARGING'] as const;

/** PUT /api/instances/stop body: credentials, `region`, `instanceIds`, optional `stopType`, `stoppedMode`, `wait`. */
export const stopInstancesBody = instanceActionBody({
  stopType: z.optional(z.enum(STOP_TYPES, `must be one of ${STOP_TYPES.join(', ')}`)),
  stoppedMode: z.optional(z.enum(STOPPED_MODES, `must be one of ${STOPPED_MODES.join(', ')}`)),
  wait: z.optional(bodyBoolean),
});

export const stopInstancesQuery = waitQuery;
