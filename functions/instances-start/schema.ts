import * as z from 'zod/mini';
import { bodyBoolean, instanceActionBody, waitQuery } from '../../lib/schemas/instances';

/** PUT /api/instances/start body: credentials, `region`, `instanceIds`, optional `wait`. */
export const startInstancesBody = instanceActionBody({ wait: z.optional(bodyBoolean) });

export const startInstancesQuery = waitQuery;
