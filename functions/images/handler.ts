/**
 * GET /api/images → DescribeImages (reference §4.4). Without `limit`/`offset` every image of the region
 * is returned (all pages, api-contract.md); with either, the one page asked for. `totalCount` is
 * always the upstream total.
 */
import type { Image } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { fetchAllPages, type Page } from '../../lib/cvm/paging';
import { createRouteCache } from '../../lib/cache/route-cache';
import { httpHandler } from '../../lib/http/http-handler';
import { toImagesBody } from '../../lib/mappers/images';
import { MAX_PAGE_SIZE } from '../../lib/schemas/primitives';
import { describeImagesRequest } from './describe-images-request';
import { imagesQuery } from './schema';

export const main_handler = httpHandler({
  cache: createRouteCache({ route: 'images' }),
  query: imagesQuery,
  handle: async ({ query, cvm, config }) => {
    const request = describeImagesRequest(query);
    const fetchPage = async (offset: number, limit: number): Promise<Page<Image>> => {
      const page = await cvm.call({ action: 'DescribeImages', region: query.region }, (client) =>
        client.DescribeImages({ ...request, Offset: offset, Limit: limit }),
      );
      return { items: page.ImageSet ?? [], totalCount: page.TotalCount, requestId: page.RequestId };
    };
    const result =
      query.limit === undefined && query.offset === undefined
        ? await fetchAllPages({ pageSize: MAX_PAGE_SIZE, concurrency: config.imagesPageConcurrency, fetchPage })
        : await fetchPage(query.offset ?? 0, query.limit ?? MAX_PAGE_SIZE);
    return toImagesBody({ images: result.items, totalCount: result.totalCount, requestId: result.requestId });
  },
});
