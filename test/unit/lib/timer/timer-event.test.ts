import { ValidationError } from '../../../../lib/errors/api-error';
import { parseTimerEvent } from '../../../../lib/timer/timer-event';

function fieldsOf(raw: unknown): string[] {
  try {
    parseTimerEvent(raw);
  } catch (error) {
    if (error instanceof ValidationError) return (error.fields ?? []).map((problem) => problem.field);
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('parseTimerEvent', () => {
  it('reads the documented event (reference §6.5)', () => {
    expect(
      parseTimerEvent({ Type: 'Timer', TriggerName: 'EveryDay', Time: '2019-02-21T11:49:00Z', Message: 'user define msg body' }),
    ).toEqual({ type: 'Timer', triggerName: 'EveryDay', time: '2019-02-21T11:49:00Z', message: 'user define msg body' });
  });

  it.each([
    ['lower-case type and null message', { Type: 'timer', TriggerName: 'a', Time: '2019-02-21T11:49:00Z', Message: null }, ''],
    ['no message', { Type: 'Timer', TriggerName: 'a', Time: '2019-02-21T11:49:00Z' }, ''],
  ])('accepts %s', (_case, raw, message) => {
    expect(parseTimerEvent(raw).message).toBe(message);
  });

  it.each([
    ['2019-02-21T11:49:00.123Z', '2019-02-21T11:49:00Z'],
    ['2019-02-21T19:49:00+08:00', '2019-02-21T11:49:00Z'],
  ])('normalises the time %s to UTC whole seconds', (time, expected) => {
    expect(parseTimerEvent({ Type: 'Timer', TriggerName: 'a', Time: time }).time).toBe(expected);
  });

  it.each([
    ['a non-timer type', { Type: 'APIGW', TriggerName: 'a', Time: '2019-02-21T11:49:00Z' }, ['Type']],
    ['a missing trigger name', { Type: 'Timer', Time: '2019-02-21T11:49:00Z' }, ['TriggerName']],
    ['a trigger name with a slash', { Type: 'Timer', TriggerName: '../x', Time: '2019-02-21T11:49:00Z' }, ['TriggerName']],
    ['a time that is not ISO 8601', { Type: 'Timer', TriggerName: 'a', Time: '21/02/2019' }, ['Time']],
    ['an impossible date', { Type: 'Timer', TriggerName: 'a', Time: '2019-02-31T99:00:00Z' }, ['Time']],
    ['no event at all', undefined, ['event']],
  ])('rejects %s, naming the field', (_case, raw, fields) => {
    expect(fieldsOf(raw)).toEqual(fields);
  });
});
