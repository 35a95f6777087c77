/**
 * Query strings through the BUILT bundles: every route refuses a parameter it does not know with 400
 * `InvalidParameter` naming it (a misspelt `limt` must not list everything, a `?dryRun=true` must not
 * buy an instance), while the credential parameters the credentials layer reads from the query stay
 * accepted everywhere.
 */
import { DEMO_CREDENTIALS, DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../local/emulator/accounts';
import { createCvmClient, type CvmTestClient } from '../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { apiGatewayEvent, bodyOf, loadFunction, seedQuery, type FunctionContainer } from '../support/function-bundles';

const REGION = 'ap-guangzhou';
const demo = { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY };
/** A temporary key pair: every call signed with it must carry its session token (reference §1.2). */
const temporary = { secretId: 'AKIDTEMPORARYQUERYKEY000000000000000', secretKey: 'TemporaryQueryKey000000000000000', token: 'session-token-for-query-test' };

interface ReadRoute {
  readonly functionName: string;
  readonly path: string;
  /** The route's required parameters, besides the credentials. */
  readonly required: Readonly<Record<string, string>>;
}

const readRoutes: readonly ReadRoute[] = [
  { functionName: 'regions', path: '/api/regions', required: {} },
  { functionName: 'zones', path: '/api/zones', required: { region: REGION } },
  { functionName: 'images', path: '/api/images', required: { region: REGION } },
  { functionName: 'instance-types', path: '/api/instance-types', required: { region: REGION } },
  { functionName: 'instances-list', path: '/api/instances', required: { region: REGION } },
];

let emulator: TestEmulator;
let sdk: CvmTestClient;
const containers = new Map<string, FunctionContainer>();

function container(functionName: string): FunctionContainer {
  const found = containers.get(functionName);
  if (found === undefined) throw new Error(`${functionName} is not loaded`);
  return found;
}

function errorFieldsOf(body: Record<string, unknown>): unknown {
  const error = body.error;
  return typeof error === 'object' && error !== null && 'fields' in error ? error.fields : undefined;
}

beforeAll(async () => {
  const temporaryPair = `${temporary.secretId}:${temporary.secretKey}:${temporary.token}`;
  emulator = await startTestEmulator({ rateLimits: false, credentials: `${DEMO_CREDENTIALS},${temporaryPair}` });
  sdk = createCvmClient({ endpoint: emulator.endpoint, region: REGION });
  const env = { CVM_ENDPOINT: emulator.endpoint, LOG_LEVEL: 'error' };
  for (const name of [...readRoutes.map((route) => route.functionName), 'instances-create', 'instances-reboot']) {
    containers.set(name, loadFunction(name, env));
  }
  await emulator.control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
});

afterAll(async () => {
  sdk.close();
  await emulator.close();
});

describe('query parameters of the read routes', () => {
  const rows = readRoutes.map((route) => [route.functionName, route] as const);

  it.each(rows)('%s refuses a misspelt parameter with 400 InvalidParameter naming it', async (_name, route) => {
    const response = await container(route.functionName).invoke(
      apiGatewayEvent({ path: route.path, rawQuery: seedQuery(demo, { ...route.required, limt: '2' }) }),
    );

    expect(response.statusCode).toBe(400);
    const body = bodyOf(response);
    expect(body.error).toMatchObject({ code: 'InvalidParameter' });
    expect(errorFieldsOf(body)).toEqual([{ field: 'limt', message: 'is not a known parameter' }]);
  });

  it.each(rows)('%s accepts secretId and secretKey in the query string', async (_name, route) => {
    const response = await container(route.functionName).invoke(apiGatewayEvent({ path: route.path, rawQuery: seedQuery(demo, route.required) }));

    expect(response.statusCode).toBe(200);
  });

  it.each(['token', 'sessionToken'])('accepts a temporary key pair’s session token as the query parameter %s', async (name) => {
    const rawQuery = new URLSearchParams({ secretId: temporary.secretId, secretKey: temporary.secretKey, [name]: temporary.token, region: REGION });

    const response = await container('zones').invoke(apiGatewayEvent({ path: '/api/zones', rawQuery: rawQuery.toString() }));

    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(temporary.token);
  });
});

describe('query parameters of the body routes', () => {
  async function instanceTotal(): Promise<number> {
    return (await sdk.client.DescribeInstances({ Limit: 100 })).TotalCount ?? 0;
  }

  function createRequest(rawQuery: string) {
    const body = { ...demo, region: REGION, imageId: 'img-8toqc6s3', instanceType: 'S5.MEDIUM4' };
    return apiGatewayEvent({ method: 'POST', path: '/api/instances', rawQuery, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  it('refuses POST /api/instances?dryRun=true with 400 naming dryRun, and creates nothing', async () => {
    await emulator.control.reset();
    const response = await container('instances-create').invoke(createRequest('dryRun=true'));

    expect(response.statusCode).toBe(400);
    expect(errorFieldsOf(bodyOf(response))).toEqual([{ field: 'dryRun', message: 'is not a known parameter' }]);
    expect(await instanceTotal()).toBe(0);
  });

  it('still creates with ?wait=false and the credentials in the query string', async () => {
    await emulator.control.reset();
    await emulator.control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
    const response = await container('instances-create').invoke(createRequest(seedQuery(demo, { wait: 'false' })));

    expect(response.statusCode).toBe(200);
    expect(await instanceTotal()).toBe(1);
  });

  it('refuses PUT /api/instances/reboot?wait=true with 400 naming wait', async () => {
    const body = JSON.stringify({ ...demo, region: REGION, instanceIds: ['ins-r8hr2upy'] });
    const response = await container('instances-reboot').invoke(
      apiGatewayEvent({ method: 'PUT', path: '/api/instances/reboot', rawQuery: 'wait=true', headers: { 'Content-Type': 'application/json' }, body }),
    );

    expect(response.statusCode).toBe(400);
    expect(errorFieldsOf(bodyOf(response))).toEqual([{ field: 'wait', message: 'is not a known parameter' }]);
  });
});
