import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../../../lib/log/logger';
import { recordInventoryRun } from '../../../../functions/inventory/record-run';
import type { RegionInventory } from '../../../../functions/inventory/snapshot';
import { createDirectoryStore } from '../../../../functions/inventory/stores/directory-store';
import type { InventoryStore } from '../../../../functions/inventory/stores/inventory-store';
import { snapshotOf, type RegionSketch } from './snapshot-builders';

const EVENT = { type: 'Timer', triggerName: 'inventory', time: '2024-05-01T00:00:00Z', message: '' };

function regionsOf(sketches: Readonly<Record<string, RegionSketch>>): Map<string, RegionInventory> {
  return new Map(Object.entries(snapshotOf('unused', sketches).regions));
}

describe('recordInventoryRun', () => {
  let root: string;
  let store: InventoryStore;
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', base: {}, write: (line) => lines.push(line) });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'record-run-'));
    store = createDirectoryStore(root);
    lines.length = 0;
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('collects once per firing: a second run of the same event neither collects nor writes', async () => {
    const collect = jest.fn(async () => regionsOf({ 'ap-a': { zones: { 'ap-a-1': ['S5.SMALL1'] }, images: ['img-aaaaaaaa'] } }));
    const first = await recordInventoryRun({ store, event: EVENT, collect, log });
    const second = await recordInventoryRun({ store, event: EVENT, collect, log });
    expect(first).toMatchObject({ outcome: 'recorded', runId: '20240501T000000Z-inventory', previousRunId: null });
    expect(second).toEqual({
      outcome: 'alreadyRecorded',
      runId: '20240501T000000Z-inventory',
      snapshot: join(root, 'snapshots', '20240501T000000Z-inventory.json'),
      diff: join(root, 'diffs', '20240501T000000Z-inventory.json'),
      previousRunId: null,
    });
    expect(collect).toHaveBeenCalledTimes(1);
    expect(await readdir(join(root, 'snapshots'))).toEqual(['20240501T000000Z-inventory.json']);
  });

  it('lets the first of two concurrent runs of one firing win; the other writes nothing', async () => {
    const slowCollect = (imageId: string) => async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return regionsOf({ 'ap-a': { zones: {}, images: [imageId] } });
    };
    const outcomes = await Promise.all([
      recordInventoryRun({ store, event: EVENT, collect: slowCollect('img-aaaaaaaa'), log }),
      recordInventoryRun({ store, event: EVENT, collect: slowCollect('img-bbbbbbbb'), log }),
    ]);
    expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(['conflict', 'recorded']);
    expect(await readdir(join(root, 'snapshots'))).toEqual(['20240501T000000Z-inventory.json']);
    expect(await readdir(join(root, 'diffs'))).toEqual(['20240501T000000Z-inventory.json']);
    expect(lines.some((line) => line.includes('another run recorded this firing first'))).toBe(true);
  });

  it('diffs against the latest earlier snapshot, skipping one it cannot read, even when a later one exists', async () => {
    const at = (time: string) => ({ ...EVENT, time });
    await recordInventoryRun({ store, event: at('2024-05-01T00:00:00Z'), collect: async () => regionsOf({ 'ap-a': { zones: {}, images: ['img-aaaaaaaa'] } }), log });
    await store.writeOnce('snapshots/20240501T003000Z-inventory.json', Buffer.from('{"damaged":'));
    await recordInventoryRun({ store, event: at('2024-05-01T02:00:00Z'), collect: async () => regionsOf({}), log });
    const late = await recordInventoryRun({
      store,
      event: at('2024-05-01T01:00:00Z'),
      collect: async () => regionsOf({ 'ap-a': { zones: {}, images: ['img-aaaaaaaa', 'img-cccccccc'] } }),
      log,
    });
    expect(late).toMatchObject({ outcome: 'recorded', previousRunId: '20240501T000000Z-inventory', changes: { total: 1, imagesAdded: 1 } });
    expect(lines.some((line) => line.includes('previous snapshot skipped'))).toBe(true);
  });
});
