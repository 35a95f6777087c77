/** GET /api/instances → DescribeInstances (reference §4.7): one page of the region's instances, in the contract's shape. */
import { httpHandler } from '../../lib/http/http-handler';
import { toInstancesBody } from '../../lib/mappers/instances';
import { describeInstancesRequest } from './describe-instances-request';
import { listInstancesQuery } from './schema';

export const main_handler = httpHandler({
  query: listInstancesQuery,
  handle: async ({ query, cvm }) =>
    toInstancesBody(
      await cvm.call(
        { action: 'DescribeInstances', region: query.region },
        (client) => client.DescribeInstances(describeInstancesRequest(query)),
        { retry: 'safe-read' },
      ),
    ),
});
