/** GET /api/regions → DescribeRegions (reference §4.2): every region, in the seed's shape. */
import { createRouteCache } from '../../lib/cache/route-cache';
import { httpHandler } from '../../lib/http/http-handler';
import { toRegionsBody } from '../../lib/mappers/regions';

export const main_handler = httpHandler({
  cache: createRouteCache({ route: 'regions' }),
  handle: async ({ cvm }) => toRegionsBody(await cvm.call({ action: 'DescribeRegions' }, (client) => client.DescribeRegions())),
});
