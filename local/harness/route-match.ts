import type { HttpRoute } from '../../functions/routes';

/**
 * Matches a request against the route table (functions/routes.ts). Paths are compared exactly, as API
 * Gateway compares a request with the API's path; a path served for other methods only is a 405 with
 * the methods that are allowed.
 *
 * OPTIONS on a known path is one of two things:
 * - a CORS preflight (it carries `Access-Control-Request-Method`): passed to a function of the path, as
 *   API Gateway passes OPTIONS to the function of an API declared with `httpMethod: ANY` and
 *   `enableCORS: false` — the function answers it (lib/http/middlewares/cors.ts, `CORS_ALLOW_ORIGINS`).
 *   The function is the one serving the method the browser asks about, else the path's first route;
 * - any other OPTIONS: answered by the harness, 204 with `Allow`.
 */
export type RouteMatch =
  | { readonly kind: 'route'; readonly route: HttpRoute }
  | { readonly kind: 'preflight'; readonly route: HttpRoute }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed'; readonly allowedMethods: readonly string[] }
  | { readonly kind: 'options'; readonly allowedMethods: readonly string[] };

/**
 * @param preflightMethod the request's `Access-Control-Request-Method` header, when it has one
 *
 * @example
 * matchRoute(httpRoutes, 'OPTIONS', '/api/instances', 'POST') // { kind: 'preflight', route: <instances-create> }
 */
function matchRoute(routes: readonly HttpRoute[], method: string, path: string, preflightMethod?: string): RouteMatch {
  const onPath = routes.filter((route) => route.path === path);
  const [firstOnPath] = onPath;
  if (firstOnPath === undefined) {
    return { kind: 'not-found' };
  }
  const route = onPath.find((candidate) => candidate.method === method);
  if (route !== undefined) {
    return { kind: 'route', route };
  }
  if (method === 'OPTIONS' && preflightMethod !== undefined) {
    const requested = preflightMethod.trim().toUpperCase();
    return { kind: 'preflight', route: onPath.find((candidate) => candidate.method === requested) ?? firstOnPath };
  }
  const allowedMethods = [...new Set(onPath.map((candidate) => candidate.method)), 'OPTIONS'];
  return method === 'OPTIONS' ? { kind: 'options', allowedMethods } : { kind: 'method-not-allowed', allowedMethods };
}

export { matchRoute };
