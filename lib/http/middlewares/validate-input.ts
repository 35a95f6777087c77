/**
 * Validates the route's query and body against its zod/mini schemas; failures are a 400 naming every
 * offending field (lib/schemas/validate.ts). The schemas are strict, so an unknown parameter is a 400
 * (a misspelt `limt` must not silently list everything). The credential parameters, read by the
 * credentials step, are dropped from the query here and by the body schemas, so they never reach a
 * handler's input; a route without a query schema takes no other query parameter.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import * as z from 'zod/mini';
import { withoutCredentials } from '../../schemas/credential-parameters';
import { validateInput } from '../../schemas/validate';
import { filled, type Invocation } from '../invocation';
import type { IntegratedResponse } from '../response';

export interface InputSchemas {
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
}

const NO_QUERY_PARAMETERS = z.strictObject({});

function validateInputMiddleware(schemas: InputSchemas): MiddlewareObj<Invocation, IntegratedResponse> {
  function validateInputBefore(request: Request<Invocation, IntegratedResponse>): void {
    const invocation = request.event;
    const http = filled(invocation.request, 'request');
    invocation.query = validateInput(schemas.query ?? NO_QUERY_PARAMETERS, withoutCredentials(http.query), 'query');
    invocation.body = schemas.body === undefined ? {} : validateInput(schemas.body, invocation.json ?? {}, 'body');
  }
  return { before: validateInputBefore };
}

export { validateInputMiddleware };
