import { httpRoutes } from '../../functions/routes';
import {
  DEMO_BASIC_AUTHORIZATION,
  DEMO_QUERY_CREDENTIALS,
  DEMO_SECRET_ID,
  DEMO_SECRET_KEY,
  type LocalStack,
  startLocalStack,
} from '../helpers/harness';

/**
 * Failures over HTTP through the harness and the real bundles to the emulator: each is JSON in the
 * contract's envelope with the contract's status (docs/api-contract.md, Errors), never a 500.
 */

interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly fields?: readonly { field: string; message: string }[] };
  readonly requestId: string;
}

/** The GET routes read their input from the query string; the POST/PUT instance routes are covered in instances-*.test.ts. */
const getRoutes = httpRoutes.filter((route) => route.method === 'GET');
const regionalRoutes = getRoutes.filter((route) => route.functionName !== 'regions');

/** Every method a path does not serve, with the Allow header the harness answers (the table's order, then OPTIONS). */
const refusedMethods = [...new Set(httpRoutes.map((route) => route.path))].flatMap((path) => {
  const allowed = [...new Set(httpRoutes.filter((route) => route.path === path).map((route) => route.method as string))];
  const allow = [...allowed, 'OPTIONS'].join(', ');
  return ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].filter((method) => !allowed.includes(method)).map((method) => [method, path, allow] as const);
});

describe('errors through the harness', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack();
  });

  afterAll(async () => {
    await stack.close();
  });

  it.each(['/api/unknown', '/api', '/', '/api/regions/extra', '/api/Regions'])('answers 404 NotFound for %s', async (path) => {
    const answer = await stack.request<ErrorBody>(`${path}?${DEMO_QUERY_CREDENTIALS}`);

    expect(answer.status).toBe(404);
    expect(answer.body.error).toEqual({ code: 'NotFound', message: `No route for GET ${path}` });
  });

  it.each(refusedMethods)('answers 405 with an Allow header for %s %s', async (method, path, allow) => {
    const answer = await stack.request<ErrorBody>(`${path}?${DEMO_QUERY_CREDENTIALS}`, { method });

    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe(allow);
    expect(answer.body.error.code).toBe('MethodNotAllowed');
  });

  it.each(getRoutes.map((route) => route.path))('answers 401 MissingCredentials on %s without credentials', async (path) => {
    const answer = await stack.request<ErrorBody>(`${path}?region=ap-guangzhou`);

    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('MissingCredentials');
  });

  it('answers 401 with the upstream AuthFailure code for a wrong SecretKey, without echoing it', async () => {
    const answer = await stack.request<ErrorBody>(`/api/regions?secretId=${DEMO_SECRET_ID}&secretKey=NotTheDemoKey123`);

    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('AuthFailure.SignatureFailure');
    expect(JSON.stringify(answer.body)).not.toContain('NotTheDemoKey123');
  });

  it('answers 401 AuthFailure.SecretIdNotFound for an unknown SecretId', async () => {
    const answer = await stack.request<ErrorBody>('/api/regions?secretId=AKIDnobody000000&secretKey=whatever');

    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('AuthFailure.SecretIdNotFound');
  });

  it.each(regionalRoutes.map((route) => route.path))('answers 400 naming region for an unknown region on %s', async (path) => {
    const answer = await stack.request<ErrorBody>(`${path}?${DEMO_QUERY_CREDENTIALS}&region=xx-nowhere`);

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toMatch(/^InvalidParameter/);
    expect(JSON.stringify(answer.body.error)).toContain('region');
    expect(JSON.stringify(answer.body.error)).toContain('xx-nowhere');
  });

  it.each(regionalRoutes.map((route) => route.path))('answers 400 naming region when %s has none', async (path) => {
    const answer = await stack.request<ErrorBody>(`${path}?${DEMO_QUERY_CREDENTIALS}`);

    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([{ field: 'region', message: 'is required' }]);
  });

  it.each(regionalRoutes.map((route) => route.path))('answers 400 for a repeated query parameter on %s', async (path) => {
    const answer = await stack.request<ErrorBody>(`${path}?${DEMO_QUERY_CREDENTIALS}&region=ap-guangzhou&region=ap-beijing`);

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('InvalidParameter');
    expect(answer.body.error.fields).toEqual([{ field: 'region', message: 'must be given once, as a single value' }]);
  });

  it('accepts the credentials as Authorization: Basic', async () => {
    const answer = await stack.request<{ totalCount: string }>('/api/regions', {
      headers: { Authorization: DEMO_BASIC_AUTHORIZATION },
    });

    expect(answer.status).toBe(200);
    expect(answer.body.totalCount).toBe('19');
  });

  it('answers OPTIONS on a route with 204 and the allowed methods', async () => {
    const response = await fetch(`${stack.url}/api/regions`, { method: 'OPTIONS' });

    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, OPTIONS');
  });

  it('never writes the SecretKey or the query string to the access log', async () => {
    await stack.request(`/api/zones?${DEMO_QUERY_CREDENTIALS}&region=ap-guangzhou`);

    expect(stack.accessLog.length).toBeGreaterThan(0);
    expect(stack.accessLog.join('\n')).not.toContain(DEMO_SECRET_KEY);
    expect(stack.accessLog.join('\n')).not.toContain('?');
  });
});

describe('function logs through the harness', () => {
  it('carry no SecretKey, at the info level', async () => {
    const stack = await startLocalStack({ env: { LOG_LEVEL: 'info' } });
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await stack.request(`/api/regions?${DEMO_QUERY_CREDENTIALS}`);
      await stack.request('/api/regions', { headers: { Authorization: DEMO_BASIC_AUTHORIZATION } });
      await stack.request(`/api/images?secretId=${DEMO_SECRET_ID}&secretKey=WrongKeyValue999&region=ap-guangzhou`);
    } finally {
      spy.mockRestore();
      await stack.close();
    }

    const functionLines = written.filter((line) => line.startsWith('{'));
    expect(functionLines.length).toBeGreaterThanOrEqual(3);
    expect(written.join('')).not.toContain(DEMO_SECRET_KEY);
    expect(written.join('')).not.toContain('WrongKeyValue999');
    expect(written.join('')).not.toContain(DEMO_BASIC_AUTHORIZATION.slice('Basic '.length));
  });
});
