import { diffSnapshots } from '../../../../functions/inventory/diff';
import { snapshotOf, type RegionSketch } from './snapshot-builders';

const GUANGZHOU: RegionSketch = {
  zones: { 'ap-guangzhou-3': ['S5.SMALL1', 'S5.MEDIUM2'], 'ap-guangzhou-4': ['S5.SMALL1'] },
  images: ['img-aaaaaaaa', 'img-bbbbbbbb'],
};
const SHANGHAI: RegionSketch = { zones: { 'ap-shanghai-2': ['S6.LARGE8'] }, images: ['img-aaaaaaaa'] };
const BASELINE = { 'ap-guangzhou': GUANGZHOU, 'ap-shanghai': SHANGHAI };

const EMPTY = { added: [], removed: [] };

interface Row {
  readonly name: string;
  readonly current: Readonly<Record<string, RegionSketch>>;
  readonly expected: Record<string, unknown>;
  readonly changeCount: number;
}

const rows: Row[] = [
  {
    name: 'nothing changed',
    current: BASELINE,
    expected: { regions: EMPTY, zones: EMPTY, images: EMPTY, instanceTypes: EMPTY, notCompared: [] },
    changeCount: 0,
  },
  {
    name: 'an image was added',
    current: { ...BASELINE, 'ap-shanghai': { ...SHANGHAI, images: ['img-aaaaaaaa', 'img-cccccccc'] } },
    expected: {
      images: {
        added: [{ region: 'ap-shanghai', imageId: 'img-cccccccc', imageName: 'img-cccccccc name', osName: 'img-cccccccc os' }],
        removed: [],
      },
      instanceTypes: EMPTY,
    },
    changeCount: 1,
  },
  {
    name: 'an image was retired',
    current: { ...BASELINE, 'ap-guangzhou': { ...GUANGZHOU, images: ['img-bbbbbbbb'] } },
    expected: {
      images: {
        added: [],
        removed: [{ region: 'ap-guangzhou', imageId: 'img-aaaaaaaa', imageName: 'img-aaaaaaaa name', osName: 'img-aaaaaaaa os' }],
      },
    },
    changeCount: 1,
  },
  {
    name: 'an instance type appeared in one zone and vanished from another',
    current: {
      ...BASELINE,
      'ap-guangzhou': { ...GUANGZHOU, zones: { 'ap-guangzhou-3': ['S5.SMALL1', 'S5.MEDIUM2', 'S5.LARGE8'], 'ap-guangzhou-4': [] } },
    },
    expected: {
      instanceTypes: {
        added: [{ region: 'ap-guangzhou', zone: 'ap-guangzhou-3', instanceType: 'S5.LARGE8' }],
        removed: [{ region: 'ap-guangzhou', zone: 'ap-guangzhou-4', instanceType: 'S5.SMALL1' }],
      },
      zones: EMPTY,
    },
    changeCount: 2,
  },
  {
    name: 'a zone was added (its types are not itemised)',
    current: { ...BASELINE, 'ap-shanghai': { ...SHANGHAI, zones: { 'ap-shanghai-2': ['S6.LARGE8'], 'ap-shanghai-5': ['S6.LARGE8'] } } },
    expected: {
      zones: { added: [{ region: 'ap-shanghai', zone: 'ap-shanghai-5', zoneName: 'ap-shanghai-5 name' }], removed: [] },
      instanceTypes: EMPTY,
    },
    changeCount: 1,
  },
  {
    name: 'a zone was removed (its types are not itemised)',
    current: { ...BASELINE, 'ap-guangzhou': { ...GUANGZHOU, zones: { 'ap-guangzhou-3': ['S5.SMALL1', 'S5.MEDIUM2'] } } },
    expected: {
      zones: { added: [], removed: [{ region: 'ap-guangzhou', zone: 'ap-guangzhou-4', zoneName: 'ap-guangzhou-4 name' }] },
      instanceTypes: EMPTY,
    },
    changeCount: 1,
  },
  {
    name: 'a region was added (its contents are not itemised)',
    current: { ...BASELINE, 'ap-tokyo': { zones: { 'ap-tokyo-1': ['S5.SMALL1'] }, images: ['img-aaaaaaaa'] } },
    expected: { regions: { added: ['ap-tokyo'], removed: [] }, zones: EMPTY, images: EMPTY, instanceTypes: EMPTY },
    changeCount: 1,
  },
  {
    name: 'a region was removed',
    current: { 'ap-guangzhou': GUANGZHOU },
    expected: { regions: { added: [], removed: ['ap-shanghai'] }, images: EMPTY },
    changeCount: 1,
  },
  {
    name: 'a region failed in this run: not compared, nothing reported as removed',
    current: { ...BASELINE, 'ap-shanghai': { failed: 'InternalError' } },
    expected: {
      regions: EMPTY,
      images: EMPTY,
      zones: EMPTY,
      instanceTypes: EMPTY,
      notCompared: [{ region: 'ap-shanghai', reason: 'failed in this run' }],
    },
    changeCount: 0,
  },
];

describe('diffSnapshots', () => {
  it.each(rows)('$name', ({ current, expected, changeCount }) => {
    const diff = diffSnapshots(snapshotOf('run-1', BASELINE), snapshotOf('run-2', current));
    expect(diff).toMatchObject(expected);
    expect(diff.changeCount).toBe(changeCount);
    expect(diff.runId).toBe('run-2');
    expect(diff.previousRunId).toBe('run-1');
  });

  it('does not compare a region that failed in the previous run, even if it looks emptier now', () => {
    const diff = diffSnapshots(
      snapshotOf('run-1', { 'ap-guangzhou': { failed: 'RequestLimitExceeded' } }),
      snapshotOf('run-2', { 'ap-guangzhou': { zones: {}, images: [] } }),
    );
    expect(diff.notCompared).toEqual([{ region: 'ap-guangzhou', reason: 'failed in the previous run' }]);
    expect(diff.changeCount).toBe(0);
  });

  it('reports every region as added on the first run, with no previous run id', () => {
    const diff = diffSnapshots(undefined, snapshotOf('run-1', BASELINE));
    expect(diff.previousRunId).toBeNull();
    expect(diff.regions).toEqual({ added: ['ap-guangzhou', 'ap-shanghai'], removed: [] });
    expect(diff.images).toEqual(EMPTY);
    expect(diff.changeCount).toBe(2);
  });

  it('lists changes across regions in region order, then by id', () => {
    const diff = diffSnapshots(
      snapshotOf('run-1', BASELINE),
      snapshotOf('run-2', {
        'ap-shanghai': { ...SHANGHAI, images: ['img-aaaaaaaa', 'img-zzzzzzzz', 'img-dddddddd'] },
        'ap-guangzhou': { ...GUANGZHOU, images: ['img-aaaaaaaa', 'img-bbbbbbbb', 'img-eeeeeeee'] },
      }),
    );
    expect(diff.images.added.map((image) => `${image.region}/${image.imageId}`)).toEqual([
      'ap-guangzhou/img-eeeeeeee',
      'ap-shanghai/img-dddddddd',
      'ap-shanghai/img-zzzzzzzz',
    ]);
  });
});
