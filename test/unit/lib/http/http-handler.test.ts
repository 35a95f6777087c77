import fc from 'fast-check';
import * as z from 'zod/mini';
import { ApiError } from '../../../../lib/errors/api-error';
import { httpHandler, type HandlerArgs, type ScfHttpHandler } from '../../../../lib/http/http-handler';
import { region } from '../../../../lib/schemas/primitives';

const ID = 'AKIDLOCALEMULATORDEMOKEY000000000000';
const KEY = 'MarkerSecretKeyNeverShown0000000';
const context = { request_id: 'scf-req-1', function_name: 'probe', getRemainingTimeInMillis: () => 15_000 };

function getEvent(query: Record<string, unknown>, headers: Record<string, string> = {}) {
  return { httpMethod: 'GET', path: '/api/probe', queryString: query, headers, body: '' };
}

function captureStdout(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  return { lines, restore: () => spy.mockRestore() };
}

let stdout: ReturnType<typeof captureStdout>;
beforeEach(() => {
  stdout = captureStdout();
});
afterEach(() => stdout.restore());

const seen: HandlerArgs<{ region: string }, Record<string, never>>[] = [];
const probe: ScfHttpHandler = httpHandler({
  query: z.object({ region }),
  handle: async (args) => {
    seen.push(args);
    if (args.query.region === 'ap-teapot') throw new ApiError(418, 'Teapot', 'short and stout');
    if (args.query.region === 'ap-bug') throw new TypeError(`bug near ${args.credentials.secretKey}`);
    if (args.query.region === 'ap-slow') await new Promise((resolve) => setTimeout(resolve, 200));
    return { region: args.query.region, greeting: 'hello' };
  },
});

describe('httpHandler', () => {
  it('answers 200 with the handle’s body, our request id header and one access line', async () => {
    const response = await probe(getEvent({ secretId: ID, secretKey: KEY, region: 'ap-guangzhou' }), context);
    expect(response).toEqual({
      isBase64Encoded: false,
      statusCode: 200,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
        'X-Frame-Options': 'DENY',
        'Strict-Transport-Security': 'max-age=31536000',
        'X-Request-Id': 'scf-req-1',
      },
      body: '{"region":"ap-guangzhou","greeting":"hello"}',
    });
    const access = stdout.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      level: 'info',
      function: 'probe',
      requestId: 'scf-req-1',
      route: 'GET /api/probe',
      trigger: 'function-url',
      status: 200,
      credentialSource: 'query',
      upstream: [],
    });
  });

  it('hands the route validated input without the credentials, and the request’s session', async () => {
    seen.length = 0;
    await probe(getEvent({ secretId: ID, secretKey: KEY, region: 'ap-tokyo', extra: 'dropped' }), context);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.query).toEqual({ region: 'ap-tokyo' });
    expect(seen[0]?.body).toEqual({});
    expect(seen[0]?.credentials).toMatchObject({ secretId: ID, source: 'query' });
    expect(seen[0]?.request.method).toBe('GET');
    expect(seen[0]?.cvm.calls).toEqual([]);
  });

  it('answers 401 for missing credentials before looking at the input', async () => {
    const response = await probe(getEvent({}), context);
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'MissingCredentials' }, requestId: 'scf-req-1' });
  });

  it('answers 400 naming the field when the input is invalid', async () => {
    const response = await probe(getEvent({ secretId: ID, secretKey: KEY }), context);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: 'InvalidParameter', message: 'Invalid request parameters: region.', fields: [{ field: 'region', message: 'is required' }] },
      requestId: 'scf-req-1',
    });
  });

  it('renders an ApiError thrown by the route with its own status', async () => {
    const response = await probe(getEvent({ secretId: ID, secretKey: KEY, region: 'ap-teapot' }), context);
    expect([response.statusCode, JSON.parse(response.body).error]).toEqual([418, { code: 'Teapot', message: 'short and stout' }]);
  });

  it('turns an unexpected throw into a bare 500 and logs it redacted', async () => {
    const response = await probe(getEvent({ secretId: ID, secretKey: KEY, region: 'ap-bug' }), context);
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: 'InternalError', message: 'The function failed unexpectedly. The request id identifies the failure in the logs.' },
      requestId: 'scf-req-1',
    });
    const failure = stdout.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.msg === 'request failed');
    expect(failure).toMatchObject({ level: 'error', code: 'InternalError', cause: { name: 'TypeError', message: 'bug near [REDACTED]' } });
    expect(stdout.lines.join('')).not.toContain(KEY);
  });

  it('answers 504 FunctionTimeout shortly before SCF’s deadline', async () => {
    const nearlyOut = { ...context, getRemainingTimeInMillis: () => 550 };
    const response = await probe(getEvent({ secretId: ID, secretKey: KEY, region: 'ap-slow' }), nearlyOut);
    expect(response.statusCode).toBe(504);
    expect(JSON.parse(response.body).error.code).toBe('FunctionTimeout');
  });

  it('works without a context, with a request id of its own', async () => {
    const response = await probe(getEvent({ secretId: ID, secretKey: KEY, region: 'ap-guangzhou' }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['X-Request-Id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 400 InvalidEvent when invoked with a timer event', async () => {
    const response = await probe({ Type: 'Timer', TriggerName: 'inventory', Time: '2026-01-01T00:00:00Z', Message: '' }, context);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).error.code).toBe('InvalidEvent');
  });

  it('for any event, answers a JSON error or success with a valid status and never shows the secret', async () => {
    const hostileValue = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
    const event = fc.record(
      {
        httpMethod: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'get'), fc.string()),
        path: fc.oneof(fc.constant('/api/probe'), fc.string()),
        queryString: fc.oneof(fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 5 }), fc.constant([])),
        headers: fc.dictionary(fc.string({ maxLength: 12 }), fc.string(), { maxKeys: 4 }),
        body: fc.oneof(fc.string(), fc.constant(undefined)),
        isBase64Encoded: fc.oneof(fc.boolean(), fc.constant('true'), fc.constant(undefined)),
      },
      { requiredKeys: [] },
    );
    const withSecret = event.map((generated) => ({
      ...generated,
      queryString: { ...(Array.isArray(generated.queryString) ? {} : generated.queryString), secretId: ID, secretKey: KEY },
    }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(event, withSecret), async (generated) => {
        const response = await probe(generated, context);
        expect([200, 400, 401, 415]).toContain(response.statusCode);
        expect(() => JSON.parse(response.body)).not.toThrow();
        expect(response.body).not.toContain(KEY);
      }),
      { numRuns: 150 },
    );
    expect(stdout.lines.join('')).not.toContain(KEY);
  });
});

describe('httpHandler with a bad deployment setting', () => {
  it('answers a bare 500 and logs the variable’s name', async () => {
    const previous = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'chatty';
    try {
      let isolated: typeof import('../../../../lib/http/http-handler') | undefined;
      jest.isolateModules(() => {
        isolated = jest.requireActual<typeof import('../../../../lib/http/http-handler')>('../../../../lib/http/http-handler');
      });
      const handler = isolated?.httpHandler({ handle: async () => ({}) });
      const response = await handler?.(getEvent({ secretId: ID, secretKey: KEY }), context);
      expect(response?.statusCode).toBe(500);
      expect(JSON.parse(response?.body ?? '{}').error.code).toBe('InternalError');
      expect(stdout.lines.join('')).toContain('Environment variable LOG_LEVEL must be one of debug, info, warn, error.');
    } finally {
      if (previous === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = previous;
    }
  });
});
