import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import * as z from 'zod/mini';
import { routeSchemas } from '../../functions/route-schemas';
import { httpRoutes } from '../../functions/routes';
import { isDocumentationPath } from '../../local/harness/docs-routes';
import { LOCAL_HARNESS_SERVER, buildOpenApiDocument, responseSchemaName } from '../../local/openapi/document';
import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from '../../local/openapi/openapi-types';
import { version } from '../../package.json';
import { BUILT_DOCUMENT_PATH } from '../helpers/openapi-validator';

/**
 * The OpenAPI document (local/openapi/) describes every route of functions/routes.ts with its
 * parameters, body, answer and failures; it is well-formed OpenAPI 3.1 (references resolve, schemas are
 * valid JSON Schema 2020-12, examples satisfy their schemas); the built dist/openapi.json is current;
 * and no function bundle carries the documentation-only schemas.
 */

const repoRoot = resolve(__dirname, '..', '..');
const generated = buildOpenApiDocument({ version, servers: [LOCAL_HARNESS_SERVER] });
const { document } = generated;

/** The route's operation; a placeholder without responses when missing (the completeness test names it). */
function operationOf(route: (typeof httpRoutes)[number]): OperationObject {
  const operation = document.paths[route.path]?.[route.method.toLowerCase() as 'get' | 'post' | 'put'];
  return operation ?? { operationId: '', summary: '', description: '', tags: [], security: [], parameters: [], responses: {} };
}

function resolveRef(ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, token) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[token] : undefined), document);
}

/** Every `$ref` anywhere in the document. */
function allRefs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(allRefs);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : allRefs(value)));
}

/** Every (schema, example) pair: `examples` inside schemas and parameters' `example`. */
function examplesIn(schema: SchemaObject, where: string): [string, SchemaObject, unknown][] {
  const own = (schema.examples ?? []).map((example): [string, SchemaObject, unknown] => [where, schema, example]);
  const nested = Object.entries(schema.properties ?? {}).flatMap(([name, property]) =>
    typeof property === 'boolean' ? [] : examplesIn(property, `${where}.${name}`),
  );
  const items = schema.items !== undefined && typeof schema.items === 'object' && !Array.isArray(schema.items) ? examplesIn(schema.items, `${where}[]`) : [];
  return [...own, ...nested, ...items];
}

function isParameter(parameter: ParameterObject | ReferenceObject): parameter is ParameterObject {
  return !('$ref' in parameter);
}

