/**
 * Reads the SCF event into an `HttpRequest` (lib/http/normalize-event.ts) and, for methods that carry
 * one, parses the JSON body once for the credentials and input steps.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import type { Invocation } from '../invocation';
import { methodHasBody, parseJsonBody } from '../json-body';
import { normalizeEvent } from '../normalize-event';
import type { IntegratedResponse } from '../response';

function normalizeRequestMiddleware(): MiddlewareObj<Invocation, IntegratedResponse> {
  function normalizeRequestBefore(request: Request<Invocation, IntegratedResponse>): void {
    const invocation = request.event;
    const http = normalizeEvent(invocation.rawEvent);
    invocation.request = http;
    invocation.json = methodHasBody(http.method) ? parseJsonBody(http.body) : undefined;
  }
  return { before: normalizeRequestBefore };
}

export { normalizeRequestMiddleware };
