/**
 * One HTTP invocation as it travels through the middy stack. The stack's middlewares fill it in order
 * (config → request → credentials → input → CVM session); the route's `handle` then receives the
 * finished parts. It is middy's `event`, the way Powertools' parser replaces the event with its parse:
 * nothing after the normalizer looks at raw SCF fields.
 */
import type { Config } from '../config';
import type { Credentials } from '../credentials/resolve-credentials';
import type { CvmSession } from '../cvm/cvm-session';
import { InternalError } from '../errors/api-error';
import { createLogger, type Logger } from '../log/logger';
import type { HttpRequest } from './http-request';
import type { ScfContext } from './scf-context';

export interface Invocation {
  readonly rawEvent: unknown;
  readonly context: ScfContext;
  /** SCF's request id for the invocation, else one of our own: on every log line and error body. */
  readonly requestId: string;
  readonly startedAt: number;
  log: Logger;
  config: Config | undefined;
  request: HttpRequest | undefined;
  /** The JSON body of POST/PUT requests; `undefined` for GET. */
  json: Record<string, unknown> | undefined;
  credentials: Credentials | undefined;
  query: unknown;
  body: unknown;
  cvm: CvmSession | undefined;
}

/**
 * @example
 * const invocation = createInvocation(event, context, Date.now);
 */
function createInvocation(rawEvent: unknown, context: ScfContext, now: () => number): Invocation {
  const requestId = context.request_id || crypto.randomUUID();
  return {
    rawEvent,
    context,
    requestId,
    startedAt: now(),
    log: createLogger({ level: 'info', base: { function: context.function_name ?? '', requestId } }),
    config: undefined,
    request: undefined,
    json: undefined,
    credentials: undefined,
    query: undefined,
    body: undefined,
    cvm: undefined,
  };
}

/**
 * A part an earlier middleware must have set. Missing means the stack is wired wrong: a 500, not a 4xx.
 *
 * @example
 * const request = filled(invocation.request, 'request');
 */
function filled<T>(value: T | undefined, part: string): T {
  if (value === undefined) throw new InternalError(new Error(`middleware stack did not provide ${part}`));
  return value;
}

export { createInvocation, filled };
