/**
 * The SCF timer trigger event (reference §6.5):
 * `{ "Type": "Timer", "TriggerName": "EveryDay", "Time": "2019-02-21T11:49:00Z", "Message": "…" }`.
 * `Type` is compared without case (older docs write `timer`); `Message` may be `""`, null or absent.
 */
import * as z from 'zod/mini';
import { validateInput } from '../schemas/validate';

/** ≤ 60 characters of `a-z A-Z 0-9 - _`, starting with a letter (§6.5). */
const TRIGGER_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
/** UTC with whole seconds as SCF writes it; fractional seconds and offsets are accepted too. */
const ISO_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** The trigger's user message is at most 4 KB (§6.5). */
const MAX_MESSAGE_LENGTH = 4096;

const timerEventSchema = z.object({
  Type: z.string().check(z.refine((value) => value.toLowerCase() === 'timer', 'must be "Timer"')),
  TriggerName: z
    .string()
    .check(z.regex(TRIGGER_NAME_PATTERN, 'must be 1-60 characters of A-Z a-z 0-9 - _ starting with a letter')),
  Time: z
    .string()
    .check(
      z.refine(
        (value) => ISO_TIME_PATTERN.test(value) && !Number.isNaN(Date.parse(value)),
        'must be an ISO 8601 time such as 2019-02-21T11:49:00Z',
      ),
    ),
  Message: z.optional(z.nullable(z.string().check(z.maxLength(MAX_MESSAGE_LENGTH)))),
});

export interface TimerEvent {
  readonly type: string;
  readonly triggerName: string;
  /** The scheduled firing time, normalised to UTC whole seconds (`2019-02-21T11:49:00Z`). */
  readonly time: string;
  readonly message: string;
}

/**
 * Validates a raw event; throws `ValidationError` naming the offending fields.
 *
 * @example
 * parseTimerEvent({ Type: 'Timer', TriggerName: 'EveryDay', Time: '2019-02-21T11:49:00Z', Message: null })
 * // { type: 'Timer', triggerName: 'EveryDay', time: '2019-02-21T11:49:00Z', message: '' }
 */
function parseTimerEvent(raw: unknown): TimerEvent {
  const event = validateInput(timerEventSchema, raw, 'event');
  return {
    type: event.Type,
    triggerName: event.TriggerName,
    time: `${new Date(event.Time).toISOString().slice(0, 19)}Z`,
    message: event.Message ?? '',
  };
}

export { parseTimerEvent };
