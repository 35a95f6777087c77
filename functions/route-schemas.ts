/**
 * What each route of functions/routes.ts takes and answers, as the zod/mini schemas themselves: the
 * query and body schemas are the ones the handlers validate with, the response schemas those of
 * lib/schemas/responses/. The OpenAPI document (local/openapi/) and the contract tests are generated
 * from this table, so the description cannot drift from what the functions accept.
 *
 * Imported by the OpenAPI generator and tests only, never by a handler: esbuild keeps zod calls as side
 * effects, so a handler importing this module would carry every route's schemas in its bundle.
 */
import type * as z from 'zod/mini';
import { errorResponse } from '../lib/schemas/responses/error';
import { imagesResponse } from '../lib/schemas/responses/images';
import { instanceTypesResponse } from '../lib/schemas/responses/instance-types';
import { regionsResponse } from '../lib/schemas/responses/regions';
import { zonesResponse } from '../lib/schemas/responses/zones';
import { imagesQuery } from './images/schema';
import { instanceTypesQuery } from './instance-types/schema';
import { zonesQuery } from './zones/schema';

/**
 * Failure statuses (api-contract.md "Errors"), every one answered with `errorResponse`. 405 is left out:
 * it belongs to a path, not to an operation (the harness and API Gateway answer it for any other method).
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 502 | 504;

export interface RouteSchemas {
  /** The handler's query schema; absent when the route reads nothing but credentials from the query. */
  readonly query?: z.ZodMiniType;
  /** The handler's JSON body schema (POST/PUT routes). */
  readonly body?: z.ZodMiniType;
  /** The 200 body. */
  readonly response: z.ZodMiniType;
  readonly errorStatuses: readonly ErrorStatus[];
}

/**
 * What any route can answer: input or upstream-parameter errors, credentials missing or rejected,
 * refused by policy, a body over SCF's limit, upstream throttling, our own fault, an unreadable upstream
 * answer, and a timeout.
 */
const COMMON_ERROR_STATUSES: readonly ErrorStatus[] = [400, 401, 403, 413, 429, 500, 502, 504];

const routeSchemas: Readonly<Record<string, RouteSchemas>> = {
  regions: { response: regionsResponse, errorStatuses: COMMON_ERROR_STATUSES },
  zones: { query: zonesQuery, response: zonesResponse, errorStatuses: COMMON_ERROR_STATUSES },
  images: { query: imagesQuery, response: imagesResponse, errorStatuses: COMMON_ERROR_STATUSES },
  'instance-types': { query: instanceTypesQuery, response: instanceTypesResponse, errorStatuses: COMMON_ERROR_STATUSES },
};

export { COMMON_ERROR_STATUSES, errorResponse, routeSchemas };
