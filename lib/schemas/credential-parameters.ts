/**
 * The parameter names that carry the caller's credentials in a query string or a JSON body, as
 * lib/credentials/resolve-credentials.ts reads them: the key pair and a session token. Route schemas
 * accept them and drop them, so a credential never reaches a handler's input, and every other unknown
 * parameter is still refused.
 */
const CREDENTIAL_PARAMETER_NAMES = ['secretId', 'secretKey', 'token', 'sessionToken'] as const;

/**
 * `query` without its credential parameters.
 *
 * @example
 * withoutCredentials({ region: 'ap-guangzhou', secretId: 'AKID…', secretKey: '…' }) // { region: 'ap-guangzhou' }
 */
function withoutCredentials(query: Readonly<Record<string, string>>): Record<string, string> {
  const rest: Record<string, string> = { ...query };
  for (const name of CREDENTIAL_PARAMETER_NAMES) delete rest[name];
  return rest;
}

export { CREDENTIAL_PARAMETER_NAMES, withoutCredentials };
