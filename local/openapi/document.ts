/**
 * Builds the OpenAPI 3.1 document from the route table (functions/routes.ts) and the routes' own zod
 * schemas (functions/route-schemas.ts); there is no hand-kept copy of any route, parameter or shape.
 * Written to dist/openapi.json by the build and served by the harness at GET /api/openapi.json.
 */
import { type RouteSchemas, errorResponse, routeSchemas } from '../../functions/route-schemas';
import { type HttpRoute, httpRoutes } from '../../functions/routes';
import { ERROR_SCHEMA_NAME, parameters, securitySchemes, sharedResponses } from './components';
import { jsonSchemaOf } from './json-schema';
import type { HttpMethodKey, OpenApiDocument, PathItemObject, SchemaObject, ServerObject } from './openapi-types';
import type { Gaps } from './gaps';
import { operationFor } from './operation';

export interface OpenApiOptions {
  /** The API's version (package.json's). */
  readonly version: string;
  readonly servers: readonly ServerObject[];
  /** Defaults: the project's route table and schemas. */
  readonly routes?: readonly HttpRoute[];
  readonly schemas?: Readonly<Record<string, RouteSchemas>>;
}

export interface GeneratedDocument {
  readonly document: OpenApiDocument;
  /** What could not be described: a route without schemas, schemas without a route, an undescribed input. */
  readonly gaps: readonly string[];
}

/** Where `npm start` serves the API (README; the harness's default port). */
const LOCAL_HARNESS_SERVER: ServerObject = { url: 'http://127.0.0.1:8001', description: 'Local harness (npm start)' };

const DESCRIPTION = [
  'A REST facade over the Tencent Cloud CVM API (2017-03-12), one SCF function per route.',
  '',
  '**Credentials**: `Authorization: Basic base64(secretId:secretKey)`, or `secretId` and `secretKey` in the query string (GET) or the JSON body (POST/PUT).',
  'With `npm start` the emulator accepts the demo pair SecretId `AKIDLOCALEMULATORDEMOKEY000000000000`, SecretKey `LocalEmulatorDemoSecretKey000000`.',
  '',
  '**Answers**: every number upstream returns is a JSON string (`"totalCount": "19"`), absent values are `""`, keys keep the documented order.',
  '',
  '**Failures**: always `{ "error": { "code", "message", "fields"? }, "requestId" }`. An unknown path answers 404 (`#/components/responses/NotFound`);',
  'a known path with another method answers 405 with an `Allow` header (`#/components/responses/MethodNotAllowed`).',
].join('\n');

/** `instance-types` → `InstanceTypesResponse`; `instances-stop`, `Accepted` → `InstancesStopAcceptedResponse`. */
function responseSchemaName(functionName: string, status = ''): string {
  const pascal = functionName
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return `${pascal}${status}Response`;
}

/**
 * @example
 * const { document, gaps } = buildOpenApiDocument({ version: '0.1.0', servers: [{ url: 'http://127.0.0.1:8001', description: 'harness' }] });
 * document.paths['/api/regions']?.get?.operationId // 'regions'
 */
function buildOpenApiDocument(options: OpenApiOptions): GeneratedDocument {
  const routes = options.routes ?? httpRoutes;
  const schemasByRoute = options.schemas ?? routeSchemas;
  const gaps: Gaps = [];
  const paths: Record<string, PathItemObject> = {};
  const schemas: Record<string, SchemaObject> = { [ERROR_SCHEMA_NAME]: jsonSchemaOf(errorResponse, 'output') };

  for (const route of routes) {
    const routeSchema = schemasByRoute[route.functionName];
    if (routeSchema === undefined) {
      gaps.push(`${route.method} ${route.path}: no entry for ${route.functionName} in functions/route-schemas.ts`);
      continue;
    }
    const ok = responseSchemaName(route.functionName);
    schemas[ok] = jsonSchemaOf(routeSchema.response, 'output');
    const accepted = routeSchema.acceptedResponse === undefined ? undefined : responseSchemaName(route.functionName, 'Accepted');
    if (accepted !== undefined && routeSchema.acceptedResponse !== undefined) {
      schemas[accepted] = jsonSchemaOf(routeSchema.acceptedResponse, 'output');
    }
    const method = route.method.toLowerCase() as HttpMethodKey;
    const names = accepted === undefined ? { ok } : { ok, accepted };
    paths[route.path] = { ...paths[route.path], [method]: operationFor(route, routeSchema, names, gaps) };
  }
  const routed = new Set(routes.map((route) => route.functionName));
  for (const functionName of Object.keys(schemasByRoute).filter((name) => !routed.has(name))) {
    gaps.push(`functions/route-schemas.ts: ${functionName} is not a route of functions/routes.ts`);
  }

  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title: 'CVM REST facade', version: options.version, description: DESCRIPTION },
    servers: options.servers,
    paths,
    components: { schemas, responses: sharedResponses(), parameters, securitySchemes },
  };
  return { document, gaps };
}

export { LOCAL_HARNESS_SERVER, buildOpenApiDocument, responseSchemaName };
