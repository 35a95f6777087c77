/**
 * CORS preflights through the harness and the real bundles: an OPTIONS request carrying
 * `Access-Control-Request-Method` reaches the function of its route, which answers it from
 * `CORS_ALLOW_ORIGINS` (lib/http/middlewares/cors.ts); a plain OPTIONS is still the harness's own 204.
 */
import { httpRoutes } from '../../functions/routes';
import { type LocalStack, startLocalStack } from '../helpers/harness';

const CONSOLE = 'https://console.example.com';
const ACCESS_LOG_LINE = /^\S+ (\S+) (\S+) (\d{3}) \d+ms (\S+) (\S+)$/;

interface PreflightAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

async function preflight(stack: LocalStack, path: string, origin: string, requestedMethod: string): Promise<PreflightAnswer> {
  const response = await fetch(`${stack.url}${path}`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': requestedMethod, 'Access-Control-Request-Headers': 'authorization' },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The function the access log names for the request with this id. */
function functionLogged(stack: LocalStack, requestId: string | null): string | undefined {
  const line = stack.accessLog.find((candidate) => candidate.endsWith(` ${requestId ?? 'none'}`));
  return line === undefined ? undefined : ACCESS_LOG_LINE.exec(line)?.[4];
}

describe('CORS preflights through the harness', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({ env: { CORS_ALLOW_ORIGINS: CONSOLE } });
  });

  afterAll(async () => {
    await stack.close();
  });

  const rows = httpRoutes.map((route) => [route.method, route.path, route.functionName] as const);

  it.each(rows)('%s %s: a listed origin gets 204 with the CORS headers of function %s', async (method, path, functionName) => {
    const answer = await preflight(stack, path, CONSOLE, method);

    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect({
      origin: answer.headers.get('access-control-allow-origin'),
      methods: answer.headers.get('access-control-allow-methods'),
      headers: answer.headers.get('access-control-allow-headers'),
      maxAge: answer.headers.get('access-control-max-age'),
      vary: answer.headers.get('vary'),
    }).toEqual({
      origin: CONSOLE,
      methods: 'GET, POST, PUT',
      headers: 'Authorization, Content-Type, X-TC-Token, Idempotency-Key',
      maxAge: '600',
      vary: 'Origin',
    });
    expect(answer.headers.get('allow')).toBeNull();
    expect(functionLogged(stack, answer.headers.get('x-api-requestid'))).toBe(functionName);
  });

  it.each(rows)('%s %s: an unlisted origin gets the 403 of function %s', async (method, path, functionName) => {
    const answer = await preflight(stack, path, 'https://evil.example.com', method);

    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(JSON.parse(answer.text)).toEqual({
      error: {
        code: 'OriginNotAllowed',
        message: 'Cross-origin requests from https://evil.example.com are not allowed by this deployment.',
        fields: [{ field: 'Origin', message: 'is not listed in CORS_ALLOW_ORIGINS' }],
      },
      requestId: answer.headers.get('x-request-id'),
    });
    expect(functionLogged(stack, answer.headers.get('x-api-requestid'))).toBe(functionName);
  });

  it('reaches the function without calling the CVM API', async () => {
    await stack.emulator.control.reset();

    await preflight(stack, '/api/instances', CONSOLE, 'POST');
    await preflight(stack, '/api/regions', 'https://evil.example.com', 'GET');

    expect(await stack.emulator.control.counters()).toEqual({});
  });

  it('still answers a plain OPTIONS itself: 204 with Allow and no CORS headers', async () => {
    const response = await fetch(`${stack.url}/api/instances`, { method: 'OPTIONS', headers: { Origin: CONSOLE } });

    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('POST, GET, OPTIONS');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(functionLogged(stack, response.headers.get('x-api-requestid'))).toBe('-');
  });

  it('answers 404 for a preflight on a path no route serves', async () => {
    const answer = await preflight(stack, '/api/nothing', CONSOLE, 'GET');

    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'NotFound' } });
  });
});
