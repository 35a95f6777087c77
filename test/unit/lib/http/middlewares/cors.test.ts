import { createRouteCache, type RouteCache } from '../../../../../lib/cache/route-cache';
import { httpHandler, type ScfHttpHandler } from '../../../../../lib/http/http-handler';

/**
 * CORS through the whole stack: the container's settings are read once (lib/config.ts), so each case
 * loads the handler in a fresh module registry with its own CORS_ALLOW_ORIGINS.
 */
const ID = 'AKIDLOCALEMULATORDEMOKEY000000000000';
const KEY = 'MarkerSecretKeyNeverShown0000000';
const CONSOLE = 'https://console.example.com';
const context = { request_id: 'scf-req-cors', function_name: 'probe', getRemainingTimeInMillis: () => 15_000 };

function handlerWith(corsAllowOrigins: string | undefined, cache?: RouteCache): ScfHttpHandler {
  const previous = process.env.CORS_ALLOW_ORIGINS;
  if (corsAllowOrigins === undefined) delete process.env.CORS_ALLOW_ORIGINS;
  else process.env.CORS_ALLOW_ORIGINS = corsAllowOrigins;
  let isolated: typeof httpHandler | undefined;
  jest.isolateModules(() => {
    isolated = jest.requireActual<typeof import('../../../../../lib/http/http-handler')>('../../../../../lib/http/http-handler').httpHandler;
  });
  if (isolated === undefined) throw new Error('http-handler did not load');
  const handler = isolated({ handle: async () => ({ ok: true }), ...(cache === undefined ? {} : { cache }) });
  return async (event, ctx) => {
    try {
      return await handler(event, ctx);
    } finally {
      if (previous === undefined) delete process.env.CORS_ALLOW_ORIGINS;
      else process.env.CORS_ALLOW_ORIGINS = previous;
    }
  };
}

function event(method: string, headers: Record<string, string>, query: Record<string, string> = { secretId: ID, secretKey: KEY }) {
  return { httpMethod: method, path: '/api/probe', queryString: query, headers, body: '' };
}

const preflight = (origin: string) => event('OPTIONS', { origin, 'access-control-request-method': 'GET' }, {});

