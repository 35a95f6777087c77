import { errorReply, harnessHeaders } from '../harness/error-reply';
import type { FunctionRunner } from '../harness/function-runner';
import type { HttpReply } from '../harness/integrated-response';
import { replyForOutcome } from '../harness/outcome-reply';
import { fireTimer, NoTimerTriggerError } from './fire-timer';

/**
 * `POST /_harness/timers/<function>` on the local harness: fires the function's serverless.yml timer
 * now, as SCF would at its scheduled time, and answers `200 {function, event, result, durationMs}`
 * with what the function returned. Failures answer like any harness route: 502 when it threw, 504 on
 * its timeout, 404 for a function without a timer trigger, 405 for another method.
 */

const TIMER_ROUTE = /^\/_harness\/timers\/([A-Za-z][A-Za-z0-9_-]{0,59})$/;

export interface TimerRouteReply {
  readonly reply: HttpReply;
  readonly functionName: string;
}

function jsonReply(statusCode: number, body: unknown, requestId: string): HttpReply {
  return {
    statusCode,
    headers: harnessHeaders(requestId, { 'Content-Type': 'application/json; charset=utf-8' }),
    body: Buffer.from(JSON.stringify(body)),
  };
}

/** The reply for a timer route, or undefined when `path` is not one. */
async function timerRouteReply(
  method: string,
  path: string,
  runner: FunctionRunner,
  requestId: string,
  now: () => Date = () => new Date(),
): Promise<TimerRouteReply | undefined> {
  const functionName = TIMER_ROUTE.exec(path)?.[1];
  if (functionName === undefined) return undefined;
  if (method !== 'POST') {
    const reply = errorReply(405, 'MethodNotAllowed', `${method} is not allowed on ${path}; allowed: POST`, requestId, { Allow: 'POST' });
    return { reply, functionName };
  }
  try {
    const { event, outcome } = await fireTimer(runner, functionName, now(), requestId);
    const reply =
      outcome.kind === 'returned'
        ? jsonReply(200, { function: functionName, event, result: outcome.value, durationMs: outcome.durationMs }, requestId)
        : replyForOutcome(outcome, functionName, requestId);
    return { reply, functionName };
  } catch (error) {
    if (!(error instanceof NoTimerTriggerError)) throw error;
    return { reply: errorReply(404, 'NotFound', error.message, requestId), functionName };
  }
}

export { timerRouteReply };
