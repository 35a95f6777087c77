import documentedApiGateway from '../../../fixtures/scf/api-gateway-documented.json';
import observedApiGatewayGet from '../../../fixtures/scf/api-gateway-observed-get.json';
import documentedFunctionUrl from '../../../fixtures/scf/function-url-documented.json';
import { ApiError, ValidationError } from '../../../../lib/errors/api-error';
import { normalizeEvent } from '../../../../lib/http/normalize-event';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('normalizeEvent', () => {
  it('reads the documented API Gateway event (§6.3): all query parameters, lower-cased headers, source IP', () => {
    expect(normalizeEvent(documentedApiGateway.event)).toEqual({
      trigger: 'api-gateway',
      method: 'POST',
      path: '/test/value',
      headers: {
        'accept-language': 'en-US,en,cn',
        accept: 'text/html,application/xml,application/json',
        host: 'service-3ei3tii4-251000691.ap-guangzhou.apigateway.myqloud.com',
        'user-agent': 'User Agent String',
      },
      query: { foo: 'bar', bob: 'alice' },
      body: '{"test":"body"}',
      clientIp: '10.0.2.14',
      gatewayRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    });
  });

  it('reads an observed GET event with [] for its empty maps and no body', () => {
    expect(normalizeEvent(observedApiGatewayGet.event)).toMatchObject({
      trigger: 'api-gateway',
      method: 'GET',
      query: { region: 'ap-guangzhou' },
      body: '',
      clientIp: '203.0.113.7',
    });
  });

  it('reads the Function URL event (§7b.2): no requestContext, client IP from x-scf-remote-addr', () => {
    expect(normalizeEvent(documentedFunctionUrl.event)).toEqual({
      trigger: 'function-url',
      method: 'POST',
      path: '/regions',
      headers: { accept: '*/*', 'content-type': 'application/json', 'content-length': '17', 'x-scf-remote-addr': '203.0.113.7' },
      query: { limit: '20', offset: '0' },
      body: '{"probe":"hello"}',
      clientIp: '203.0.113.7',
      gatewayRequestId: undefined,
    });
  });

  it.each([
    ['queryString', { queryString: [] }, {}],
    ['queryStringParameters only', { queryStringParameters: { region: 'ap-tokyo' } }, { region: 'ap-tokyo' }],
    ['queryString over queryStringParameters', { queryString: { a: '1', b: '2' }, queryStringParameters: { a: '1' } }, { a: '1', b: '2' }],
    ['neither', {}, {}],
    ['scalars that are not strings', { queryString: { limit: 20, dryRun: true, empty: null } }, { limit: '20', dryRun: 'true', empty: '' }],
    ['a one-element array', { queryString: { region: ['ap-tokyo'] } }, { region: 'ap-tokyo' }],
  ])('reads the query from %s', (_, fields, query) => {
    expect(normalizeEvent({ httpMethod: 'get', path: '/api/zones', ...fields }).query).toEqual(query);
  });

  it('refuses a repeated parameter with a 400 naming it', () => {
    const error = thrownBy(() =>
      normalizeEvent({ httpMethod: 'GET', path: '/api/zones', queryString: { region: ['ap-tokyo', 'ap-seoul'], limit: { nested: 1 } } }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([
      { field: 'region', message: 'must be given once, as a single value' },
      { field: 'limit', message: 'must be given once, as a single value' },
    ]);
  });

  it.each([
    [true, Buffer.from('{"region":"ap-tokyo"}').toString('base64'), '{"region":"ap-tokyo"}'],
    ['true', Buffer.from('héllo').toString('base64'), 'héllo'],
    [false, 'plain', 'plain'],
    [undefined, 'plain', 'plain'],
    ['false', 'aGVsbG8=', 'aGVsbG8='],
  ])('with isBase64Encoded %p reads the body %p as %p', (flag, body, expected) => {
    expect(normalizeEvent({ httpMethod: 'POST', path: '/p', body, isBase64Encoded: flag }).body).toBe(expected);
  });

  it('serialises a body that arrived as an object, and joins repeated header values', () => {
    const request = normalizeEvent({ httpMethod: 'POST', path: '/p', body: { a: 1 }, headers: { 'X-Multi': ['a', 'b'], 'X-Nested': { no: 1 } } });
    expect(request.body).toBe('{"a":1}');
    expect(request.headers).toEqual({ 'x-multi': 'a, b' });
  });

  it.each([[null], ['text'], [[]], [{ path: '/api/regions' }], [{ httpMethod: 'GET' }], [{ Type: 'Timer', TriggerName: 't' }]])(
    'refuses %p as not an HTTP event with a 400',
    (event) => {
      const error = thrownBy(() => normalizeEvent(event));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).code).toBe('InvalidEvent');
    },
  );

  it('falls back to an empty client IP when the platform reports none', () => {
    expect(normalizeEvent({ httpMethod: 'GET', path: '/', requestContext: { sourceIp: 7 } }).clientIp).toBe('');
  });
});
