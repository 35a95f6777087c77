import { buildSnapshot, parseStoredSnapshot, serializeJson, type RegionInventory } from '../../../../functions/inventory/snapshot';
import { imageItem, instanceTypeItem, snapshotOf, zoneItem } from './snapshot-builders';

describe('buildSnapshot', () => {
  it('orders regions and their items so the same catalogue gives the same bytes', () => {
    const region = (order: 'forward' | 'backward'): RegionInventory => {
      const flip = <T>(items: T[]): T[] => (order === 'forward' ? items : [...items].reverse());
      return {
        status: 'ok',
        regionName: 'name',
        regionState: 'AVAILABLE',
        zones: flip([zoneItem('ap-x-1'), zoneItem('ap-x-2')]),
        images: flip([imageItem('img-aaaaaaaa'), imageItem('img-bbbbbbbb')]),
        instanceTypes: flip([instanceTypeItem('ap-x-1', 'S5.SMALL1'), instanceTypeItem('ap-x-1', 'S5.MEDIUM2'), instanceTypeItem('ap-x-2', 'S5.SMALL1')]),
      };
    };
    const build = (order: 'forward' | 'backward', regions: [string, RegionInventory][]) =>
      serializeJson(
        buildSnapshot({
          runId: 'r',
          trigger: { name: 't', time: '2024-05-01T00:00:00Z' },
          startedAt: new Date(0),
          finishedAt: new Date(1000),
          regions: new Map(order === 'forward' ? regions : [...regions].reverse()),
        }),
      );
    const forward = build('forward', [['ap-a', region('forward')], ['ap-b', region('forward')]]);
    const backward = build('backward', [['ap-a', region('backward')], ['ap-b', region('backward')]]);
    expect(backward.equals(forward)).toBe(true);
    const parsed = parseStoredSnapshot(forward);
    expect(Object.keys(parsed?.regions ?? {})).toEqual(['ap-a', 'ap-b']);
    const first = parsed?.regions['ap-a'];
    expect(first?.status === 'ok' ? first.instanceTypes.map((type) => `${type.zone}/${type.instanceType}`) : []).toEqual([
      'ap-x-1/S5.MEDIUM2',
      'ap-x-1/S5.SMALL1',
      'ap-x-2/S5.SMALL1',
    ]);
  });
});

describe('parseStoredSnapshot', () => {
  it('reads back what was serialised', () => {
    const snapshot = snapshotOf('run-1', { 'ap-a': { zones: { 'ap-a-1': ['S5.SMALL1'] }, images: ['img-aaaaaaaa'] }, 'ap-b': { failed: 'InternalError' } });
    expect(parseStoredSnapshot(serializeJson(snapshot))).toEqual(snapshot);
  });

  it.each([
    ['not JSON', Buffer.from('{"schemaVersion":1,')],
    ['another schema version', serializeJson({ ...snapshotOf('r', {}), schemaVersion: 2 })],
    ['a region without its images', serializeJson({ schemaVersion: 1, runId: 'r', regions: { 'ap-a': { status: 'ok', zones: [], instanceTypes: [] } } })],
    ['an unknown region status', serializeJson({ schemaVersion: 1, runId: 'r', regions: { 'ap-a': { status: 'partial' } } })],
  ])('refuses %s', (_case, bytes) => {
    expect(parseStoredSnapshot(bytes)).toBeUndefined();
  });
});
