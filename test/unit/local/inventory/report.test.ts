import { failureText, PLAIN, progressLine, summaryLines } from '../../../../local/inventory/report';

const RESULT = {
  runId: '20240501T003000Z-inventory',
  outcome: 'recorded',
  snapshot: 'cos://inventory-1250000000/inventory/snapshots/20240501T003000Z-inventory.json',
  diff: 'cos://inventory-1250000000/inventory/diffs/20240501T003000Z-inventory.json',
  previousRunId: '20240501T000000Z-inventory',
  regions: { total: 19, ok: 18, failed: [{ region: 'ap-seoul', code: 'InternalError' }] },
  changes: {
    total: 3,
    regionsAdded: 0,
    regionsRemoved: 0,
    zonesAdded: 0,
    zonesRemoved: 0,
    imagesAdded: 1,
    imagesRemoved: 0,
    instanceTypesAdded: 0,
    instanceTypesRemoved: 2,
  },
  calls: 61,
  retries: 3,
  durationMs: 412,
};

describe('progressLine', () => {
  it.each([
    [
      { msg: 'region inventoried', progress: { region: 'ap-guangzhou', status: 'ok', durationMs: 21, done: 1, total: 19, zones: 7, images: 62, instanceTypes: 319 } },
      '  [ 1/19] ap-guangzhou       ok       7 zones   62 images  319 types  21 ms',
    ],
    [
      { msg: 'region inventoried', progress: { region: 'ap-seoul', status: 'failed', durationMs: 540, done: 12, total: 19, code: 'InternalError' } },
      '  [12/19] ap-seoul           FAILED  InternalError  540 ms',
    ],
  ])('renders %j', (record, expected) => {
    expect(progressLine(record, PLAIN)).toBe(expected);
  });

  it.each([
    [{ msg: 'inventory summary' }],
    [{ msg: 'region inventoried', progress: { region: 'ap-seoul' } }],
  ])('ignores %j', (record) => {
    expect(progressLine(record, PLAIN)).toBeUndefined();
  });
});

describe('summaryLines', () => {
  it('says what was recorded, what changed and where it went', () => {
    expect(summaryLines(RESULT, PLAIN)).toEqual([
      'Run 20240501T003000Z-inventory: recorded',
      '  regions: 18 of 19 ok; failed: ap-seoul InternalError  (61 calls, 3 retries, 412 ms)',
      '  changes: 1 image added, 2 instance types removed since 20240501T000000Z-inventory',
      `Snapshot: ${RESULT.snapshot}`,
      `Diff:     ${RESULT.diff}`,
    ]);
  });

  it.each([
    [{ ...RESULT, previousRunId: null, changes: { ...RESULT.changes, total: 19, regionsAdded: 19, imagesAdded: 0, instanceTypesRemoved: 0 } }, '  changes: first run: 19 regions recorded'],
    [{ ...RESULT, changes: { ...RESULT.changes, total: 0, imagesAdded: 0, instanceTypesRemoved: 0 } }, '  changes: no changes since 20240501T000000Z-inventory'],
    [{ ...RESULT, outcome: 'alreadyRecorded', regions: undefined, changes: undefined }, '  changes: not compared (nothing was collected)'],
  ])('words the changes of %#', (result, line) => {
    expect(summaryLines(result, PLAIN)).toContain(line);
  });

  it('prints file locations as absolute paths', () => {
    const lines = summaryLines({ ...RESULT, snapshot: '.inventory/snapshots/a.json' }, PLAIN);
    expect(lines).toContain(`Snapshot: ${process.cwd()}/.inventory/snapshots/a.json`);
  });

  it('refuses a result it does not understand', () => {
    expect(() => summaryLines({ runId: 'x' }, PLAIN)).toThrow('does not understand');
  });
});

describe('failureText', () => {
  it('reads the code and message of the function\'s failure line', () => {
    expect(failureText({ msg: 'timer invocation failed', code: 'AuthFailure.TokenFailure', message: 'token error' })).toBe(
      'AuthFailure.TokenFailure: token error',
    );
    expect(failureText({ msg: 'region inventoried' })).toBeUndefined();
  });
});
