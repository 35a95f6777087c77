import { buildTimerEvent } from '../../../../local/events/timer-event';

describe('buildTimerEvent', () => {
  it('builds the event of reference §6.5 with the time in whole UTC seconds', () => {
    const event = buildTimerEvent(
      { triggerName: 'EveryDay', message: 'user define msg body' },
      new Date('2019-02-21T11:49:00.789Z'),
    );

    expect(event).toEqual({
      Type: 'Timer',
      TriggerName: 'EveryDay',
      Time: '2019-02-21T11:49:00Z',
      Message: 'user define msg body',
    });
  });

  it('sends an empty Message when the trigger has none', () => {
    expect(buildTimerEvent({ triggerName: 'inventory' }, new Date(0)).Message).toBe('');
  });

  it.each(['', '1starts-with-digit', 'has space', 'x'.repeat(61)])('refuses the trigger name %j', (name) => {
    expect(() => buildTimerEvent({ triggerName: name }, new Date(0))).toThrow(/timer trigger name/);
  });
});
