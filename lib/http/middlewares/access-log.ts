/**
 * Writes one access line per request, after everything else ran (it is the outermost middleware): route,
 * status, duration, trigger, credential source and the upstream calls. Never the raw event, the query or
 * the body: they may hold credentials.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import type { Invocation } from '../invocation';
import type { IntegratedResponse } from '../response';

type StackRequest = Request<Invocation, IntegratedResponse>;

function accessLogMiddleware(now: () => number): MiddlewareObj<Invocation, IntegratedResponse> {
  function writeAccessLine(request: StackRequest): void {
    const invocation = request.event;
    const status = request.response?.statusCode ?? 500;
    invocation.log[status >= 500 ? 'error' : 'info']('request', {
      route: invocation.request === undefined ? undefined : `${invocation.request.method} ${invocation.request.path}`,
      trigger: invocation.request?.trigger,
      status,
      durationMs: now() - invocation.startedAt,
      clientIp: invocation.request?.clientIp,
      gatewayRequestId: invocation.request?.gatewayRequestId,
      credentialSource: invocation.credentials?.source,
      upstream: invocation.cvm?.calls ?? [],
    });
  }
  return { after: writeAccessLine, onError: writeAccessLine };
}

export { accessLogMiddleware };
