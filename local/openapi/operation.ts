/**
 * One route of functions/routes.ts as an OpenAPI operation: its query parameters and JSON body from the
 * handler's own schemas, its answers (200, and 202/304 where the route has them) and its failures.
 */
import type { RouteSchemas } from '../../functions/route-schemas';
import type { HttpRoute } from '../../functions/routes';
import {
  IF_NONE_MATCH_PARAMETER,
  JSON_MEDIA_TYPE,
  NOT_MODIFIED_RESPONSE,
  SECURITY,
  SESSION_TOKEN_PARAMETER,
  cacheHeaders,
  errorResponseRef,
} from './components';
import { type Gaps, describedAs } from './gaps';
import { jsonSchemaOf, objectProperties } from './json-schema';
import type { HeaderObject, OperationObject, ParameterObject, ReferenceObject, RequestBodyObject, ResponseObject, SecurityRequirement } from './openapi-types';
import { bodySchema } from './request-body';
import { requestExamples } from './request-examples';

/** Names of the route's answer schemas under `components.schemas`. */
export interface AnswerSchemaNames {
  readonly ok: string;
  readonly accepted?: string;
}

function queryParameters(route: HttpRoute, schemas: RouteSchemas, gaps: Gaps): ParameterObject[] {
  if (schemas.query === undefined) return [];
  const where = `${route.method} ${route.path} query`;
  return objectProperties(jsonSchemaOf(schemas.query, 'input'), where).map((property) => {
    const described = describedAs(property.name, where, gaps);
    return {
      name: property.name,
      in: 'query',
      required: property.required,
      description: described.description,
      schema: property.schema,
      ...(described.example === undefined ? {} : { example: described.example }),
    };
  });
}

function headerParameters(schemas: RouteSchemas): (ParameterObject | ReferenceObject)[] {
  const own = (schemas.requestHeaders ?? []).map(
    (header): ParameterObject => ({ name: header.name, in: 'header', required: false, description: header.description, schema: { type: 'string' } }),
  );
  const cache = schemas.cached === true ? [{ $ref: `#/components/parameters/${IF_NONE_MATCH_PARAMETER}` }] : [];
  return [...own, ...cache, { $ref: `#/components/parameters/${SESSION_TOKEN_PARAMETER}` }];
}

function requestBody(route: HttpRoute, schemas: RouteSchemas, gaps: Gaps): RequestBodyObject | undefined {
  if (schemas.body === undefined) return undefined;
  const example = requestExamples[route.functionName];
  return {
    description:
      'JSON body (Content-Type: application/json). Credentials may travel in it (secretId, secretKey) instead of the Authorization header. Each camelCase key is also accepted in the earlier revision’s snake_case spelling (marked deprecated).',
    required: true,
    content: {
      [JSON_MEDIA_TYPE]: { schema: bodySchema(route, schemas.body, example, gaps), ...(example === undefined ? {} : { example }) },
    },
  };
}

/**
 * GET routes take the keys from the query string as the seed does, or Basic; POST/PUT routes from
 * Basic or the body (the empty requirement: nothing beyond the body is needed).
 */
function securityFor(route: HttpRoute): SecurityRequirement[] {
  return route.method === 'GET'
    ? [{ [SECURITY.basic]: [] }, { [SECURITY.querySecretId]: [], [SECURITY.querySecretKey]: [] }]
    : [{ [SECURITY.basic]: [] }, {}];
}

/** `regions` → `regions`, `/api/instances/start` → `instances`: one group per resource. */
function tagOf(route: HttpRoute): string {
  return route.path.split('/')[2] ?? route.functionName;
}

const REQUEST_ID_HEADER: Readonly<Record<string, HeaderObject>> = {
  'X-Request-Id': { description: 'The function invocation’s id.', schema: { type: 'string' } },
};

function jsonAnswer(description: string, schemaName: string, headers: Readonly<Record<string, HeaderObject>>): ResponseObject {
  return { description, headers, content: { [JSON_MEDIA_TYPE]: { schema: { $ref: `#/components/schemas/${schemaName}` } } } };
}

function successResponses(schemas: RouteSchemas, names: AnswerSchemaNames): Record<string, ResponseObject | ReferenceObject> {
  const okHeaders = schemas.cached === true ? { ...REQUEST_ID_HEADER, ...cacheHeaders } : REQUEST_ID_HEADER;
  return {
    200: jsonAnswer('The answer in the contract’s shape: every upstream number as a string, "" for absent values.', names.ok, okHeaders),
    ...(names.accepted === undefined
      ? {}
      : {
          202: jsonAnswer(
            'Done upstream, but the `wait` asked for ended before every instance reached its target state: where each one stands.',
            names.accepted,
            REQUEST_ID_HEADER,
          ),
        }),
    ...(schemas.cached === true ? { 304: { $ref: `#/components/responses/${NOT_MODIFIED_RESPONSE}` } } : {}),
  };
}

function operationFor(route: HttpRoute, schemas: RouteSchemas, names: AnswerSchemaNames, gaps: Gaps): OperationObject {
  const body = requestBody(route, schemas, gaps);
  const errors = [...schemas.errorStatuses].sort((a, b) => a - b);
  return {
    operationId: route.functionName,
    summary: route.summary,
    description: `Calls the CVM API action ${route.cvmAction} (version 2017-03-12) with the caller’s credentials. Served by the SCF function \`${route.functionName}\`.`,
    tags: [tagOf(route)],
    security: securityFor(route),
    parameters: [...queryParameters(route, schemas, gaps), ...headerParameters(schemas)],
    ...(body === undefined ? {} : { requestBody: body }),
    responses: {
      ...successResponses(schemas, names),
      ...Object.fromEntries(errors.map((status) => [String(status), errorResponseRef(status)])),
    },
  };
}

export { operationFor };
