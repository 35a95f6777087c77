/**
 * `httpHandler()`: the one factory every HTTP function is built with. A route supplies its input
 * schemas and one `handle` function (call the CVM API, map the answer); the factory wraps it in the
 * shared middy stack, so every route parses events, resolves credentials, validates, logs and renders
 * errors the same way.
 */
import middy from '@middy/core';
import type { Context as LambdaContext } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { RouteAnswer, RouteCache } from '../cache/route-cache';
import type { Config } from '../config';
import { ApiError } from '../errors/api-error';
import type { Credentials } from '../credentials/resolve-credentials';
import type { CvmSession } from '../cvm/cvm-session';
import type { Logger } from '../log/logger';
import { FUNCTION_DEADLINE_MARGIN_MS } from './function-deadline';
import type { HttpRequest } from './http-request';
import { createInvocation, filled, type Invocation } from './invocation';
import { accessLogMiddleware } from './middlewares/access-log';
import { corsHeadersMiddleware, corsPreflightMiddleware } from './middlewares/cors';
import { credentialsMiddleware } from './middlewares/credentials';
import { errorResponseMiddleware } from './middlewares/error-response';
import { loadConfigMiddleware } from './middlewares/load-config';
import { normalizeRequestMiddleware } from './middlewares/normalize-request';
import { validateInputMiddleware } from './middlewares/validate-input';
import { jsonResponse, type IntegratedResponse } from './response';
import type { ScfContext } from './scf-context';
import { StatusAnswer } from './status-answer';

/** What a route's `handle` receives: validated input and the request's CVM session. */
export interface HandlerArgs<TQuery, TBody> {
  /** The query string, parsed by the route's `query` schema (`{}` without one). */
  readonly query: TQuery;
  /** The JSON body, parsed by the route's `body` schema (`{}` without one). */
  readonly body: TBody;
  readonly cvm: CvmSession;
  readonly credentials: Credentials;
  readonly config: Config;
  readonly log: Logger;
  readonly request: HttpRequest;
}

export interface HttpHandlerOptions<TQuery, TBody, TResult> {
  readonly query?: z.ZodMiniType<TQuery>;
  readonly body?: z.ZodMiniType<TBody>;
  /**
   * Returns the 200 body, already in the contract's shape (use lib/mappers), or `answerWithStatus(…)`
   * for another success status (202). Throw `ApiError` for 4xx.
   */
  handle(args: HandlerArgs<TQuery, TBody>): Promise<TResult>;
  /**
   * For the slow-changing reads only: `createRouteCache({ route })` keeps 200 answers in the warm
   * container for the route's TTL, per caller and input (lib/cache/route-cache.ts). Passed in rather
   * than built here, so that the functions without a cache do not carry its code.
   */
  readonly cache?: RouteCache;
}

/** The exported `main_handler` of an SCF function (reference §6.1, async form). */
export type ScfHttpHandler = (event: unknown, context?: ScfContext) => Promise<IntegratedResponse>;

function functionDeadlineReached(): never {
  throw new ApiError(504, 'FunctionTimeout', 'The function ran out of time before the CVM API answered.');
}

/**
 * Builds a route's `main_handler`.
 *
 * @example
 * export const main_handler = httpHandler({
 *   query: z.object({ region }),
 *   handle: async ({ query, cvm }) =>
 *     toZonesBody(await cvm.call({ action: 'DescribeZones', region: query.region }, (client) => client.DescribeZones())),
 * });
 */
function httpHandler<TQuery = Record<string, never>, TBody = Record<string, never>, TResult = unknown>(
  options: HttpHandlerOptions<TQuery, TBody, TResult>,
): ScfHttpHandler {
  const now = Date.now;
  const routeCache = options.cache;

  async function routeHandler(invocation: Invocation): Promise<IntegratedResponse> {
    const args: HandlerArgs<TQuery, TBody> = {
      // The validate-input middleware parsed these with exactly the schemas typed TQuery and TBody.
      query: invocation.query as TQuery,
      body: invocation.body as TBody,
      cvm: filled(invocation.cvm, 'cvm'),
      credentials: filled(invocation.credentials, 'credentials'),
      config: filled(invocation.config, 'config'),
      log: invocation.log,
      request: filled(invocation.request, 'request'),
    };
    const produce = async (): Promise<RouteAnswer> => {
      const result = await options.handle(args);
      return result instanceof StatusAnswer ? result : new StatusAnswer(200, result);
    };
    const headers = { 'X-Request-Id': invocation.requestId };
    if (routeCache !== undefined) {
      return routeCache.respond({ credentials: args.credentials, request: args.request, input: { query: args.query, body: args.body } }, produce, headers);
    }
    const answer = await produce();
    return jsonResponse(answer.status, answer.body, headers);
  }

  // Ends the invocation with a clean 504 before SCF's own deadline would cut it off: middy's early
  // timeout reads `context.getRemainingTimeInMillis()`, which SCF's context has (§6.2).
  const stack = middy<Invocation, IntegratedResponse>(routeHandler, {
    timeoutEarlyInMillis: FUNCTION_DEADLINE_MARGIN_MS,
    timeoutEarlyResponse: functionDeadlineReached,
  })
    // after/onError run in reverse order of use: the access log sees the final response, errors included.
    .use(accessLogMiddleware(now))
    // CORS headers on every answer: its onError runs after the error response below has been set.
    .use(corsHeadersMiddleware())
    // Renders every failure below it, and of the handler, as the contract's JSON error.
    .use(errorResponseMiddleware())
    // Settings first: the logger's level and every later step depend on them.
    .use(loadConfigMiddleware())
    // Raw SCF event → HttpRequest; nothing after this reads SCF fields.
    .use(normalizeRequestMiddleware())
    // Browsers send CORS preflights without credentials: answered before the credentials step.
    .use(corsPreflightMiddleware())
    // Credentials before input validation: a caller without credentials gets 401 whatever else is wrong.
    .use(credentialsMiddleware(process.env))
    .use(validateInputMiddleware({ query: options.query, body: options.body }));

  return (event, context = {}) =>
    // middy is typed for AWS Lambda's context object; SCF's (§6.2) differs, and middy itself reads only
    // `getRemainingTimeInMillis`, which both have. Our middlewares read SCF's fields via `ScfContext`.
    stack(createInvocation(event, context, now), context as LambdaContext);
}

export { httpHandler };
