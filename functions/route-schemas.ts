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
import {
  instancesActionAcceptedResponse,
  instancesActionResponse,
  instancesCreateAcceptedResponse,
  instancesCreateResponse,
  instancesListResponse,
} from '../lib/schemas/responses/instances';
import { regionsResponse } from '../lib/schemas/responses/regions';
import { zonesResponse } from '../lib/schemas/responses/zones';
import { imagesQuery } from './images/schema';
import { instanceTypesQuery } from './instance-types/schema';
import { IDEMPOTENCY_KEY_HEADER } from './instances-create/client-token';
import { createInstancesBody, createInstancesQuery } from './instances-create/schema';
import { listInstancesQuery } from './instances-list/schema';
import { rebootInstancesBody } from './instances-reboot/schema';
import { startInstancesBody, startInstancesQuery } from './instances-start/schema';
import { stopInstancesBody, stopInstancesQuery } from './instances-stop/schema';
import { terminateInstancesBody, terminateInstancesQuery } from './instances-terminate/schema';
import { zonesQuery } from './zones/schema';

/**
 * Failure statuses (api-contract.md "Errors"), every one answered with `errorResponse`. 405 is left out:
 * it belongs to a path, not to an operation (the harness and API Gateway answer it for any other method).
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 502 | 504;

/** A request header a route reads, besides the credentials every route reads. */
export interface RequestHeader {
  readonly name: string;
  readonly description: string;
}

export interface RouteSchemas {
  /** The handler's query schema; absent when the route reads nothing but credentials from the query. */
  readonly query?: z.ZodMiniType;
  /** The handler's JSON body schema (POST/PUT routes). */
  readonly body?: z.ZodMiniType;
  /** The 200 body. */
  readonly response: z.ZodMiniType;
  /** The 202 body: the route was asked to `wait` and the wait ended first (lib/cvm/answer-after-wait.ts). */
  readonly acceptedResponse?: z.ZodMiniType;
  /**
   * The handler passes `cache` to httpHandler (lib/cache/route-cache.ts): answers carry an ETag, and a
   * matching If-None-Match is a 304 without body. The contract sweep checks this flag against behaviour.
   */
  readonly cached?: true;
  readonly requestHeaders?: readonly RequestHeader[];
  readonly errorStatuses: readonly ErrorStatus[];
}

/**
 * What any route can answer: input or upstream-parameter errors, credentials missing or rejected,
 * refused by policy (or a CORS origin not allowed), a body over the size limit or not JSON, upstream
 * throttling, our own fault, an unreadable upstream answer, and a timeout.
 */
const COMMON_ERROR_STATUSES: readonly ErrorStatus[] = [400, 401, 403, 413, 415, 429, 500, 502, 504];
/** Instance operations also meet unknown instances (404) and instances in the wrong state (409). */
const INSTANCE_OPERATION_ERROR_STATUSES: readonly ErrorStatus[] = [...COMMON_ERROR_STATUSES, 404, 409];

const routeSchemas: Readonly<Record<string, RouteSchemas>> = {
  regions: { response: regionsResponse, cached: true, errorStatuses: COMMON_ERROR_STATUSES },
  zones: { query: zonesQuery, response: zonesResponse, cached: true, errorStatuses: COMMON_ERROR_STATUSES },
  images: { query: imagesQuery, response: imagesResponse, cached: true, errorStatuses: COMMON_ERROR_STATUSES },
  'instance-types': { query: instanceTypesQuery, response: instanceTypesResponse, cached: true, errorStatuses: COMMON_ERROR_STATUSES },
  'instances-create': {
    query: createInstancesQuery,
    body: createInstancesBody,
    response: instancesCreateResponse,
    acceptedResponse: instancesCreateAcceptedResponse,
    requestHeaders: [
      {
        name: IDEMPOTENCY_KEY_HEADER,
        description: 'The same as clientToken: a create repeated with the same key creates nothing new and answers the first result.',
      },
    ],
    errorStatuses: INSTANCE_OPERATION_ERROR_STATUSES,
  },
  'instances-list': { query: listInstancesQuery, response: instancesListResponse, errorStatuses: COMMON_ERROR_STATUSES },
  'instances-start': {
    query: startInstancesQuery,
    body: startInstancesBody,
    response: instancesActionResponse,
    acceptedResponse: instancesActionAcceptedResponse,
    errorStatuses: INSTANCE_OPERATION_ERROR_STATUSES,
  },
  'instances-stop': {
    query: stopInstancesQuery,
    body: stopInstancesBody,
    response: instancesActionResponse,
    acceptedResponse: instancesActionAcceptedResponse,
    errorStatuses: INSTANCE_OPERATION_ERROR_STATUSES,
  },
  'instances-reboot': { body: rebootInstancesBody, response: instancesActionResponse, errorStatuses: INSTANCE_OPERATION_ERROR_STATUSES },
  'instances-terminate': {
    query: terminateInstancesQuery,
    body: terminateInstancesBody,
    response: instancesActionResponse,
    acceptedResponse: instancesActionAcceptedResponse,
    errorStatuses: INSTANCE_OPERATION_ERROR_STATUSES,
  },
};

export { COMMON_ERROR_STATUSES, errorResponse, routeSchemas };
