import * as z from 'zod/mini';
import { INSTANCE_STATES, instanceIdList } from '../../lib/schemas/instances';
import { boundedText, limit, offset, region, zone } from '../../lib/schemas/primitives';

/** DescribeInstances takes at most 5 values per filter (reference §4.1). */
export const MAX_FILTER_VALUES = 5;

/** `ins-r8hr2upy,ins-5d8a23rs`: the ids as one comma-separated query parameter. */
const instanceIdsText = z.pipe(
  z.string({ error: 'must be a comma-separated list of instance ids' }),
  z.pipe(
    z.transform((text: string) => text.split(',').map((id) => id.trim())),
    instanceIdList,
  ),
);

/**
 * GET /api/instances query (api-contract.md "Routes"): the region, paging as DescribeInstances pages
 * (offset 0 and limit 20 by default, limit ≤ 100, reference §4.7) and optional filters.
 */
export const listInstancesQuery = z
  .strictObject({
    region,
    offset: z.optional(offset),
    limit: z.optional(limit),
    /** Instances whose name contains this text. */
    instanceName: z.optional(boundedText(128)),
    instanceIds: z.optional(instanceIdsText),
    zone: z.optional(zone),
    instanceState: z.optional(z.enum(INSTANCE_STATES, `must be one of ${INSTANCE_STATES.join(', ')}`)),
  })
  .check(
    z.superRefine((query, context) => {
      const filtered = query.instanceName !== undefined || query.zone !== undefined || query.instanceState !== undefined;
      // Ids and filters cannot share one DescribeInstances call (§4.1), so with filters the ids become
      // the `instance-id` filter, which holds at most 5 values.
      if (filtered && query.instanceIds !== undefined && query.instanceIds.length > MAX_FILTER_VALUES) {
        context.addIssue({
          code: 'custom',
          path: ['instanceIds'],
          message: `must list at most ${MAX_FILTER_VALUES} ids when combined with instanceName, zone or instanceState`,
          input: query.instanceIds,
        });
      }
    }),
  );

export type ListInstancesQuery = z.output<typeof listInstancesQuery>;