describe('OpenAPI document', () => {
  it('is complete: every route has schemas, every schema entry a route, every input a description', () => {
    expect(generated.gaps).toEqual([]);
    expect(Object.keys(routeSchemas).sort()).toEqual(httpRoutes.map((route) => route.functionName).sort());
  });

  it('is OpenAPI 3.1 with a title, the package version and the local harness as server', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('CVM REST facade');
    expect(document.info.version).toBe(version);
    expect(document.servers).toEqual([{ url: 'http://127.0.0.1:8001', description: 'Local harness (npm start)' }]);
  });

  it('has exactly the paths and methods of the route table', () => {
    const described = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));

    expect(described.sort()).toEqual(httpRoutes.map((route) => `${route.method} ${route.path}`).sort());
  });

  describe.each(httpRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_label, route) => {
    const operation = operationOf(route);
    const schemas = routeSchemas[route.functionName];

    it('is named after its function and summarised from the route table', () => {
      expect(operation.operationId).toBe(route.functionName);
      expect(operation.summary).toBe(route.summary);
      expect(operation.description).toContain(route.cvmAction);
    });

    it('lists each query parameter the handler’s schema reads, required exactly when the schema requires it', () => {
      const parameters = operation.parameters.filter(isParameter).filter((parameter) => parameter.in === 'query');
      const shape = schemas?.query === undefined ? {} : (schemas.query as z.ZodMiniObject).def.shape;
      // Required = leaving it out alone is an error the schema reports at that name.
      const issues = schemas?.query === undefined ? [] : (z.safeParse(schemas.query, {}).error?.issues ?? []);
      const requiredByBehaviour = issues.map((issue) => String(issue.path[0])).sort();

      expect(parameters.map((parameter) => parameter.name).sort()).toEqual(Object.keys(shape).sort());
      expect(parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name).sort()).toEqual(requiredByBehaviour);
      expect(parameters.every((parameter) => parameter.description.length > 0)).toBe(true);
    });

    it('takes the credentials as Basic, or as the seed sends them', () => {
      const schemes = operation.security.flatMap((requirement) => Object.keys(requirement));

      expect(schemes).toContain('basicAuth');
      if (route.method === 'GET') expect(schemes).toEqual(expect.arrayContaining(['secretIdQuery', 'secretKeyQuery']));
      else expect(operation.requestBody?.content['application/json']?.schema).toMatchObject({ properties: { secretId: {}, secretKey: {} } });
    });

    it('has a JSON body exactly when the handler has a body schema', () => {
      expect(operation.requestBody !== undefined).toBe(schemas?.body !== undefined);
    });

    it('answers 200 with its response schema, 202 when it can wait, 304 when it is cached', () => {
      const ok = operation.responses['200'] as ResponseObject;
      const successes = Object.keys(operation.responses).filter((status) => Number(status) < 400);
      const expected = ['200', ...(schemas?.acceptedResponse === undefined ? [] : ['202']), ...(schemas?.cached === true ? ['304'] : [])];

      expect(ok.content?.['application/json']?.schema).toEqual({ $ref: `#/components/schemas/${responseSchemaName(route.functionName)}` });
      expect(successes).toEqual(expected);
      expect(operation.parameters.some((parameter) => '$ref' in parameter && parameter.$ref.endsWith('/IfNoneMatch'))).toBe(schemas?.cached === true);
    });

    it('answers each failure status of the route with the shared error body', () => {
      const failures = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);

      expect(failures.map(([status]) => Number(status))).toEqual([...(schemas?.errorStatuses ?? [])].sort((a, b) => a - b));
      for (const [, failure] of failures) {
        const response = resolveRef((failure as ReferenceObject).$ref) as ResponseObject;
        expect(response.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
      }
    });
  });

  it.each([
    ['POST', '/api/instances', ['region', 'imageId', 'instanceType']],
    ['PUT', '/api/instances/start', ['region', 'instanceIds']],
    ['PUT', '/api/instances/stop', ['region', 'instanceIds']],
    ['PUT', '/api/instances/reboot', ['region', 'instanceIds']],
    ['PUT', '/api/instances/terminate', ['region', 'instanceIds']],
  ])('requires in the %s %s body what the contract requires: %j', (method, path, required) => {
    const body = document.paths[path]?.[method.toLowerCase() as 'post' | 'put']?.requestBody?.content['application/json'];

    expect(body?.schema).toMatchObject({ required });
    expect((body?.schema as SchemaObject).properties?.instance_ids ?? (body?.schema as SchemaObject).properties?.image_id).toMatchObject({ deprecated: true });
  });

  it('describes 404 and 405 (with Allow) for paths and methods outside the table', () => {
    expect(document.components.responses.NotFound?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
    expect(document.components.responses.MethodNotAllowed?.headers?.Allow?.required).toBe(true);
  });

  it('resolves every $ref', () => {
    const unresolved = allRefs(document).filter((ref) => resolveRef(ref) === undefined);

    expect(allRefs(document).length).toBeGreaterThan(0);
    expect(unresolved).toEqual([]);
  });

  it('holds only valid JSON Schema 2020-12 (Ajv strict mode compiles each one)', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    const parameterSchemas = Object.values(document.paths)
      .flatMap((item) => Object.values(item))
      .flatMap((operation) => [
        ...operation.parameters.filter(isParameter).map((parameter) => parameter.schema),
        ...(operation.requestBody === undefined ? [] : [operation.requestBody.content['application/json']?.schema as SchemaObject]),
      ]);

    for (const schema of [...Object.values(document.components.schemas), ...parameterSchemas]) {
      expect(() => ajv.compile(schema)).not.toThrow();
    }
  });

  it('gives examples that satisfy their own schemas', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    const schemaExamples = Object.entries(document.components.schemas).flatMap(([name, schema]) => examplesIn(schema, name));
    const parameterExamples = Object.values(document.paths)
      .flatMap((item) => Object.values(item))
      .flatMap((operation) => operation.parameters.filter(isParameter))
      .filter((parameter) => parameter.example !== undefined)
      .map((parameter): [string, SchemaObject, unknown] => [parameter.name, parameter.schema, parameter.example]);
    const failing = [...schemaExamples, ...parameterExamples].filter(([, schema, example]) => !ajv.validate(schema, example)).map(([where]) => where);

    expect(schemaExamples.length).toBeGreaterThan(10);
    expect(failing).toEqual([]);
  });

  it('is what npm run build wrote to dist/openapi.json (rebuild if this fails)', () => {
    expect(existsSync(BUILT_DOCUMENT_PATH)).toBe(true);
    expect(JSON.parse(readFileSync(BUILT_DOCUMENT_PATH, 'utf8'))).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('shares no path with a function route (the harness answers documentation paths first)', () => {
    expect(httpRoutes.filter((route) => isDocumentationPath(route.path))).toEqual([]);
  });
});

/**
 * esbuild keeps zod calls as side effects, so a handler that imported the response schemas or the
 * registry, even for one constant, would carry them in its bundle. Type-only imports are erased.
 */
describe('documentation-only schemas', () => {
  const DOCS_ONLY = ['functions/route-schemas.ts', 'lib/schemas/responses'];
  const valueImport = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+['"](\.[^'"]+)['"]/g;

  function resolveSource(fromFile: string, specifier: string): string {
    const base = resolve(repoRoot, dirname(fromFile), specifier);
    const file = [`${base}.ts`, join(base, 'index.ts')].find(existsSync) ?? base;
    return relative(repoRoot, file);
  }

  /** Every source file a handler loads at run time, following value imports only. */
  function runtimeImports(entry: string): Set<string> {
    const seen = new Set<string>();
    const pending = [entry];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (seen.has(file) || !file.endsWith('.ts')) continue;
      seen.add(file);
      const text = readFileSync(join(repoRoot, file), 'utf8');
      pending.push(...[...text.matchAll(valueImport)].map((match) => resolveSource(file, match[1] ?? '')));
    }
    return seen;
  }

  const handlers = readdirSync(join(repoRoot, 'functions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repoRoot, 'functions', entry.name, 'handler.ts')))
    .map((entry) => `functions/${entry.name}/handler.ts`);

  it.each(handlers)('are not loaded by %s', (handler) => {
    const loaded = [...runtimeImports(handler)];

    expect(loaded.some((file) => file.startsWith('lib/'))).toBe(true);
    expect(loaded.filter((file) => DOCS_ONLY.some((docsOnly) => file.startsWith(docsOnly)))).toEqual([]);
  });
});