let stdout: jest.SpyInstance;
beforeEach(() => {
  stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => stdout.mockRestore());

describe('CORS in the httpHandler stack', () => {
  it('adds no CORS header when CORS_ALLOW_ORIGINS is unset, and refuses preflights with 403', async () => {
    const handler = handlerWith(undefined);
    const answer = await handler(event('GET', { origin: CONSOLE }), context);
    const refused = await handler(preflight(CONSOLE), context);

    expect(answer.statusCode).toBe(200);
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('Access-Control-'))).toEqual([]);
    expect(refused.statusCode).toBe(403);
    expect(JSON.parse(refused.body).error).toMatchObject({ code: 'OriginNotAllowed', fields: [{ field: 'Origin', message: 'is not listed in CORS_ALLOW_ORIGINS' }] });
  });

  it('answers a preflight from a listed origin with 204, no body and no credentials needed', async () => {
    const answer = await handlerWith(CONSOLE)(preflight(CONSOLE), context);

    expect(answer.statusCode).toBe(204);
    expect(answer.body).toBe('');
    expect(answer.headers).toMatchObject({
      'Access-Control-Allow-Origin': CONSOLE,
      'Access-Control-Allow-Methods': 'GET, POST, PUT',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-TC-Token, Idempotency-Key',
      Vary: 'Origin',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('puts the CORS headers on errors too, so a browser script can read them', async () => {
    const answer = await handlerWith(CONSOLE)(event('GET', { origin: CONSOLE }, {}), context);

    expect(answer.statusCode).toBe(401);
    expect(answer.headers['Access-Control-Allow-Origin']).toBe(CONSOLE);
    expect(answer.headers['Access-Control-Expose-Headers']).toBe('X-Request-Id, Retry-After');
  });

  it('answers a request from an unlisted origin without CORS headers (the browser withholds it)', async () => {
    const answer = await handlerWith(CONSOLE)(event('GET', { origin: 'https://evil.example.com' }), context);

    expect(answer.statusCode).toBe(200);
    expect(answer.headers['Access-Control-Allow-Origin']).toBeUndefined();
  });

  it('answers * under CORS_ALLOW_ORIGINS=*', async () => {
    const answer = await handlerWith('*')(event('GET', { origin: 'https://anyone.example.org' }), context);

    expect(answer.headers['Access-Control-Allow-Origin']).toBe('*');
    expect(answer.headers.Vary).toBe('Origin');
  });

  describe('sends Vary: Origin on every answer once CORS is on, so no shared cache mixes origins', () => {
    it.each<[string, string, Record<string, string>, number]>([
      ['a request without Origin', CONSOLE, {}, 200],
      ['a request from an unlisted origin', CONSOLE, { origin: 'https://evil.example.com' }, 200],
      ['a request without Origin under *', '*', {}, 200],
    ])('%s (CORS_ALLOW_ORIGINS=%s)', async (_name, origins, headers, status) => {
      const answer = await handlerWith(origins)(event('GET', headers), context);

      expect(answer.statusCode).toBe(status);
      expect(answer.headers.Vary).toBe('Origin');
    });

    it('on an error without Origin', async () => {
      const answer = await handlerWith(CONSOLE)(event('GET', {}, {}), context);

      expect(answer.statusCode).toBe(401);
      expect(answer.headers.Vary).toBe('Origin');
    });

    it.each<[string, string, string, number]>([
      ['a preflight refused for an unlisted origin', CONSOLE, 'https://evil.example.com', 403],
      ['a preflight under *', '*', 'https://anyone.example.org', 204],
    ])('on %s', async (_name, origins, origin, status) => {
      const answer = await handlerWith(origins)(preflight(origin), context);

      expect(answer.statusCode).toBe(status);
      expect(answer.headers.Vary).toBe('Origin');
    });

    it.each<[string, Record<string, string>]>([
      ['without Origin', {}],
      ['from a listed origin', { origin: CONSOLE }],
    ])('merged once with the cache’s Vary on a cached read %s', async (_name, headers) => {
      const cache = createRouteCache({ route: 'zones', env: { CACHE_ENABLED: 'true', CACHE_TTL_SECONDS_ZONES: '60' } });
      const answer = await handlerWith(CONSOLE, cache)(event('GET', headers), context);

      expect(answer.headers.ETag).toMatch(/^"/);
      expect(answer.headers.Vary).toBe('Authorization, X-TC-Token, Origin');
    });
  });

  it('sends no Vary when CORS is off and the answer is not cached', async () => {
    const answer = await handlerWith(undefined)(event('GET', {}), context);

    expect(answer.headers.Vary).toBeUndefined();
  });
});

describe('request bodies in the httpHandler stack', () => {
  const handler = handlerWith(undefined);
  const post = (body: string, headers: Record<string, string>) => ({ httpMethod: 'POST', path: '/api/probe', headers, body });

  it('answers 415 for a body that is not declared JSON, before looking at credentials', async () => {
    const answer = await handler(post('region=ap-guangzhou', { 'content-type': 'application/x-www-form-urlencoded' }), context);

    expect(answer.statusCode).toBe(415);
    expect(JSON.parse(answer.body).error.fields).toEqual([{ field: 'Content-Type', message: 'must be application/json' }]);
  });

  it('answers 413 for a body over MAX_BODY_BYTES (64 KiB by default)', async () => {
    const answer = await handler(post(JSON.stringify({ secretId: ID, secretKey: KEY, pad: 'x'.repeat(65_536) }), { 'content-type': 'application/json' }), context);

    expect(answer.statusCode).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('RequestEntityTooLarge');
    expect(answer.body).not.toContain(KEY);
  });

  it('answers 400 naming body for a base64 body that is not UTF-8', async () => {
    const answer = await handler(
      { ...post(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64'), { 'content-type': 'application/json' }), isBase64Encoded: true },
      context,
    );

    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body).error.fields).toEqual([{ field: 'body', message: 'must be UTF-8 text' }]);
  });
});
