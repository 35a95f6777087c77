/**
 * Refusals through the BUILT bundles against the emulator: missing, malformed, refused and wrong
 * credentials, missing and unknown regions, bad parameters — each a 4xx JSON answer naming what is
 * wrong, none of them a 500.
 */
import { DEMO_CREDENTIALS, DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../local/emulator/accounts';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { apiGatewayEvent, bodyOf, functionUrlEvent, loadFunction, seedQuery, type FunctionContainer } from '../support/function-bundles';

const ACCOUNT = '100000000001';
const TEMP_ID = 'AKIDTEMPORARYSESSIONKEY0000000000000';
const TEMP_KEY = 'TemporarySessionSecretKey0000000';
const TEMP_TOKEN = 'temporary-session-token-0123456789';
const demo = { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY };
const basic = (id: string, key: string) => `Basic ${Buffer.from(`${id}:${key}`).toString('base64')}`;
const names = ['regions', 'zones', 'images', 'instance-types'] as const;
type Name = (typeof names)[number];

let emulator: TestEmulator;
let seedDeployment: Record<Name, FunctionContainer>;

function deploy(env: Readonly<Record<string, string>>): Record<Name, FunctionContainer> {
  return {
    regions: loadFunction('regions', env),
    zones: loadFunction('zones', env),
    images: loadFunction('images', env),
    'instance-types': loadFunction('instance-types', env),
  };
}

beforeAll(async () => {
  emulator = await startTestEmulator({
    rateLimits: false,
    credentials: `${DEMO_CREDENTIALS}@${ACCOUNT},${TEMP_ID}:${TEMP_KEY}:${TEMP_TOKEN}@${ACCOUNT}`,
  });
  seedDeployment = deploy({ CVM_ENDPOINT: emulator.endpoint, LOG_LEVEL: 'error' });
});

afterAll(() => emulator.close());

const pathOf = (name: Name) => `/api/${name}`;

describe('credentials', () => {
  it.each(names)('%s: no credentials → 401 MissingCredentials', async (name) => {
    const response = await seedDeployment[name].invoke(apiGatewayEvent({ path: pathOf(name), rawQuery: 'region=ap-guangzhou' }));
    expect(response.statusCode).toBe(401);
    expect(bodyOf(response).error).toMatchObject({ code: 'MissingCredentials' });
  });

  it.each(names)('%s: an unknown SecretId → 401 with the upstream code and RequestId', async (name) => {
    const response = await seedDeployment[name].invoke(
      apiGatewayEvent({
        path: pathOf(name),
        // /api/regions takes no region, so any parameter it does not know is a 400 before the keys are tried.
        rawQuery: seedQuery({ secretId: 'AKIDNOSUCHKEY000000000000000000000000', secretKey: DEMO_SECRET_KEY }, name === 'regions' ? {} : { region: 'ap-guangzhou' }),
      }),
    );
    expect(response.statusCode).toBe(401);
    const body = bodyOf(response);
    expect(body.error).toEqual({ code: 'AuthFailure.SecretIdNotFound', message: 'The SecretId is not found, please ensure that your SecretId is correct.' });
    expect(body.requestId).not.toBe(response.headers['X-Request-Id']);
  });

  it('a wrong SecretKey → 401 AuthFailure.SignatureFailure', async () => {
    const response = await seedDeployment.regions.invoke(
      apiGatewayEvent({ path: '/api/regions', rawQuery: seedQuery({ secretId: DEMO_SECRET_ID, secretKey: 'WrongSecretKeyWrongSecretKey0000' }) }),
    );
    expect([response.statusCode, bodyOf(response).error]).toEqual([401, expect.objectContaining({ code: 'AuthFailure.SignatureFailure' })]);
  });

  it('accepts Authorization: Basic instead of query credentials', async () => {
    const response = await seedDeployment.zones.invoke(
      functionUrlEvent({ path: '/api/zones', rawQuery: 'region=ap-guangzhou', headers: { Authorization: basic(DEMO_SECRET_ID, DEMO_SECRET_KEY) } }),
    );
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response).totalCount).toBe('7');
  });

  it('accepts temporary keys with their token in X-TC-Token, and refuses them without it', async () => {
    const withToken = await seedDeployment.regions.invoke(
      apiGatewayEvent({ path: '/api/regions', headers: { Authorization: basic(TEMP_ID, TEMP_KEY), 'X-TC-Token': TEMP_TOKEN } }),
    );
    expect(withToken.statusCode).toBe(200);
    const withoutToken = await seedDeployment.regions.invoke(apiGatewayEvent({ path: '/api/regions', headers: { Authorization: basic(TEMP_ID, TEMP_KEY) } }));
    expect([withoutToken.statusCode, bodyOf(withoutToken).error]).toEqual([401, expect.objectContaining({ code: 'AuthFailure.TokenFailure' })]);
  });

  it('a malformed Authorization header → 401 naming the header', async () => {
    const response = await seedDeployment.regions.invoke(apiGatewayEvent({ path: '/api/regions', headers: { Authorization: 'Bearer abc' } }));
    expect(response.statusCode).toBe(401);
    expect(bodyOf(response).error).toMatchObject({ code: 'InvalidAuthorizationHeader', fields: [{ field: 'Authorization', message: 'does not use the Basic scheme' }] });
  });

  describe('with ALLOW_QUERY_CREDENTIALS=false', () => {
    let strict: Record<Name, FunctionContainer>;
    beforeAll(() => {
      strict = deploy({ CVM_ENDPOINT: emulator.endpoint, ALLOW_QUERY_CREDENTIALS: 'false', LOG_LEVEL: 'error' });
    });

    it('refuses the seed’s query credentials with 403 and advice', async () => {
      const response = await strict.regions.invoke(apiGatewayEvent({ path: '/api/regions', rawQuery: seedQuery(demo) }));
      expect(response.statusCode).toBe(403);
      expect(bodyOf(response).error).toMatchObject({ code: 'QueryCredentialsRefused' });
      expect(String((bodyOf(response).error as { message: string }).message)).toContain('Authorization: Basic');
    });

    it('still serves Authorization: Basic', async () => {
      const response = await strict.regions.invoke(apiGatewayEvent({ path: '/api/regions', headers: { Authorization: basic(DEMO_SECRET_ID, DEMO_SECRET_KEY) } }));
      expect(response.statusCode).toBe(200);
    });
  });

  describe('with USE_FUNCTION_ROLE_CREDENTIALS=true', () => {
    it('serves callers without credentials with the role keys SCF injects (§6.6)', async () => {
      const role = deploy({
        CVM_ENDPOINT: emulator.endpoint,
        USE_FUNCTION_ROLE_CREDENTIALS: 'true',
        TENCENTCLOUD_SECRETID: TEMP_ID,
        TENCENTCLOUD_SECRETKEY: TEMP_KEY,
        TENCENTCLOUD_SESSIONTOKEN: TEMP_TOKEN,
        LOG_LEVEL: 'error',
      });
      const response = await role.zones.invoke(apiGatewayEvent({ path: '/api/zones', rawQuery: 'region=ap-beijing' }));
      expect(response.statusCode).toBe(200);
      expect(bodyOf(response).totalCount).toBe('8');
    });
  });
});

