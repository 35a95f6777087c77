/** GET /api/zones → DescribeZones (reference §4.3): the zones of one region, sold-out ones included. */
import { createRouteCache } from '../../lib/cache/route-cache';
import { httpHandler } from '../../lib/http/http-handler';
import { toZonesBody } from '../../lib/mappers/zones';
import { zonesQuery } from './schema';

export const main_handler = httpHandler({
  cache: createRouteCache({ route: 'zones' }),
  query: zonesQuery,
  handle: async ({ query, cvm }) =>
    toZonesBody(await cvm.call({ action: 'DescribeZones', region: query.region }, (client) => client.DescribeZones())),
});
