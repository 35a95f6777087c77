/**
 * Cross-origin access for browser callers, off unless the deployment lists origins in
 * `CORS_ALLOW_ORIGINS` (lib/http/response-headers.ts holds the header values). Two phases:
 * - `before`: a preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered here, before the
 *   credentials step, since browsers send preflights without credentials: 204 with the CORS headers for
 *   an allowed origin, else 403. Returning early skips middy's `after` phase, so the preflight writes its
 *   own log line;
 * - `after` / `onError`: every other answer, errors included, gets the CORS headers for its origin. It is
 *   used outside the error-response middleware, whose `onError` has set the response by then.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import { ApiError } from '../../errors/api-error';
import type { Invocation } from '../invocation';
import { emptyResponse, jsonResponse, type IntegratedResponse } from '../response';
import { corsHeaders, isAllowedOrigin, preflightHeaders } from '../response-headers';

type StackRequest = Request<Invocation, IntegratedResponse>;

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
    const response = isAllowedOrigin(origin, allowed)
      ? emptyResponse(204, { ...corsHeaders(origin, allowed), ...preflightHeaders(), 'X-Request-Id': invocation.requestId })
      : jsonResponse(403, originNotAllowed(origin).toBody(invocation.requestId), { 'X-Request-Id': invocation.requestId });
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
    const vary = [response.headers.Vary, cors.Vary].filter((value) => value !== undefined).join(', ');
    request.response = { ...response, headers: { ...response.headers, ...cors, ...(vary === '' ? {} : { Vary: vary }) } };
  }
  return { after: corsHeadersAfter, onError: corsHeadersAfter };
}

export { corsHeadersMiddleware, corsPreflightMiddleware };
