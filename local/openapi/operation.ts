/**
 * One route of functions/routes.ts as an OpenAPI operation: its query parameters and JSON body from the
 * handler's own schemas, its 200 answer and its failures.
 */
import type { ErrorStatus, RouteSchemas } from '../../functions/route-schemas';
import type { HttpRoute } from '../../functions/routes';
import { JSON_MEDIA_TYPE, SECURITY, SESSION_TOKEN_PARAMETER, errorResponseRef } from './components';
import { type InputDescription, bodyCredentialDescriptions, inputDescriptions } from './input-descriptions';
import { jsonSchemaOf, objectProperties } from './json-schema';
import type { OperationObject, ParameterObject, RequestBodyObject, SecurityRequirement } from './openapi-types';

/** Problems found while describing a route (an input nobody described); the generator reports them. */
export type Gaps = string[];

function describedAs(name: string, where: string, gaps: Gaps): InputDescription {
  const described = inputDescriptions[name];
  if (described === undefined) {
    gaps.push(`${where}: ${name} has no description (add one to local/openapi/input-descriptions.ts)`);
    return { description: '' };
  }
  return described;
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

/** The body schema, with each field described and the credentials the body may also carry. */
function requestBody(route: HttpRoute, body: RouteSchemas['body'], gaps: Gaps): RequestBodyObject | undefined {
  if (body === undefined) return undefined;
  const where = `${route.method} ${route.path} body`;
  const schema = jsonSchemaOf(body, 'input');
  const credentials = Object.entries(bodyCredentialDescriptions).map(([name, description]) => [name, { type: 'string', description }]);
  const fields = objectProperties(schema, where).map((property) => {
    const described = describedAs(property.name, where, gaps);
    const examples = described.example === undefined ? {} : { examples: [described.example] };
    return [property.name, { ...property.schema, description: described.description, ...examples }];
  });
  return {
    description: 'JSON body. Credentials may travel in it (secretId, secretKey) instead of the Authorization header.',
    required: true,
    content: { [JSON_MEDIA_TYPE]: { schema: { ...schema, properties: Object.fromEntries([...credentials, ...fields]) } } },
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

function operationFor(route: HttpRoute, schemas: RouteSchemas, responseSchemaName: string, gaps: Gaps): OperationObject {
  const body = requestBody(route, schemas.body, gaps);
  const errors = [...schemas.errorStatuses].sort((a, b) => a - b);
  return {
    operationId: route.functionName,
    summary: route.summary,
    description: `Calls the CVM API action ${route.cvmAction} (version 2017-03-12) with the caller’s credentials. Served by the SCF function \`${route.functionName}\`.`,
    tags: [tagOf(route)],
    security: securityFor(route),
    parameters: [...queryParameters(route, schemas, gaps), { $ref: `#/components/parameters/${SESSION_TOKEN_PARAMETER}` }],
    ...(body === undefined ? {} : { requestBody: body }),
    responses: {
      200: {
        description: 'The answer in the contract’s shape: every upstream number as a string, "" for absent values.',
        headers: { 'X-Request-Id': { description: 'The function invocation’s id.', schema: { type: 'string' } } },
        content: { [JSON_MEDIA_TYPE]: { schema: { $ref: `#/components/schemas/${responseSchemaName}` } } },
      },
      ...Object.fromEntries(errors.map((status: ErrorStatus) => [String(status), errorResponseRef(status)])),
    },
  };
}

export { operationFor };
