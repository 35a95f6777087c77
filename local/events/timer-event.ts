import type { TimerEvent } from './types';

/** What a timer trigger is configured with (serverless.yml `timer` event, reference §7). */
export interface TimerTrigger {
  /** The trigger's name: ≤ 60 characters of `a-z A-Z 0-9 - _`, starting with a letter (§6.5). */
  readonly triggerName: string;
  /** The trigger's optional user string; SCF sends `""` when unset (§6.5). */
  readonly message?: string;
}

const TRIGGER_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

/**
 * Builds the timer trigger event of reference §6.5 for a firing at `firedAt`:
 * `{ Type: "Timer", TriggerName, Time: "2019-02-21T11:49:00Z", Message }` (UTC, whole seconds).
 */
function buildTimerEvent(trigger: TimerTrigger, firedAt: Date): TimerEvent {
  if (!TRIGGER_NAME_PATTERN.test(trigger.triggerName)) {
    throw new RangeError(
      `timer trigger name "${trigger.triggerName}" must be 1-60 characters of A-Z a-z 0-9 - _ starting with a letter`,
    );
  }
  return {
    Type: 'Timer',
    TriggerName: trigger.triggerName,
    Time: `${firedAt.toISOString().slice(0, 19)}Z`,
    Message: trigger.message ?? '',
  };
}

export { buildTimerEvent };
