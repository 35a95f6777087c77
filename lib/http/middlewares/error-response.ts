/**
 * Turns any failure into the contract's JSON error (api-contract.md "Errors"). `ApiError`s render
 * themselves; anything else becomes an unexposed 500 whose detail only reaches the (redacted) log.
 * It sets the response instead of returning it, so that the access log's `onError` still runs.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import { toApiError } from '../../errors/api-error';
import type { Invocation } from '../invocation';
import { jsonResponse, type IntegratedResponse } from '../response';

function errorResponseMiddleware(): MiddlewareObj<Invocation, IntegratedResponse> {
  function errorResponseOnError(request: Request<Invocation, IntegratedResponse>): void {
    const invocation = request.event;
    const failure = toApiError(request.error);
    if (failure.status >= 500) {
      invocation.log.error('request failed', { code: failure.code, error: failure, cause: failure.cause });
    }
    request.response = jsonResponse(failure.status, failure.toBody(invocation.requestId), {
      ...failure.headers,
      'X-Request-Id': invocation.requestId,
    });
  }
  return { onError: errorResponseOnError };
}

export { errorResponseMiddleware };
