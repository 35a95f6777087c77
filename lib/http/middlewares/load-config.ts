/**
 * Reads the container's settings (once per container, lib/config.ts) and sets the log level from them.
 * A bad setting fails the request with a 500 whose detail (the variable's name) goes to the log only.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import { getConfig } from '../../config';
import { createLogger } from '../../log/logger';
import type { Invocation } from '../invocation';
import type { IntegratedResponse } from '../response';

function loadConfigMiddleware(): MiddlewareObj<Invocation, IntegratedResponse> {
  function loadConfigBefore(request: Request<Invocation, IntegratedResponse>): void {
    const invocation = request.event;
    const config = getConfig();
    invocation.config = config;
    invocation.log = createLogger({
      level: config.logLevel,
      base: { function: invocation.context.function_name ?? '', requestId: invocation.requestId },
    });
  }
  return { before: loadConfigBefore };
}

export { loadConfigMiddleware };
