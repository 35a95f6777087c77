/** GET /api/instance-types → DescribeInstanceTypeConfigs (reference §4.5), optionally for one zone or family. */
import { createRouteCache } from '../../lib/cache/route-cache';
import { httpHandler } from '../../lib/http/http-handler';
import { toInstanceTypesBody } from '../../lib/mappers/instance-types';
import { describeInstanceTypeConfigsRequest } from './describe-instance-type-configs-request';
import { instanceTypesQuery } from './schema';

export const main_handler = httpHandler({
  cache: createRouteCache({ route: 'instanceTypes' }),
  query: instanceTypesQuery,
  handle: async ({ query, cvm }) =>
    toInstanceTypesBody(
      await cvm.call({ action: 'DescribeInstanceTypeConfigs', region: query.region }, (client) =>
        client.DescribeInstanceTypeConfigs(describeInstanceTypeConfigsRequest(query)),
      ),
    ),
});
