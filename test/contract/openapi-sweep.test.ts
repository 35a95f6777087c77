import { httpRoutes, type HttpRoute } from '../../functions/routes';
import { routeSchemas } from '../../functions/route-schemas';
import { requestExamples } from '../../local/openapi/request-examples';
import type { ParameterObject, ReferenceObject } from '../../local/openapi/openapi-types';
import { DEMO_BASIC_AUTHORIZATION, DEMO_QUERY_CREDENTIALS, type LocalStack, startLocalStack } from '../helpers/harness';
import { type ObservedAnswer, builtDocumentValidator } from '../helpers/openapi-validator';

/**
 * Every route called through the harness and the real bundles, the way the documentation describes
 * it: GET routes with the documented examples of their required parameters, POST/PUT routes with their
 * documented example body (instance ids swapped for instances made for the call). Each answer, the
 * happy one and the failures, must be exactly what dist/openapi.json says. The response cache is on,
 * so the document's claim about which routes are cached is checked too.
 */

interface Sent {
  readonly path: string;
  readonly init: RequestInit;
}

function isParameter(parameter: ParameterObject | ReferenceObject): parameter is ParameterObject {
  return !('$ref' in parameter);
}

/** `&a=1&b=2` from the documented examples of the route's required query parameters, `replaced` aside. */
function documentedQuery(route: HttpRoute, replaced: Readonly<Record<string, string>> = {}): string {
  const operation = builtDocumentValidator().document.paths[route.path]?.[route.method.toLowerCase() as 'get'];
  return (operation?.parameters ?? [])
    .filter(isParameter)
    .filter((parameter) => parameter.in === 'query' && parameter.required)
    .map((parameter) => `&${parameter.name}=${encodeURIComponent(replaced[parameter.name] ?? parameter.example ?? '')}`)
    .join('');
}

function jsonRequest(route: HttpRoute, body: unknown, headers: Record<string, string> = {}): Sent {
  return {
    path: route.path,
    init: { method: route.method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) },
  };
}

async function observe(stack: LocalStack, route: HttpRoute, sent: Sent): Promise<ObservedAnswer> {
  const response = await fetch(`${stack.url}${sent.path}`, sent.init);
  const text = await response.text();
  return { method: route.method, path: route.path, status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

describe('every route against the OpenAPI document', () => {
  let stack: LocalStack;
  const validator = builtDocumentValidator();

  beforeAll(async () => {
    stack = await startLocalStack({ env: { CACHE_ENABLED: 'true' } });
    await stack.emulator.control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
  });

  afterAll(async () => {
    await stack.close();
  });

  /** A fresh instance of the demo account in ap-guangzhou, RUNNING or STOPPED (transitions are immediate). */
  async function instanceIn(state: 'RUNNING' | 'STOPPED'): Promise<string> {
    const create = httpRoutes.find((route) => route.functionName === 'instances-create') as HttpRoute;
    const created = await observe(stack, create, jsonRequest(create, { ...requestExamples['instances-create'], dryRun: false }, { Authorization: DEMO_BASIC_AUTHORIZATION }));
    const [instanceId] = (created.body as { instanceIds: string[] }).instanceIds;
    if (state === 'STOPPED') {
      const stop = httpRoutes.find((route) => route.functionName === 'instances-stop') as HttpRoute;
      await observe(stack, stop, jsonRequest(stop, { region: 'ap-guangzhou', instanceIds: [instanceId] }, { Authorization: DEMO_BASIC_AUTHORIZATION }));
    }
    return instanceId as string;
  }

  /** The documented way to call `route` successfully. */
  async function documentedCall(route: HttpRoute): Promise<Sent> {
    if (route.method === 'GET') return { path: `${route.path}?${DEMO_QUERY_CREDENTIALS}${documentedQuery(route)}`, init: {} };
    const example = requestExamples[route.functionName] ?? {};
    const needsInstance = 'instanceIds' in example;
    const body = needsInstance ? { ...example, instanceIds: [await instanceIn(route.functionName === 'instances-start' ? 'STOPPED' : 'RUNNING')] } : example;
    return jsonRequest(route, body, { Authorization: DEMO_BASIC_AUTHORIZATION });
  }

  it.each(httpRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers 200 as documented', async (_label, route) => {
    const answer = await observe(stack, route, await documentedCall(route));

    expect(validator.problemsWith(answer)).toEqual([]);
    expect(answer.status).toBe(200);
  });

  it.each(httpRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers 401 without credentials, as documented',
    async (_label, route) => {
      const sent = route.method === 'GET' ? { path: `${route.path}?region=ap-guangzhou`, init: {} } : jsonRequest(route, requestExamples[route.functionName]);
      const answer = await observe(stack, route, sent);

      expect(validator.problemsWith(answer)).toEqual([]);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: 'MissingCredentials' } });
    },
  );

  const routesWithInput = httpRoutes.filter((route) => routeSchemas[route.functionName]?.query !== undefined || routeSchemas[route.functionName]?.body !== undefined);

  it.each(routesWithInput.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers 400 naming region for a malformed one, as documented',
    async (_label, route) => {
      const sent =
        route.method === 'GET'
          ? { path: `${route.path}?${DEMO_QUERY_CREDENTIALS}${documentedQuery(route, { region: 'Not_A_Region' })}`, init: {} }
          : jsonRequest(route, { ...requestExamples[route.functionName], region: 'Not_A_Region' }, { Authorization: DEMO_BASIC_AUTHORIZATION });
      const answer = await observe(stack, route, sent);

      expect(validator.problemsWith(answer)).toEqual([]);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'InvalidParameter', fields: expect.arrayContaining([expect.objectContaining({ field: 'region' })]) } });
    },
  );

  it('serves dist/openapi.json at /api/openapi.json, pointing "try it out" at this harness', async () => {
    const response = await fetch(`${stack.url}/api/openapi.json`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...validator.document, servers: [{ url: '/', description: 'This harness' }] });
  });

  const getRoutes = httpRoutes.filter((route) => route.method === 'GET');

  it.each(getRoutes.map((route) => [`${route.method} ${route.path}`, routeSchemas[route.functionName]?.cached === true, route] as const))(
    '%s is cached (ETag, then 304 for If-None-Match) exactly as documented: %s',
    async (_label, documentedAsCached, route) => {
      const sent = await documentedCall(route);
      const first = await observe(stack, route, sent);
      const etag = first.headers.get('etag');
      const again = await observe(stack, route, { path: sent.path, init: { headers: { 'If-None-Match': etag ?? '"none"' } } });

      expect(validator.problemsWith(first)).toEqual([]);
      expect(validator.problemsWith(again)).toEqual([]);
      expect(etag !== null).toBe(documentedAsCached);
      expect(again.status).toBe(documentedAsCached ? 304 : 200);
    },
  );
});
