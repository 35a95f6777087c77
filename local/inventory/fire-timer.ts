import { buildTimerEvent } from '../events/timer-event';
import type { TimerEvent } from '../events/types';
import type { FunctionRunner, RunOutcome } from '../harness/function-runner';

/**
 * Fires a function's timer trigger on demand, as SCF does at the scheduled time (reference §6.5): the
 * event carries the trigger's name and message from serverless.yml and `firedAt` as `Time`, and the
 * bundle runs through the same runner as every other local invocation. Used by `npm run inventory`;
 * the harness can expose it as a route (e.g. `POST /_harness/timers/<function>`).
 */

export interface TimerFiring {
  readonly event: TimerEvent;
  readonly outcome: RunOutcome;
}

export class NoTimerTriggerError extends Error {
  constructor(functionName: string) {
    super(`serverless.yml declares no timer trigger for function "${functionName}"`);
    this.name = 'NoTimerTriggerError';
  }
}

/** The function's first timer trigger as the event SCF would deliver at `firedAt`. */
function timerEventFor(runner: FunctionRunner, functionName: string, firedAt: Date): TimerEvent {
  const [trigger] = runner.settingsFor(functionName).timerTriggers;
  if (trigger === undefined) {
    throw new NoTimerTriggerError(functionName);
  }
  return buildTimerEvent({ triggerName: trigger.name, message: trigger.message }, firedAt);
}

async function fireTimer(runner: FunctionRunner, functionName: string, firedAt: Date, requestId: string): Promise<TimerFiring> {
  const event = timerEventFor(runner, functionName, firedAt);
  return { event, outcome: await runner.invoke(functionName, event, requestId) };
}

export { fireTimer, timerEventFor };
