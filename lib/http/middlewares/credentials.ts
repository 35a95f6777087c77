/**
 * Resolves the caller's credentials under the deployment's policy (lib/credentials), tells the logger
 * which values to scrub from now on, and opens the request's CVM session with them.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import { TOKEN_HEADER, resolveCredentials } from '../../credentials/resolve-credentials';
import { createCvmSession } from '../../cvm/cvm-session';
import { retryPolicyForAction } from '../../cvm/retry-policy';
import { functionDeadlineAt } from '../function-deadline';
import { filled, type Invocation } from '../invocation';
import type { IntegratedResponse } from '../response';

const SECRET_FIELDS = ['secretKey', 'token', 'sessionToken'] as const;

/** Every value in the request that is, or encodes, a secret, wherever the caller put it. */
function candidateSecrets(
  headers: Readonly<Record<string, string>>,
  query: Readonly<Record<string, string>>,
  json: Readonly<Record<string, unknown>> | undefined,
): string[] {
  const values: unknown[] = [headers.authorization?.replace(/^\S+\s+/, ''), headers[TOKEN_HEADER]];
  for (const field of SECRET_FIELDS) values.push(query[field], json?.[field]);
  return values.filter((value): value is string => typeof value === 'string');
}

function credentialsMiddleware(env: Readonly<Record<string, string | undefined>>): MiddlewareObj<Invocation, IntegratedResponse> {
  function credentialsBefore(request: Request<Invocation, IntegratedResponse>): void {
    const invocation = request.event;
    const http = filled(invocation.request, 'request');
    const config = filled(invocation.config, 'config');
    // Before resolving: a refused or malformed credential must be scrubbed from the failure's log line too.
    invocation.log.addSecrets(candidateSecrets(http.headers, http.query, invocation.json));
    const credentials = resolveCredentials({ headers: http.headers, query: http.query, body: invocation.json, env }, config);
    invocation.log.addSecrets(credentials.secrets);
    invocation.credentials = credentials;
    invocation.cvm = createCvmSession({
      config,
      credentials,
      log: invocation.log,
      // Every read route retries its Describe calls unless a call says otherwise.
      defaultRetry: retryPolicyForAction,
      deadlineAt: functionDeadlineAt(invocation.context, Date.now()),
    });
  }
  return { before: credentialsBefore };
}

export { credentialsMiddleware };
