import { buildFunctionUrlEvent } from '../../../../local/events/function-url-event';

describe('buildFunctionUrlEvent', () => {
  it('has only the fields of reference §7b.2, with the client IP in x-scf-remote-addr', () => {
    const event = buildFunctionUrlEvent({
      method: 'POST',
      path: '/regions',
      rawQuery: 'limit=20&offset=0',
      headers: { accept: '*/*', 'content-type': 'application/json' },
      body: Buffer.from('{"probe":"hello"}'),
      sourceIp: '203.0.113.7',
    });

    expect(event).toEqual({
      httpMethod: 'POST',
      path: '/regions',
      queryString: { limit: '20', offset: '0' },
      headers: { accept: '*/*', 'content-type': 'application/json', 'x-scf-remote-addr': '203.0.113.7' },
      body: '{"probe":"hello"}',
    });
  });

  it('gives an empty body as an empty string', () => {
    const event = buildFunctionUrlEvent({
      method: 'GET',
      path: '/',
      rawQuery: '',
      headers: {},
      body: new Uint8Array(),
      sourceIp: '127.0.0.1',
    });

    expect(event.body).toBe('');
    expect(event.queryString).toEqual({});
  });
});
