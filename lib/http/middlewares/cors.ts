/**
 * Cross-origin access for browser callers, off unless the deployment lists origins in
 * `CORS_ALLOW_ORIGINS` (lib/http/response-headers.ts holds the header values). Two phases:
 * - `before`: a preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered here, before the
 *   credentials step, since browsers send preflights without credentials: 204 with the CORS headers for
 *   an allowed origin, else 403. Returning early skips middy's `after` phase, so the preflight writes its
 *   own log line;
 * - `after` / `onError`: every other answer, errors included, gets the CORS headers for its origin. It is
 *   used outside the error-response middleware, whose `onError` has set the response by then.
 * With CORS on, every answer (preflights, answers without `Origin`, unlisted origins and `*` included)
 * carries `Vary: Origin`: they all depend on the request's `Origin`, and a shared cache must not hand an
 * answer made for one origin (or for none, without `Access-Control-Allow-Origin`) to a request from another.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import { ApiError } from '../../errors/api-error';
import type { Invocation } from '../invocation';
import { emptyResponse, jsonResponse, type IntegratedResponse } from '../response';
import { corsHeaders, isAllowedOrigin, preflightHeaders } from '../response-headers';

type StackRequest = Request<Invocation, IntegratedResponse>;

/**
 * `vary` with `Origin` added unless it is already listed.
 *
 * @example
 * varyWithOrigin('Authorization, X-TC-Token') // 'Authorization, X-TC-Token, Origin'
 * varyWithOrigin(undefined) // 'Origin'
 */
function varyWithOrigin(vary: string | undefined): string {
  const names = (vary ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  return names.some((name) => name.toLowerCase() === 'origin') ? names.join(', ') : [...names, 'Origin'].join(', ');
}

function originNotAllowed(origin: string): ApiError {
  return new ApiError(403, 'OriginNotAllowed', `Cross-origin requests from ${origin} are not allowed by this deployment.`, {
    fields: [{ field: 'Origin', message: 'is not listed in CORS_ALLOW_ORIGINS' }],
  });
}

/**
 * @example
 * middy(handler).use(corsPreflightMiddleware()) // after the config and normalize steps
 */
function corsPreflightMiddleware(): MiddlewareObj<Invocation, IntegratedResponse> {
  function corsPreflightBefore(request: StackRequest): IntegratedResponse | undefined {
    const invocation = request.event;
    const http = invocation.request;
    if (http?.method !== 'OPTIONS' || http.headers['access-control-request-method'] === undefined) return undefined;
    const origin = http.headers.origin ?? '';
    const allowed = invocation.config?.corsAllowOrigins ?? [];
    const varyHeader: Record<string, string> = allowed.length === 0 ? {} : { Vary: 'Origin' };
    const response = isAllowedOrigin(origin, allowed)
      ? emptyResponse(204, { ...corsHeaders(origin, allowed), ...varyHeader, ...preflightHeaders(), 'X-Request-Id': invocation.requestId })
      : jsonResponse(403, originNotAllowed(origin).toBody(invocation.requestId), { ...varyHeader, 'X-Request-Id': invocation.requestId });
    invocation.log.info('request', { route: `OPTIONS ${http.path}`, trigger: http.trigger, status: response.statusCode, preflight: true });
    return response;
  }
  return { before: corsPreflightBefore };
}

/**
 * @example
 * middy(handler).use(accessLogMiddleware(now)).use(corsHeadersMiddleware()).use(errorResponseMiddleware())
 */
function corsHeadersMiddleware(): MiddlewareObj<Invocation, IntegratedResponse> {
  function corsHeadersAfter(request: StackRequest): void {
    const { response, event: invocation } = request;
    const allowed = invocation.config?.corsAllowOrigins ?? [];
    if (response === undefined || response === null || allowed.length === 0) return;
    const cors = corsHeaders(invocation.request?.headers.origin, allowed);
    // The cache's `Vary` (credential headers) and ours (`Origin`) both hold: the answer depends on each.
    request.response = { ...response, headers: { ...response.headers, ...cors, Vary: varyWithOrigin(response.headers.Vary) } };
  }
  return { after: corsHeadersAfter, onError: corsHeadersAfter };
}

export { corsHeadersMiddleware, corsPreflightMiddleware };
