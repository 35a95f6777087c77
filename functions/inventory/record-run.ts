/**
 * One inventory run, end to end, around the store's write-once rule:
 * 1. the run id comes from the timer event; if that firing's snapshot exists, nothing is collected
 *    again (only a missing diff is recovered from the stored snapshot);
 * 2. otherwise the catalogue is collected, the snapshot built and diffed against the latest earlier
 *    snapshot, and the snapshot written, then the diff. A concurrent run of the same firing that
 *    stored its snapshot first wins; this run then writes nothing.
 */
import type { Logger } from '../../lib/log/logger';
import type { TimerEvent } from '../../lib/timer/timer-event';
import { diffSnapshots, type InventoryDiff } from './diff';
import { diffKey, runIdFor, runIdOfSnapshotKey, SNAPSHOT_PREFIX, snapshotKey } from './run-id';
import { buildSnapshot, parseStoredSnapshot, serializeJson, type InventorySnapshot, type RegionInventory } from './snapshot';
import type { InventoryStore } from './stores/inventory-store';

/**
 * - `recorded`: this run wrote the snapshot and the diff;
 * - `alreadyRecorded`: the firing's snapshot and diff existed; nothing was collected or written;
 * - `diffRecovered`: the snapshot existed without its diff (an earlier attempt stopped in between);
 *   the diff was computed from the stored snapshot and written;
 * - `conflict`: another run of the same firing stored a different snapshot first; this one wrote nothing.
 */
export type RunOutcome = 'recorded' | 'alreadyRecorded' | 'diffRecovered' | 'conflict';

export interface RegionTally {
  readonly total: number;
  readonly ok: number;
  readonly failed: readonly { readonly region: string; readonly code: string }[];
}

export interface ChangeTally {
  readonly total: number;
  readonly regionsAdded: number;
  readonly regionsRemoved: number;
  readonly zonesAdded: number;
  readonly zonesRemoved: number;
  readonly imagesAdded: number;
  readonly imagesRemoved: number;
  readonly instanceTypesAdded: number;
  readonly instanceTypesRemoved: number;
}

export interface RunRecord {
  readonly runId: string;
  readonly outcome: RunOutcome;
  /** Where the snapshot and the diff are (file paths or cos:// URLs). */
  readonly snapshot: string;
  readonly diff: string;
  readonly previousRunId: string | null;
  /** Absent when nothing was collected (`alreadyRecorded`). */
  readonly regions?: RegionTally;
  readonly changes?: ChangeTally;
}

export interface RecordRunOptions {
  readonly store: InventoryStore;
  readonly event: TimerEvent;
  readonly collect: () => Promise<ReadonlyMap<string, RegionInventory>>;
  readonly log: Logger;
  readonly now?: () => Date;
}

function tallyRegions(snapshot: InventorySnapshot): RegionTally {
  const entries = Object.entries(snapshot.regions);
  const failed = entries.flatMap(([region, inventory]) =>
    inventory.status === 'failed' ? [{ region, code: inventory.error.code }] : [],
  );
  return { total: entries.length, ok: entries.length - failed.length, failed };
}

function tallyChanges(diff: InventoryDiff): ChangeTally {
  return {
    total: diff.changeCount,
    regionsAdded: diff.regions.added.length,
    regionsRemoved: diff.regions.removed.length,
    zonesAdded: diff.zones.added.length,
    zonesRemoved: diff.zones.removed.length,
    imagesAdded: diff.images.added.length,
    imagesRemoved: diff.images.removed.length,
    instanceTypesAdded: diff.instanceTypes.added.length,
    instanceTypesRemoved: diff.instanceTypes.removed.length,
  };
}

/** The latest readable snapshot strictly before `runId`; unreadable ones are logged and skipped. */
async function previousSnapshot(store: InventoryStore, runId: string, log: Logger): Promise<InventorySnapshot | undefined> {
  const earlier = (await store.list(SNAPSHOT_PREFIX))
    .map(runIdOfSnapshotKey)
    .filter((candidate): candidate is string => candidate !== undefined && candidate < runId)
    .sort()
    .reverse();
  for (const candidate of earlier) {
    const bytes = await store.read(snapshotKey(candidate));
    const snapshot = bytes === undefined ? undefined : parseStoredSnapshot(bytes);
    if (snapshot !== undefined) return snapshot;
    log.warn('previous snapshot skipped: not a readable snapshot', { snapshot: store.locate(snapshotKey(candidate)) });
  }
  return undefined;
}

/**
 * @example
 * const record = await recordInventoryRun({ store, event, log, collect: () => collectInventory(cvm, { concurrency: 10 }) });
 * record.outcome // 'recorded'
 */
export async function recordInventoryRun(options: RecordRunOptions): Promise<RunRecord> {
  const { store, event, log } = options;
  const now = options.now ?? (() => new Date());
  const runId = runIdFor(event);
  const locations = { runId, snapshot: store.locate(snapshotKey(runId)), diff: store.locate(diffKey(runId)) };

  if (await store.exists(snapshotKey(runId))) {
    if (await store.exists(diffKey(runId))) {
      return { ...locations, outcome: 'alreadyRecorded', previousRunId: null };
    }
    const stored = parseStoredSnapshot((await store.read(snapshotKey(runId))) ?? Buffer.alloc(0));
    if (stored === undefined) {
      log.warn('stored snapshot is not readable; its diff cannot be recovered', { snapshot: locations.snapshot });
      return { ...locations, outcome: 'alreadyRecorded', previousRunId: null };
    }
    const diff = diffSnapshots(await previousSnapshot(store, runId, log), stored);
    await store.writeOnce(diffKey(runId), serializeJson(diff));
    return { ...locations, outcome: 'diffRecovered', previousRunId: diff.previousRunId, regions: tallyRegions(stored), changes: tallyChanges(diff) };
  }

  const startedAt = now();
  const regions = await options.collect();
  const snapshot = buildSnapshot({
    runId,
    trigger: { name: event.triggerName, time: event.time },
    startedAt,
    finishedAt: now(),
    regions,
  });
  const diff = diffSnapshots(await previousSnapshot(store, runId, log), snapshot);
  const summary = { ...locations, previousRunId: diff.previousRunId, regions: tallyRegions(snapshot), changes: tallyChanges(diff) };

  if ((await store.writeOnce(snapshotKey(runId), serializeJson(snapshot))) === 'conflict') {
    log.warn('another run recorded this firing first; nothing written', { snapshot: locations.snapshot });
    return { ...summary, outcome: 'conflict' };
  }
  if ((await store.writeOnce(diffKey(runId), serializeJson(diff))) === 'conflict') {
    log.warn('a different diff already exists for this run; kept as it is', { diff: locations.diff });
  }
  return { ...summary, outcome: 'recorded' };
}
