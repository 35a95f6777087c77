/**
 * `timerHandler()`: the factory for functions fired by an SCF timer trigger (reference §6.5). It
 * validates the event, reads the container's settings, resolves the function role's credentials
 * (SCF's `TENCENTCLOUD_SECRETID` / `TENCENTCLOUD_SECRETKEY` / `TENCENTCLOUD_SESSIONTOKEN`, §6.6) and
 * hands the function one logger that scrubs them. Timer invocations are asynchronous: nobody reads the
 * return value in SCF, so a failure is logged as one structured line and rethrown for SCF's own retry.
 */
import middy, { type MiddlewareObj, type Request } from '@middy/core';
import type { Context as LambdaContext } from 'aws-lambda';
import { getConfig, type Config } from '../config';
import { resolveCredentials, type Credentials } from '../credentials/resolve-credentials';
import { ApiError, toApiError } from '../errors/api-error';
import type { ScfContext } from '../http/scf-context';
import { createLogger, type Logger } from '../log/logger';
import { parseTimerEvent, type TimerEvent } from './timer-event';

export interface TimerHandlerArgs {
  readonly event: TimerEvent;
  readonly config: Config;
  readonly credentials: Credentials;
  readonly log: Logger;
  /** SCF's request id, else one of our own. */
  readonly requestId: string;
  /** Milliseconds before SCF ends the invocation (`Infinity` when the context does not say). */
  remainingTimeMs(): number;
}

export interface TimerHandlerOptions<TResult> {
  /** Overrides `process.env` (tests). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  handle(args: TimerHandlerArgs): Promise<TResult>;
}

export type ScfTimerHandler<TResult> = (event: unknown, context?: ScfContext) => Promise<TResult>;

interface TimerInvocation {
  readonly rawEvent: unknown;
  readonly context: ScfContext;
  readonly requestId: string;
  log: Logger;
  args: TimerHandlerArgs | undefined;
}

/** The role's keys are the only credentials a timer function has. */
const ROLE_ONLY = { allowQueryCredentials: false, useFunctionRoleCredentials: true };

function prepareMiddleware<TResult>(
  env: Readonly<Record<string, string | undefined>>,
): MiddlewareObj<TimerInvocation, TResult> {
  function timerPrepareBefore(request: Request<TimerInvocation, TResult>): void {
    const invocation = request.event;
    const config = getConfig();
    const log = createLogger({
      level: config.logLevel,
      base: { function: invocation.context.function_name ?? '', requestId: invocation.requestId },
    });
    invocation.log = log;
    const event = parseTimerEvent(invocation.rawEvent);
    const credentials = resolveCredentials({ headers: {}, query: {}, body: undefined, env }, ROLE_ONLY);
    log.addSecrets(credentials.secrets);
    const remaining = invocation.context.getRemainingTimeInMillis;
    invocation.args = {
      event,
      config,
      credentials,
      log,
      requestId: invocation.requestId,
      remainingTimeMs: () => (remaining === undefined ? Number.POSITIVE_INFINITY : remaining()),
    };
  }

  function timerPrepareOnError(request: Request<TimerInvocation, TResult>): void {
    const failure = toApiError(request.error);
    request.event.log.error('timer invocation failed', {
      code: failure.code,
      message: failure.message,
      ...(failure.fields === undefined ? {} : { fields: failure.fields }),
      cause: failure.cause,
    });
    // A clean error for SCF's record of the failed invocation: code and message, no upstream object.
    request.error = new ApiError(failure.status, failure.code, failure.message, { expose: failure.expose });
  }

  return { before: timerPrepareBefore, onError: timerPrepareOnError };
}

/**
 * @example
 * export const main_handler = timerHandler({
 *   handle: async ({ event, log }) => {
 *     log.info('fired', { trigger: event.triggerName, time: event.time });
 *     return { ok: true };
 *   },
 * });
 */
function timerHandler<TResult>(options: TimerHandlerOptions<TResult>): ScfTimerHandler<TResult> {
  async function runTimer(invocation: TimerInvocation): Promise<TResult> {
    if (invocation.args === undefined) {
      throw new Error('timer stack did not prepare the invocation');
    }
    return options.handle(invocation.args);
  }

  const stack = middy<TimerInvocation, TResult>(runTimer).use(prepareMiddleware<TResult>(options.env ?? process.env));

  return (event, context = {}) => {
    const requestId = context.request_id || crypto.randomUUID();
    const invocation: TimerInvocation = {
      rawEvent: event,
      context,
      requestId,
      log: createLogger({ level: 'info', base: { function: context.function_name ?? '', requestId } }),
      args: undefined,
    };
    // middy is typed for AWS Lambda's context; SCF's (§6.2) differs and middy reads nothing else of it here.
    return stack(invocation, context as LambdaContext);
  };
}

export { timerHandler };
