import { type ObservedAnswer, builtDocumentValidator } from '../helpers/openapi-validator';

/**
 * The contract checker itself must be able to fail: every kind of departure from dist/openapi.json it
 * is meant to catch, caught; the conforming answers of each kind, accepted.
 */

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const REGIONS_OK = { totalCount: '1', regions: [{ region: 'ap-guangzhou', regionName: '华南地区(广州)', regionState: 'AVAILABLE' }], requestId: 'r-1' };
const ERROR_BODY = { error: { code: 'NotFound', message: 'No route for GET /api/nothing' }, requestId: 'r-2' };

function answer(fields: Partial<Omit<ObservedAnswer, 'headers'>> & { headers?: Record<string, string> }): ObservedAnswer {
  return {
    method: fields.method ?? 'GET',
    path: fields.path ?? '/api/regions',
    status: fields.status ?? 200,
    headers: new Headers(fields.headers ?? JSON_HEADERS),
    body: 'body' in fields ? fields.body : REGIONS_OK,
  };
}

describe('OpenAPI answer validator', () => {
  const validator = builtDocumentValidator();

  it.each([
    ['a documented 200', answer({})],
    ['a documented failure', answer({ status: 401, body: { error: { code: 'MissingCredentials', message: 'Credentials are required.' }, requestId: 'r' } })],
    ['a 400 listing fields', answer({ status: 400, body: { error: { code: 'InvalidParameter', message: 'x', fields: [{ field: 'region', message: 'is required' }] }, requestId: 'r' } })],
    ['a 304 without body on a cached route', answer({ status: 304, headers: {}, body: undefined })],
    ['a 202 of a wait', answer({ method: 'PUT', path: '/api/instances/stop', status: 202, body: { instances: [], targetState: 'STOPPED', waitOutcome: 'time-out', requestId: 'r' } })],
    ['a 404 on an unknown path', answer({ path: '/api/nothing', status: 404, body: ERROR_BODY })],
    ['a 405 with the path’s methods in Allow', answer({ method: 'DELETE', status: 405, headers: { ...JSON_HEADERS, allow: 'GET, OPTIONS' }, body: ERROR_BODY })],
    ['a 204 to OPTIONS', answer({ method: 'OPTIONS', status: 204, headers: { allow: 'GET, OPTIONS' }, body: undefined })],
    ['the documentation page', answer({ path: '/docs', headers: { 'content-type': 'text/html' }, body: undefined })],
  ])('accepts %s', (_case, observed) => {
    expect(validator.problemsWith(observed)).toEqual([]);
  });

  it.each([
    ['a number where a string is documented', answer({ body: { ...REGIONS_OK, totalCount: 1 } }), 'body/totalCount must be string'],
    ['a key the schema does not have', answer({ body: { ...REGIONS_OK, extra: '' } }), 'must NOT have additional properties'],
    ['a missing key', answer({ body: { regions: [], requestId: 'r' } }), "must have required property 'totalCount'"],
    ['an undocumented status', answer({ status: 418 }), 'status 418 is not documented for regions'],
    ['a 304 on a route that is not cached', answer({ path: '/api/instances', status: 304, headers: {}, body: undefined }), 'status 304 is not documented'],
    ['a failure outside the error envelope', answer({ status: 502, body: { message: 'Internal server error' } }), "must have required property 'error'"],
    ['a body that is not declared JSON', answer({ headers: { 'content-type': 'text/plain' } }), 'content-type is "text/plain"'],
    ['a non-404 on an unknown path', answer({ path: '/api/nothing', status: 200 }), 'the answer must be 404'],
    ['a 405 whose Allow differs from the document', answer({ method: 'DELETE', status: 405, headers: { ...JSON_HEADERS, allow: 'GET' }, body: ERROR_BODY }), 'Allow is "GET"'],
    ['a 405 without Allow', answer({ method: 'DELETE', status: 405, body: ERROR_BODY }), 'header Allow is missing'],
    ['a method the path has not, answered other than 405', answer({ method: 'DELETE', status: 200 }), 'the answer must be 405'],
  ])('reports %s', (_case, observed, problem) => {
    expect(validator.problemsWith(observed).join('\n')).toContain(problem);
  });
});
