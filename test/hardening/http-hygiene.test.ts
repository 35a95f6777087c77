/**
 * HTTP hygiene through the harness on every route: the security headers on successes and failures
 * alike, CORS headers only for the origins the deployment lists, JSON-only bodies (415), and a local
 * harness and emulator that listen on the loopback interface unless told otherwise.
 */
import { httpRoutes } from '../../functions/routes';
import { startEmulator } from '../../local/emulator/server';
import { startHarness } from '../../local/harness/server';
import { createCvmClient, type CvmTestClient } from '../helpers/cvm-client';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY, FUNCTIONS_DIR, REPO_ROOT, type LocalStack, startLocalStack } from '../helpers/harness';
import { basicAuthorization, instanceFixtures, routeCallFor, type InstanceFixtures } from './support/route-calls';
import { errorEnvelope, send } from './support/send';

const CONSOLE = 'https://console.example.com';
const AUTHORIZATION = basicAuthorization(DEMO_SECRET_ID, DEMO_SECRET_KEY);
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=31536000',
};

function securityHeadersOf(headers: Headers): Record<string, string | null> {
  return Object.fromEntries(Object.keys(SECURITY_HEADERS).map((name) => [name, headers.get(name)]));
}

describe('HTTP hygiene through the harness', () => {
  let stack: LocalStack;
  let sdk: CvmTestClient;
  let fixtures: InstanceFixtures;

  beforeAll(async () => {
    stack = await startLocalStack({ emulator: { rateLimits: false }, env: { CORS_ALLOW_ORIGINS: CONSOLE } });
    sdk = createCvmClient({ endpoint: stack.emulator.endpoint });
    fixtures = instanceFixtures(stack.emulator.control, sdk);
  });

  afterAll(async () => {
    sdk.close();
    await stack.close();
  });

  const rows = httpRoutes.map((route) => [route.functionName, route] as const);

  it.each(rows)('%s sends the security headers with a success and with a failure', async (_name, route) => {
    const call = await routeCallFor(route, AUTHORIZATION, fixtures);
    const success = await send(stack.url, call.target, call.init);
    const failure = await send(stack.url, route.path, { method: route.method });

    expect(success.status).toBe(200);
    expect(failure.status).toBe(401);
    expect(securityHeadersOf(success.headers)).toEqual(SECURITY_HEADERS);
    expect(securityHeadersOf(failure.headers)).toEqual(SECURITY_HEADERS);
  });

  it.each(rows)('%s answers a listed origin with CORS headers, an unlisted one without', async (_name, route) => {
    const call = await routeCallFor(route, AUTHORIZATION, fixtures);
    const headers = call.init.headers as Record<string, string>;
    const listed = await send(stack.url, call.target, { ...call.init, headers: { ...headers, Origin: CONSOLE } });
    const unlisted = await send(stack.url, route.path, { method: route.method, headers: { Origin: 'https://evil.example.com' } });

    expect(listed.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(listed.headers.get('vary')).toContain('Origin');
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each(httpRoutes.filter((route) => route.method !== 'GET').map((route) => [route.functionName, route] as const))(
    '%s refuses a body that is not declared JSON with 415 naming Content-Type',
    async (_name, route) => {
      const answer = await send(stack.url, route.path, {
        method: route.method,
        headers: { Authorization: AUTHORIZATION, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'region=ap-guangzhou',
      });

      expect(answer.status).toBe(415);
      expect(errorEnvelope(answer.body)?.error.fields).toEqual([{ field: 'Content-Type', message: 'must be application/json' }]);
    },
  );
});

describe('local listeners', () => {
  it('bind the harness and the emulator to 127.0.0.1 unless told otherwise', async () => {
    const harness = await startHarness({ port: 0, functionsDir: FUNCTIONS_DIR, serviceConfigPath: `${REPO_ROOT}/serverless.yml`, log: () => undefined });
    const emulator = await startEmulator({ port: 0 });
    try {
      expect(new URL(harness.url).hostname).toBe('127.0.0.1');
      expect(new URL(emulator.endpoint).hostname).toBe('127.0.0.1');
    } finally {
      await harness.close();
      await emulator.close();
    }
  });
});
