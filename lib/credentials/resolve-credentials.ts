/**
 * Finds the credentials for one request, in this order:
 * 1. `Authorization: Basic base64(secretId:secretKey)`;
 * 2. `secretId` / `secretKey` in the JSON body (POST/PUT, as the seed's later routes do);
 * 3. `secretId` / `secretKey` in the query string (as the seed's curl commands do), unless the
 *    deployment refuses them (`ALLOW_QUERY_CREDENTIALS=false` → 403);
 * 4. the function's execution role, if the deployment opted in (`USE_FUNCTION_ROLE_CREDENTIALS=true`):
 *    SCF injects `TENCENTCLOUD_SECRETID` / `TENCENTCLOUD_SECRETKEY` / `TENCENTCLOUD_SESSIONTOKEN`
 *    (reference §6.6), names the SDK's own environment provider does not read (§3.3).
 * A session token for temporary keys comes from the `X-TC-Token` header (Tencent's own name for it,
 * reference §1.1) or `token` / `sessionToken` beside the keys. No message ever repeats a value.
 */
import { ApiError, type FieldProblem } from '../errors/api-error';
import { parseBasicAuthorization } from './basic-authorization';

export type CredentialSource = 'authorization-header' | 'body' | 'query' | 'function-role';

export interface Credentials {
  readonly secretId: string;
  readonly secretKey: string;
  readonly token: string | undefined;
  readonly source: CredentialSource;
  /** Every value of this request that must never be shown: key, token, encoded header. */
  readonly secrets: readonly string[];
}

export interface CredentialPolicy {
  readonly allowQueryCredentials: boolean;
  readonly useFunctionRoleCredentials: boolean;
}

export interface CredentialSources {
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** The parsed JSON body when the request has one, else `undefined`. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** The function's environment, for the execution role's keys. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Printable ASCII without spaces: the keys travel in HTTP headers, so nothing else may pass. */
const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;
const TOKEN_PATTERN = /^[\x21-\x7e]{1,8192}$/;
const TOKEN_HEADER = 'x-tc-token';
const ACCEPTED =
  'send Authorization: Basic base64(secretId:secretKey), or secretId and secretKey in the query string (GET) or JSON body (POST/PUT)';
const ACCEPTED_WITHOUT_QUERY = 'send Authorization: Basic base64(secretId:secretKey), or secretId and secretKey in the JSON body (POST/PUT)';

type Values = Readonly<Record<string, unknown>>;

function missing(problems: readonly FieldProblem[], allowQuery: boolean): ApiError {
  return new ApiError(401, 'MissingCredentials', `Credentials are required: ${allowQuery ? ACCEPTED : ACCEPTED_WITHOUT_QUERY}.`, {
    fields: problems,
  });
}

function checked(field: string, value: unknown, pattern: RegExp): string {
  if (typeof value === 'string' && pattern.test(value)) return value;
  const problem = typeof value === 'string' && value.length > 0 ? 'has an invalid form' : 'must be a non-empty string';
  throw new ApiError(401, 'InvalidCredentials', `The credential ${field} ${problem}.`, { fields: [{ field, message: problem }] });
}

function tokenFrom(sources: CredentialSources, values: Values | undefined): string | undefined {
  const token = sources.headers[TOKEN_HEADER] ?? values?.token ?? values?.sessionToken;
  if (token === undefined || token === '') return undefined;
  return checked(sources.headers[TOKEN_HEADER] === undefined ? 'token' : 'X-TC-Token', token, TOKEN_PATTERN);
}

function build(
  secretId: unknown,
  secretKey: unknown,
  token: string | undefined,
  source: CredentialSource,
  extraSecrets: readonly string[] = [],
): Credentials {
  const id = checked('secretId', secretId, KEY_PATTERN);
  const key = checked('secretKey', secretKey, KEY_PATTERN);
  return { secretId: id, secretKey: key, token, source, secrets: [key, ...(token === undefined ? [] : [token]), ...extraSecrets] };
}

function hasKeys(values: Values | undefined): values is Values {
  return values !== undefined && (values.secretId !== undefined || values.secretKey !== undefined);
}

function fromKeyPair(values: Values, sources: CredentialSources, source: CredentialSource, allowQuery: boolean): Credentials {
  const absent = (['secretId', 'secretKey'] as const).filter((field) => values[field] === undefined || values[field] === '');
  if (absent.length > 0) {
    throw missing(
      absent.map((field) => ({ field, message: 'is required' })),
      allowQuery,
    );
  }
  return build(values.secretId, values.secretKey, tokenFrom(sources, values), source);
}

function fromFunctionRole(env: CredentialSources['env']): Credentials {
  const secretId = env.TENCENTCLOUD_SECRETID;
  const secretKey = env.TENCENTCLOUD_SECRETKEY;
  if (!secretId || !secretKey) {
    throw new ApiError(
      500,
      'FunctionRoleCredentialsUnavailable',
      'The deployment uses the function role, but TENCENTCLOUD_SECRETID/TENCENTCLOUD_SECRETKEY are not set: bind an execution role to the function.',
      { expose: true },
    );
  }
  const token = env.TENCENTCLOUD_SESSIONTOKEN || undefined;
  return build(secretId, secretKey, token === undefined ? undefined : checked('TENCENTCLOUD_SESSIONTOKEN', token, TOKEN_PATTERN), 'function-role');
}

/**
 * @example
 * resolveCredentials(
 *   { headers: {}, query: { secretId: 'AKID…', secretKey: '…' }, body: undefined, env: process.env },
 *   { allowQueryCredentials: true, useFunctionRoleCredentials: false },
 * ).source // 'query'
 */
function resolveCredentials(sources: CredentialSources, policy: CredentialPolicy): Credentials {
  if (!policy.allowQueryCredentials && hasKeys(sources.query)) {
    throw new ApiError(
      403,
      'QueryCredentialsRefused',
      'This deployment refuses credentials in the query string (URLs end up in logs and histories): send Authorization: Basic base64(secretId:secretKey) instead.',
      { fields: [{ field: sources.query.secretKey === undefined ? 'secretId' : 'secretKey', message: 'not accepted in the query string' }] },
    );
  }
  const authorization = sources.headers.authorization;
  if (authorization !== undefined && authorization !== '') {
    const basic = parseBasicAuthorization(authorization);
    return build(basic.secretId, basic.secretKey, tokenFrom(sources, sources.body ?? sources.query), 'authorization-header', [basic.encoded]);
  }
  if (hasKeys(sources.body)) return fromKeyPair(sources.body, sources, 'body', policy.allowQueryCredentials);
  if (hasKeys(sources.query)) return fromKeyPair(sources.query, sources, 'query', policy.allowQueryCredentials);
  if (policy.useFunctionRoleCredentials) return fromFunctionRole(sources.env);
  throw missing([], policy.allowQueryCredentials);
}

export { TOKEN_HEADER, resolveCredentials };
