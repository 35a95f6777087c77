import { buildApiGatewayEvent } from '../../../../local/events/api-gateway-event';
import type { HttpRequestSnapshot } from '../../../../local/events/types';

function request(overrides: Partial<HttpRequestSnapshot> = {}): HttpRequestSnapshot {
  return {
    method: 'GET',
    path: '/api/regions',
    rawQuery: 'secretId=AKIDx&secretKey=k',
    headers: { host: '127.0.0.1:8001', accept: '*/*' },
    body: new Uint8Array(),
    sourceIp: '127.0.0.1',
    ...overrides,
  };
}

const route = { templatePath: '/api/regions', templateMethod: 'GET', requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' };

describe('buildApiGatewayEvent', () => {
  it('fills every field of the documented event (reference §6.3)', () => {
    const event = buildApiGatewayEvent(request(), route);

    expect(event).toEqual({
      requestContext: {
        serviceId: 'service-local000',
        path: '/api/regions',
        httpMethod: 'GET',
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
        identity: {},
        sourceIp: '127.0.0.1',
        stage: 'release',
      },
      headers: {
        host: '127.0.0.1:8001',
        accept: '*/*',
        'x-api-requestid': 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
        'x-anonymous-consumer': 'true',
        'x-qualifier': '$LATEST',
      },
      pathParameters: {},
      queryStringParameters: {},
      headerParameters: {},
      stageVariables: { stage: 'release' },
      path: '/api/regions',
      queryString: { secretId: 'AKIDx', secretKey: 'k' },
      httpMethod: 'GET',
    });
  });

  it('omits body and isBase64Encoded when the request has no body', () => {
    const event = buildApiGatewayEvent(request(), route);

    expect('body' in event).toBe(false);
    expect('isBase64Encoded' in event).toBe(false);
  });

  it('delivers a UTF-8 body as text without the base64 flag', () => {
    const event = buildApiGatewayEvent(
      request({ method: 'POST', body: Buffer.from('{"region":"华南"}') }),
      { ...route, templateMethod: 'POST' },
    );

    expect(event.body).toBe('{"region":"华南"}');
    expect(event.isBase64Encoded).toBeUndefined();
  });

  it('delivers a body that is not UTF-8 as base64 with isBase64Encoded true', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80]);

    const event = buildApiGatewayEvent(request({ method: 'POST', body: bytes }), route);

    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe('//4AgA==');
  });

  it('keeps the template path in requestContext and the actual path at the top level', () => {
    const event = buildApiGatewayEvent(request({ path: '/api/instances/start', method: 'PUT' }), {
      templatePath: '/api/instances/{action}',
      templateMethod: 'ANY',
      requestId: 'r-1',
    });

    expect(event.requestContext.path).toBe('/api/instances/{action}');
    expect(event.requestContext.httpMethod).toBe('ANY');
    expect(event.path).toBe('/api/instances/start');
    expect(event.httpMethod).toBe('PUT');
  });

  it('delivers a repeated query key as an array of its values in order', () => {
    const event = buildApiGatewayEvent(request({ rawQuery: 'region=ap-guangzhou&region=ap-beijing&zone=z' }), route);

    expect(event.queryString).toEqual({ region: ['ap-guangzhou', 'ap-beijing'], zone: 'z' });
  });

  it('uses a given service id and stage', () => {
    const event = buildApiGatewayEvent(request(), { ...route, serviceId: 'service-f94sy04v', stage: 'test' });

    expect(event.requestContext.serviceId).toBe('service-f94sy04v');
    expect(event.requestContext.stage).toBe('test');
    expect(event.stageVariables).toEqual({ stage: 'test' });
  });
});
