import type { HttpRoute } from '../../../../functions/routes';
import { matchRoute } from '../../../../local/harness/route-match';

const routes: readonly HttpRoute[] = [
  { functionName: 'regions', method: 'GET', path: '/api/regions', cvmAction: 'DescribeRegions', summary: '' },
  { functionName: 'instances-create', method: 'POST', path: '/api/instances', cvmAction: 'RunInstances', summary: '' },
  { functionName: 'instances-list', method: 'GET', path: '/api/instances', cvmAction: 'DescribeInstances', summary: '' },
];

describe('matchRoute', () => {
  it.each([
    ['GET', '/api/regions', 'regions'],
    ['POST', '/api/instances', 'instances-create'],
    ['GET', '/api/instances', 'instances-list'],
  ])('%s %s is served by %s', (method, path, functionName) => {
    expect(matchRoute(routes, method, path)).toEqual({ kind: 'route', route: expect.objectContaining({ functionName }) });
  });

  it.each([['/api/unknown'], ['/api/regions/'], ['/API/REGIONS'], ['/']])('%s is not found', (path) => {
    expect(matchRoute(routes, 'GET', path)).toEqual({ kind: 'not-found' });
  });

  it.each([
    ['POST', '/api/regions', ['GET', 'OPTIONS']],
    ['HEAD', '/api/regions', ['GET', 'OPTIONS']],
    ['DELETE', '/api/instances', ['POST', 'GET', 'OPTIONS']],
  ])('%s %s is not allowed; allowed: %j', (method, path, allowedMethods) => {
    expect(matchRoute(routes, method, path)).toEqual({ kind: 'method-not-allowed', allowedMethods });
  });

  it('answers OPTIONS on a known path with the allowed methods', () => {
    expect(matchRoute(routes, 'OPTIONS', '/api/instances')).toEqual({
      kind: 'options',
      allowedMethods: ['POST', 'GET', 'OPTIONS'],
    });
  });

  it.each([
    ['/api/instances', 'POST', 'instances-create'],
    ['/api/instances', 'GET', 'instances-list'],
    ['/api/instances', ' get ', 'instances-list'],
    ['/api/instances', 'DELETE', 'instances-create'],
    ['/api/regions', 'GET', 'regions'],
    ['/api/regions', 'PUT', 'regions'],
  ])('passes a preflight on %s asking for %j to %s', (path, requestedMethod, functionName) => {
    expect(matchRoute(routes, 'OPTIONS', path, requestedMethod)).toEqual({
      kind: 'preflight',
      route: expect.objectContaining({ functionName, path }),
    });
  });

  it('finds no route for a preflight on an unknown path', () => {
    expect(matchRoute(routes, 'OPTIONS', '/api/unknown', 'GET')).toEqual({ kind: 'not-found' });
  });

  it.each([
    ['GET', { kind: 'route', route: expect.objectContaining({ functionName: 'regions' }) }],
    ['DELETE', { kind: 'method-not-allowed', allowedMethods: ['GET', 'OPTIONS'] }],
  ])('ignores Access-Control-Request-Method on a %s request', (method, expected) => {
    expect(matchRoute(routes, method, '/api/regions', 'GET')).toEqual(expected);
  });
});
