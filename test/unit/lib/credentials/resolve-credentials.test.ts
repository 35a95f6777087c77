import { ApiError } from '../../../../lib/errors/api-error';
import { resolveCredentials, type CredentialPolicy, type CredentialSources } from '../../../../lib/credentials/resolve-credentials';

const ID = 'AKIDLOCALEMULATORDEMOKEY000000000000';
const KEY = 'LocalEmulatorDemoSecretKey000000';
const OTHER_ID = 'AKIDOTHERACCOUNTKEY00000000000000000';
const OTHER_KEY = 'OtherAccountSecretKey00000000000';
const basic = (id: string, key: string) => `Basic ${Buffer.from(`${id}:${key}`).toString('base64')}`;

const seedPolicy: CredentialPolicy = { allowQueryCredentials: true, useFunctionRoleCredentials: false };

function sources(overrides: Partial<CredentialSources>): CredentialSources {
  return { headers: {}, query: {}, body: undefined, env: {}, ...overrides };
}

function failureOf(input: Partial<CredentialSources>, policy: CredentialPolicy = seedPolicy): ApiError {
  try {
    resolveCredentials(sources(input), policy);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('resolveCredentials', () => {
  it('takes secretId/secretKey from the query string, as the seed’s curl commands send them', () => {
    expect(resolveCredentials(sources({ query: { secretId: ID, secretKey: KEY, region: 'ap-guangzhou' } }), seedPolicy)).toEqual({
      secretId: ID,
      secretKey: KEY,
      token: undefined,
      source: 'query',
      secrets: [KEY],
    });
  });

  it('takes them from the JSON body of POST/PUT requests', () => {
    expect(resolveCredentials(sources({ body: { secretId: ID, secretKey: KEY, region: 'ap-guangzhou' } }), seedPolicy)).toMatchObject({
      secretId: ID,
      source: 'body',
    });
  });

  it('prefers Authorization: Basic over the body and the query, and treats the encoded header as a secret', () => {
    const header = basic(OTHER_ID, OTHER_KEY);
    const credentials = resolveCredentials(
      sources({ headers: { authorization: header }, query: { secretId: ID, secretKey: KEY }, body: { secretId: ID, secretKey: KEY } }),
      seedPolicy,
    );
    expect(credentials).toEqual({
      secretId: OTHER_ID,
      secretKey: OTHER_KEY,
      token: undefined,
      source: 'authorization-header',
      secrets: [OTHER_KEY, header.slice('Basic '.length)],
    });
  });

  it('prefers the body over the query', () => {
    expect(
      resolveCredentials(sources({ query: { secretId: ID, secretKey: KEY }, body: { secretId: OTHER_ID, secretKey: OTHER_KEY } }), seedPolicy).secretId,
    ).toBe(OTHER_ID);
  });

  it.each([
    ['the X-TC-Token header', { headers: { authorization: basic(ID, KEY), 'x-tc-token': 'session-token-1234' } }],
    ['token beside the query keys', { query: { secretId: ID, secretKey: KEY, token: 'session-token-1234' } }],
    ['sessionToken beside the body keys', { body: { secretId: ID, secretKey: KEY, sessionToken: 'session-token-1234' } }],
    ['a query token with Basic keys', { headers: { authorization: basic(ID, KEY) }, query: { token: 'session-token-1234' } }],
  ])('reads a session token from %s and counts it as a secret', (_, input) => {
    const credentials = resolveCredentials(sources(input), seedPolicy);
    expect(credentials.token).toBe('session-token-1234');
    expect(credentials.secrets).toContain('session-token-1234');
  });

  it('answers 401 MissingCredentials listing every accepted way when there are none', () => {
    const error = failureOf({ query: { region: 'ap-guangzhou' } });
    expect(error.status).toBe(401);
    expect(error.toBody('r')).toEqual({
      error: {
        code: 'MissingCredentials',
        message:
          'Credentials are required: send Authorization: Basic base64(secretId:secretKey), or secretId and secretKey in the query string (GET) or JSON body (POST/PUT).',
      },
      requestId: 'r',
    });
  });

  it.each([
    [{ secretId: ID }, ['secretKey']],
    [{ secretKey: KEY }, ['secretId']],
    [{ secretId: '', secretKey: KEY }, ['secretId']],
  ])('answers 401 naming the missing half of %j', (query, missing) => {
    const error = failureOf({ query });
    expect([error.status, error.code]).toEqual([401, 'MissingCredentials']);
    expect(error.fields?.map((problem) => problem.field)).toEqual(missing);
  });

  it.each([
    ['a number', { body: { secretId: 12345, secretKey: KEY } }, 'secretId', 'must be a non-empty string'],
    ['a space', { query: { secretId: ID, secretKey: 'has a space in it' } }, 'secretKey', 'has an invalid form'],
    ['a line break', { query: { secretId: `${ID}\r\nX-Evil: 1`, secretKey: KEY } }, 'secretId', 'has an invalid form'],
    ['an over-long key', { query: { secretId: ID, secretKey: 'k'.repeat(129) } }, 'secretKey', 'has an invalid form'],
    ['an empty Basic key', { headers: { authorization: basic(ID, '') } }, 'secretKey', 'must be a non-empty string'],
    ['a token with a line break', { headers: { authorization: basic(ID, KEY), 'x-tc-token': 'a\nb' } }, 'X-TC-Token', 'has an invalid form'],
  ])('answers 401 InvalidCredentials for %s without echoing the value', (_, input, field, message) => {
    const error = failureOf(input);
    expect([error.status, error.code]).toEqual([401, 'InvalidCredentials']);
    expect(error.fields).toEqual([{ field, message }]);
    expect(error.message).toBe(`The credential ${field} ${message}.`);
  });

  describe('with query credentials refused (ALLOW_QUERY_CREDENTIALS=false)', () => {
    const strict: CredentialPolicy = { allowQueryCredentials: false, useFunctionRoleCredentials: false };

    it('answers 403 with advice to use the Authorization header', () => {
      const error = failureOf({ query: { secretId: ID, secretKey: KEY } }, strict);
      expect([error.status, error.code]).toEqual([403, 'QueryCredentialsRefused']);
      expect(error.message).toContain('Authorization: Basic');
      expect(error.fields).toEqual([{ field: 'secretKey', message: 'not accepted in the query string' }]);
    });

    it('refuses a lone secretId in the query too', () => {
      expect(failureOf({ query: { secretId: ID } }, strict).fields).toEqual([{ field: 'secretId', message: 'not accepted in the query string' }]);
    });

    it('still accepts the header and the body, and no longer advertises the query string', () => {
      expect(resolveCredentials(sources({ headers: { authorization: basic(ID, KEY) } }), strict).source).toBe('authorization-header');
      expect(resolveCredentials(sources({ body: { secretId: ID, secretKey: KEY } }), strict).source).toBe('body');
      expect(failureOf({}, strict).message).toBe(
        'Credentials are required: send Authorization: Basic base64(secretId:secretKey), or secretId and secretKey in the JSON body (POST/PUT).',
      );
    });
  });

  describe('with the function role opted in (USE_FUNCTION_ROLE_CREDENTIALS=true)', () => {
    const rolePolicy: CredentialPolicy = { allowQueryCredentials: true, useFunctionRoleCredentials: true };
    const roleEnv = { TENCENTCLOUD_SECRETID: OTHER_ID, TENCENTCLOUD_SECRETKEY: OTHER_KEY, TENCENTCLOUD_SESSIONTOKEN: 'role-session-token' };

    it('uses the keys SCF injects (§6.6) when the caller sends none', () => {
      expect(resolveCredentials(sources({ env: roleEnv }), rolePolicy)).toEqual({
        secretId: OTHER_ID,
        secretKey: OTHER_KEY,
        token: 'role-session-token',
        source: 'function-role',
        secrets: [OTHER_KEY, 'role-session-token'],
      });
    });

    it('does not read the SDK’s differently named variables (§3.3)', () => {
      const error = failureOf({ env: { TENCENTCLOUD_SECRET_ID: OTHER_ID, TENCENTCLOUD_SECRET_KEY: OTHER_KEY } }, rolePolicy);
      expect([error.status, error.code, error.expose]).toEqual([500, 'FunctionRoleCredentialsUnavailable', true]);
    });

    it('works without a session token', () => {
      expect(resolveCredentials(sources({ env: { ...roleEnv, TENCENTCLOUD_SESSIONTOKEN: '' } }), rolePolicy).token).toBeUndefined();
    });

    it('still lets a caller use their own keys', () => {
      expect(resolveCredentials(sources({ env: roleEnv, query: { secretId: ID, secretKey: KEY } }), rolePolicy).secretId).toBe(ID);
    });
  });
});
