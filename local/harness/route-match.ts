import type { HttpRoute } from '../../functions/routes';

/**
 * Matches a request against the route table (functions/routes.ts). Paths are compared exactly, as API
 * Gateway compares a request with the API's path; a path served for other methods only is a 405 with
 * the methods that are allowed.
 */
export type RouteMatch =
  | { readonly kind: 'route'; readonly route: HttpRoute }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed'; readonly allowedMethods: readonly string[] }
  | { readonly kind: 'options'; readonly allowedMethods: readonly string[] };

function matchRoute(routes: readonly HttpRoute[], method: string, path: string): RouteMatch {
  const onPath = routes.filter((route) => route.path === path);
  if (onPath.length === 0) {
    return { kind: 'not-found' };
  }
  const route = onPath.find((candidate) => candidate.method === method);
  if (route !== undefined) {
    return { kind: 'route', route };
  }
  const allowedMethods = [...new Set(onPath.map((candidate) => candidate.method)), 'OPTIONS'];
  return method === 'OPTIONS' ? { kind: 'options', allowedMethods } : { kind: 'method-not-allowed', allowedMethods };
}

export { matchRoute };
