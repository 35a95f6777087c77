/**
 * Reads the SCF event into an `HttpRequest` (lib/http/normalize-event.ts) and, for methods that carry
 * one, checks the body's size and media type (lib/http/request-body-policy.ts) before parsing it, once,
 * as JSON for the credentials and input steps.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import { filled, type Invocation } from '../invocation';
import { methodHasBody, parseJsonBody } from '../json-body';
import { normalizeEvent } from '../normalize-event';
import { assertAcceptableBody } from '../request-body-policy';
import type { IntegratedResponse } from '../response';

function normalizeRequestMiddleware(): MiddlewareObj<Invocation, IntegratedResponse> {
  function normalizeRequestBefore(request: Request<Invocation, IntegratedResponse>): void {
    const invocation = request.event;
    const http = normalizeEvent(invocation.rawEvent);
    invocation.request = http;
    if (!methodHasBody(http.method)) return;
    assertAcceptableBody(http, filled(invocation.config, 'config').maxBodyBytes);
    invocation.json = parseJsonBody(http.body);
  }
  return { before: normalizeRequestBefore };
}

export { normalizeRequestMiddleware };
