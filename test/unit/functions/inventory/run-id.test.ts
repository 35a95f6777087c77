import { diffKey, runIdFor, runIdOfSnapshotKey, snapshotKey } from '../../../../functions/inventory/run-id';

const event = (time: string, triggerName: string) => ({ type: 'Timer', triggerName, time, message: '' });

describe('run ids and keys', () => {
  it('derives the run id from the firing time and trigger only', () => {
    expect(runIdFor(event('2019-02-21T11:49:00Z', 'EveryDay'))).toBe('20190221T114900Z-EveryDay');
    expect(runIdFor({ ...event('2019-02-21T11:49:00Z', 'EveryDay'), message: 'other message' })).toBe('20190221T114900Z-EveryDay');
  });

  it('sorts run ids of later firings after earlier ones', () => {
    const ids = ['2024-05-01T10:00:00Z', '2024-04-30T23:59:59Z', '2024-05-01T09:59:59Z'].map((time) => runIdFor(event(time, 'b')));
    expect([...ids].sort()).toEqual(['20240430T235959Z-b', '20240501T095959Z-b', '20240501T100000Z-b']);
  });

  it('names the snapshot and diff keys and reads run ids back only from snapshot keys', () => {
    expect(snapshotKey('20190221T114900Z-EveryDay')).toBe('snapshots/20190221T114900Z-EveryDay.json');
    expect(diffKey('20190221T114900Z-EveryDay')).toBe('diffs/20190221T114900Z-EveryDay.json');
    expect(runIdOfSnapshotKey('snapshots/20190221T114900Z-EveryDay.json')).toBe('20190221T114900Z-EveryDay');
    expect(runIdOfSnapshotKey('diffs/20190221T114900Z-EveryDay.json')).toBeUndefined();
    expect(runIdOfSnapshotKey('snapshots/notes.json')).toBeUndefined();
    expect(runIdOfSnapshotKey('snapshots/20190221T114900Z-EveryDay.json.tmp')).toBeUndefined();
  });
});
