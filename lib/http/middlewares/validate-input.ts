/**
 * Validates the route's query and body against its zod/mini schemas; failures are a 400 naming every
 * offending field (lib/schemas/validate.ts). Unknown parameters are dropped by the schemas, so the
 * credentials never reach a handler's input.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import type * as z from 'zod/mini';
import { validateInput } from '../../schemas/validate';
import { filled, type Invocation } from '../invocation';
import type { IntegratedResponse } from '../response';

export interface InputSchemas {
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
}

function validateInputMiddleware(schemas: InputSchemas): MiddlewareObj<Invocation, IntegratedResponse> {
  function validateInputBefore(request: Request<Invocation, IntegratedResponse>): void {
    const invocation = request.event;
    const http = filled(invocation.request, 'request');
    invocation.query = schemas.query === undefined ? {} : validateInput(schemas.query, http.query, 'query');
    invocation.body = schemas.body === undefined ? {} : validateInput(schemas.body, invocation.json ?? {}, 'body');
  }
  return { before: validateInputBefore };
}

export { validateInputMiddleware };
