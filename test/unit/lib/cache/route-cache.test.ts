import { createRouteCache, type RouteAnswer, type RouteCacheRequest } from '../../../../lib/cache/route-cache';

const alice = { secretId: 'AKIDalice', secretKey: 'aliceKey', token: undefined };
const HEADERS = { 'X-Request-Id': 'req-1' };

function clock(start = 5_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

function request(overrides: Partial<RouteCacheRequest> = {}, headers: Record<string, string> = {}): RouteCacheRequest {
  return {
    credentials: alice,
    request: { method: 'GET', path: '/api/zones', headers },
    input: { query: { region: 'ap-guangzhou' }, body: {} },
    ...overrides,
  };
}

/** An upstream stand-in that counts its calls and answers a numbered body. */
function upstream(status = 200) {
  let calls = 0;
  return {
    produce: async (): Promise<RouteAnswer> => {
      calls += 1;
      return { status, body: { call: calls, requestId: `upstream-${calls}` } };
    },
    calls: () => calls,
  };
}

describe('createRouteCache', () => {
  it('answers a repeat within the TTL from the cache, without calling upstream, with the same body and ETag', async () => {
    const time = clock();
    const cache = createRouteCache({ route: 'zones', env: { CACHE_TTL_SECONDS_ZONES: '60' }, now: time.now });
    const source = upstream();

    const first = await cache.respond(request(), source.produce, HEADERS);
    time.advance(20_500);
    const second = await cache.respond(request(), source.produce, { 'X-Request-Id': 'req-2' });

    expect(source.calls()).toBe(1);
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ call: 1, requestId: 'upstream-1' });
    expect(second.body).toBe(first.body);
    expect(second.headers.ETag).toBe(first.headers.ETag);
    expect(first.headers['Cache-Control']).toBe('private, max-age=60');
    expect(second.headers['Cache-Control']).toBe('private, max-age=39');
    expect(second.headers['X-Request-Id']).toBe('req-2');
    expect(second.headers.Vary).toBe('Authorization, X-TC-Token');
    expect(second.headers['Content-Type']).toBe('application/json; charset=utf-8');
  });

  it('goes upstream again once the TTL has passed', async () => {
    const time = clock();
    const cache = createRouteCache({ route: 'zones', env: { CACHE_TTL_SECONDS_ZONES: '60' }, now: time.now });
    const source = upstream();

    await cache.respond(request(), source.produce, HEADERS);
    time.advance(60_000);
    const after = await cache.respond(request(), source.produce, HEADERS);

    expect(source.calls()).toBe(2);
    expect(JSON.parse(after.body)).toEqual({ call: 2, requestId: 'upstream-2' });
  });

  it.each([
    ['another SecretKey with the same SecretId', { credentials: { ...alice, secretKey: 'wrongKey' } }],
    ['another SecretId', { credentials: { ...alice, secretId: 'AKIDbob' } }],
    ['a session token', { credentials: { ...alice, token: 'sts-token' } }],
    ['another input', { input: { query: { region: 'ap-tokyo' }, body: {} } }],
    ['another path', { request: { method: 'GET', path: '/api/images', headers: {} } }],
  ])('never shares an entry with %s', async (_case, overrides) => {
    const cache = createRouteCache({ route: 'zones', env: {}, now: clock().now });
    const source = upstream();

    await cache.respond(request(), source.produce, HEADERS);
    const other = await cache.respond(request(overrides), source.produce, HEADERS);

    expect(source.calls()).toBe(2);
    expect(JSON.parse(other.body)).toEqual({ call: 2, requestId: 'upstream-2' });
  });

  it('shares an entry between equal inputs given in another order', async () => {
    const cache = createRouteCache({ route: 'images', env: {}, now: clock().now });
    const source = upstream();

    await cache.respond(request({ input: { query: { region: 'r', platform: 'CentOS' }, body: {} } }), source.produce, HEADERS);
    await cache.respond(request({ input: { body: {}, query: { platform: 'CentOS', region: 'r' } } }), source.produce, HEADERS);

    expect(source.calls()).toBe(1);
  });

  it('answers 304 without a body when If-None-Match names the current ETag, on a hit and on a fresh fetch', async () => {
    const cache = createRouteCache({ route: 'zones', env: {}, now: clock().now });
    const source = upstream();
    const first = await cache.respond(request(), source.produce, HEADERS);
    const etag = first.headers.ETag ?? '';

    const revalidated = await cache.respond(request({}, { 'if-none-match': etag }), source.produce, HEADERS);
    const stale = await cache.respond(request({}, { 'if-none-match': '"something-else"' }), source.produce, HEADERS);

    expect(revalidated).toEqual({
      isBase64Encoded: false,
      statusCode: 304,
      headers: expect.objectContaining({ ETag: etag, 'Cache-Control': 'private, max-age=300', 'X-Request-Id': 'req-1' }),
      body: '',
    });
    expect(revalidated.headers['Content-Type']).toBeUndefined();
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(first.body);
    expect(source.calls()).toBe(1);
  });

  it.each([[202], [404]])('never keeps a %s answer', async (status) => {
    const cache = createRouteCache({ route: 'zones', env: {}, now: clock().now });
    const source = upstream(status);

    const first = await cache.respond(request(), source.produce, HEADERS);
    await cache.respond(request(), source.produce, HEADERS);

    expect(source.calls()).toBe(2);
    expect(first.statusCode).toBe(status);
    expect(first.headers['Cache-Control']).toBe('no-store');
    expect(first.headers.ETag).toBeUndefined();
  });

  it('never keeps a failure: the error propagates and the next request goes upstream', async () => {
    const cache = createRouteCache({ route: 'zones', env: {}, now: clock().now });
    let calls = 0;
    const failing = async (): Promise<RouteAnswer> => {
      calls += 1;
      throw new Error('upstream refused');
    };

    await expect(cache.respond(request(), failing, HEADERS)).rejects.toThrow('upstream refused');
    await expect(cache.respond(request(), failing, HEADERS)).rejects.toThrow('upstream refused');
    expect(calls).toBe(2);
  });

  it.each([
    ['CACHE_ENABLED=false', { CACHE_ENABLED: 'false' }],
    ['a TTL of 0 for the route', { CACHE_TTL_SECONDS_ZONES: '0' }],
  ])('with %s, always goes upstream and answers no-store without ETag', async (_case, env) => {
    const cache = createRouteCache({ route: 'zones', env, now: clock().now });
    const source = upstream();

    await cache.respond(request(), source.produce, HEADERS);
    const second = await cache.respond(request(), source.produce, HEADERS);

    expect(source.calls()).toBe(2);
    expect(second.headers['Cache-Control']).toBe('no-store');
    expect(second.headers.ETag).toBeUndefined();
  });

  it('holds at most CACHE_MAX_ENTRIES answers, dropping the least recently used', async () => {
    const cache = createRouteCache({ route: 'zones', env: { CACHE_MAX_ENTRIES: '2' }, now: clock().now });
    const source = upstream();
    const forRegion = (region: string) => request({ input: { query: { region }, body: {} } });

    await cache.respond(forRegion('a'), source.produce, HEADERS);
    await cache.respond(forRegion('b'), source.produce, HEADERS);
    await cache.respond(forRegion('c'), source.produce, HEADERS);
    await cache.respond(forRegion('c'), source.produce, HEADERS);
    await cache.respond(forRegion('b'), source.produce, HEADERS);
    expect(source.calls()).toBe(3);
    await cache.respond(forRegion('a'), source.produce, HEADERS);
    expect(source.calls()).toBe(4);
  });

  it('refuses a bad setting on first use with an error naming the variable', async () => {
    const cache = createRouteCache({ route: 'zones', env: { CACHE_MAX_ENTRIES: 'many' }, now: clock().now });
    await expect(cache.respond(request(), upstream().produce, HEADERS)).rejects.toThrow(/CACHE_MAX_ENTRIES/);
  });
});