describe('region and other input', () => {
  it.each(['zones', 'images', 'instance-types'] as const)('%s: no region → 400 naming region', async (name) => {
    const response = await seedDeployment[name].invoke(apiGatewayEvent({ path: pathOf(name), rawQuery: seedQuery(demo) }));
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).error).toEqual({
      code: 'InvalidParameter',
      message: 'Invalid request parameters: region.',
      fields: [{ field: 'region', message: 'is required' }],
    });
  });

  it.each(['zones', 'images', 'instance-types'] as const)('%s: an unknown region → 400 naming region, with the upstream code', async (name) => {
    const response = await seedDeployment[name].invoke(apiGatewayEvent({ path: pathOf(name), rawQuery: seedQuery(demo, { region: 'ap-atlantis' }) }));
    expect(response.statusCode).toBe(400);
    const error = bodyOf(response).error as { code: string; fields: { field: string }[] };
    expect(error.code).toBe('InvalidParameterValue');
    expect(error.fields.map((problem) => problem.field)).toEqual(['region']);
  });

  it.each([
    ['zones', 'region=AP%20GUANGZHOU', 'region', 'must be a region id such as ap-guangzhou'],
    ['zones', 'region=ap-guangzhou&region=ap-beijing', 'region', 'must be given once, as a single value'],
    ['images', 'region=ap-guangzhou&limit=500', 'limit', 'must be a whole number from 1 to 100'],
    ['images', 'region=ap-guangzhou&offset=-1', 'offset', 'must be a whole number from 0 to 100000000'],
    ['images', 'region=ap-guangzhou&imageType=MINE', 'imageType', 'must be PUBLIC_IMAGE, PRIVATE_IMAGE or SHARED_IMAGE'],
    ['instance-types', 'region=ap-guangzhou&zone=guangzhou', 'zone', 'must be a zone id such as ap-guangzhou-3'],
  ] as const)('%s?%s → 400 naming %s', async (name, rawQuery, field, message) => {
    const response = await seedDeployment[name].invoke(apiGatewayEvent({ path: pathOf(name), rawQuery: `${seedQuery(demo)}&${rawQuery}` }));
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).error).toMatchObject({ code: 'InvalidParameter', fields: [{ field, message }] });
  });

  it('a zone of another region → 400 from upstream naming zone', async () => {
    const response = await seedDeployment['instance-types'].invoke(
      apiGatewayEvent({ path: '/api/instance-types', rawQuery: seedQuery(demo, { region: 'ap-guangzhou', zone: 'ap-beijing-3' }) }),
    );
    expect(response.statusCode).toBe(400);
    expect((bodyOf(response).error as { fields?: { field: string }[] }).fields?.map((problem) => problem.field)).toEqual(['zone']);
  });
});
