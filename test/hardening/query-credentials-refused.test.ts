/**
 * `ALLOW_QUERY_CREDENTIALS=false` through the harness: credentials in a URL (which proxies, gateways and
 * browser histories keep) are refused with 403 and advice to use the Authorization header, on every
 * route, without echoing them; the header and JSON bodies keep working.
 */
import { httpRoutes } from '../../functions/routes';
import { createCvmClient, type CvmTestClient } from '../helpers/cvm-client';
import { DEMO_QUERY_CREDENTIALS, DEMO_SECRET_ID, DEMO_SECRET_KEY, type LocalStack, startLocalStack } from '../helpers/harness';
import { basicAuthorization, instanceFixtures, routeCallFor, type InstanceFixtures } from './support/route-calls';
import { errorEnvelope, send } from './support/send';

describe('with ALLOW_QUERY_CREDENTIALS=false, through the harness', () => {
  let stack: LocalStack;
  let sdk: CvmTestClient;
  let fixtures: InstanceFixtures;

  beforeAll(async () => {
    stack = await startLocalStack({ emulator: { rateLimits: false }, env: { ALLOW_QUERY_CREDENTIALS: 'false' } });
    sdk = createCvmClient({ endpoint: stack.emulator.endpoint });
    fixtures = instanceFixtures(stack.emulator.control, sdk);
  });

  afterAll(async () => {
    sdk.close();
    await stack.close();
  });

  const rows = httpRoutes.map((route) => [route.functionName, route] as const);

  it.each(rows)('%s refuses secretId/secretKey in the query string with 403 and the Authorization header advice', async (_name, route) => {
    const call = await routeCallFor(route, '', fixtures);
    const separator = call.target.includes('?') ? '&' : '?';

    const target = `${call.target}${separator}${DEMO_QUERY_CREDENTIALS}`;
    const answer = await send(stack.url, target, { ...call.init, headers: { 'Content-Type': 'application/json' } });

    const envelope = errorEnvelope(answer.body);
    expect(answer.status).toBe(403);
    expect(envelope?.error.code).toBe('QueryCredentialsRefused');
    expect(envelope?.error.message).toContain('Authorization: Basic base64(secretId:secretKey)');
    expect(envelope?.error.fields).toEqual([{ field: 'secretKey', message: 'not accepted in the query string' }]);
    expect(answer.text).not.toContain(DEMO_SECRET_KEY);
  });

  it.each(rows)('%s still serves a caller who sends Authorization: Basic', async (_name, route) => {
    const call = await routeCallFor(route, basicAuthorization(DEMO_SECRET_ID, DEMO_SECRET_KEY), fixtures);

    expect((await send(stack.url, call.target, call.init)).status).toBe(200);
  });

  it('still accepts the keys in a JSON body, and no longer advertises the query string to a caller without keys', async () => {
    const instanceId = await fixtures.running();
    const body = JSON.stringify({ secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY, region: 'ap-guangzhou', instanceIds: [instanceId] });
    const stopped = await send(stack.url, '/api/instances/stop', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
    const anonymous = await send(stack.url, '/api/regions');

    expect(stopped.status).toBe(200);
    expect(anonymous.status).toBe(401);
    expect(errorEnvelope(anonymous.body)?.error.message).not.toContain('query string');
  });
});
