import * as z from 'zod/mini';
import { bodyBoolean, instanceActionBody, waitQuery } from '../../lib/schemas/instances';

/** PUT /api/instances/terminate body: credentials, `region`, `instanceIds`, optional `wait`. */
export const terminateInstancesBody = instanceActionBody({ wait: z.optional(bodyBoolean) });

export const terminateInstancesQuery = waitQuery;
