/**
 * `USE_FUNCTION_ROLE_CREDENTIALS=true` through the harness: a caller who sends no keys acts as the
 * function's execution role, with the temporary keys SCF injects (TENCENTCLOUD_SECRETID/SECRETKEY/
 * SESSIONTOKEN, reference §6.6). Anyone who can reach the route then acts with the role's rights, which
 * is why it is off by default and the README says the API Gateway route must then require its own
 * authentication. The role's key and token never reach a log line or an answer.
 */
import { httpRoutes } from '../../functions/routes';
import { DEMO_CREDENTIALS, DEMO_SECRET_ID } from '../../local/emulator/accounts';
import { createCvmClient } from '../helpers/cvm-client';
import { type LocalStack, startLocalStack } from '../helpers/harness';
import { basicAuthorization, instanceFixtures, routeCallFor } from './support/route-calls';
import { errorEnvelope, send } from './support/send';

const ROLE_ID = 'AKIDFUNCTIONROLETEMPORARY00000000000';
const ROLE_KEY = 'FunctionRoleMarkerSecretKey00001';
const ROLE_TOKEN = 'FunctionRoleMarkerSessionToken000000002';

describe('with USE_FUNCTION_ROLE_CREDENTIALS=true, through the harness', () => {
  let stack: LocalStack;
  const written: string[] = [];
  let stdout: jest.SpyInstance;

  beforeAll(async () => {
    stack = await startLocalStack({
      emulator: { rateLimits: false, credentials: `${DEMO_CREDENTIALS},${ROLE_ID}:${ROLE_KEY}:${ROLE_TOKEN}` },
      env: {
        LOG_LEVEL: 'debug',
        USE_FUNCTION_ROLE_CREDENTIALS: 'true',
        TENCENTCLOUD_SECRETID: ROLE_ID,
        TENCENTCLOUD_SECRETKEY: ROLE_KEY,
        TENCENTCLOUD_SESSIONTOKEN: ROLE_TOKEN,
      },
    });
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });

  afterAll(async () => {
    stdout.mockRestore();
    await stack.close();
  });

  const rows = httpRoutes.map((route) => [route.functionName, route] as const);

  it.each(rows)('%s serves a caller without keys as the function role', async (_name, route) => {
    const sdk = createCvmClient({ endpoint: stack.emulator.endpoint, secretId: ROLE_ID, secretKey: ROLE_KEY, token: ROLE_TOKEN });
    try {
      const call = await routeCallFor(route, '', instanceFixtures(stack.emulator.control, sdk));
      const headers = { ...(call.init.headers as Record<string, string>) };
      delete headers.Authorization;

      const answer = await send(stack.url, call.target, { ...call.init, headers });

      expect(answer.status).toBe(200);
    } finally {
      sdk.close();
    }
  });

  it('still uses a caller’s own keys when they send some: a wrong key is refused, not replaced by the role', async () => {
    const wrongKey = basicAuthorization(DEMO_SECRET_ID, 'NotTheDemoSecretKey0000000000000');
    const answer = await send(stack.url, '/api/regions', { headers: { Authorization: wrongKey } });

    expect(answer.status).toBe(401);
    expect(errorEnvelope(answer.body)?.error.code).toBe('AuthFailure.SignatureFailure');
  });

  it('logs the role as the credential source and never its key or token', () => {
    const lines = written.filter((chunk) => chunk.startsWith('{')).map((chunk) => JSON.parse(chunk) as Record<string, unknown>);

    const asRole = lines.filter((line) => line.msg === 'request' && line.credentialSource === 'function-role');
    expect(asRole.length).toBeGreaterThanOrEqual(httpRoutes.length);
    expect(written.join('')).not.toContain(ROLE_KEY);
    expect(written.join('')).not.toContain(ROLE_TOKEN);
  });
});
