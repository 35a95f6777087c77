/**
 * What changed between two snapshots. Each change is reported once, at the highest level that
 * changed: a new region is one `regions.added` entry (its zones, images and types are in the
 * snapshot), a new zone one `zones.added` entry, and instance types are compared only in zones both
 * snapshots have. Regions that failed in either run are not compared at all (listed in `notCompared`):
 * a failure must never read as "every image was retired".
 */
import type { InventorySnapshot, RegionInventory, RegionInventoryOk } from './snapshot';

export const DIFF_SCHEMA_VERSION = 1;

export interface ZoneChange {
  readonly region: string;
  readonly zone: string;
  readonly zoneName: string;
}

export interface ImageChange {
  readonly region: string;
  readonly imageId: string;
  readonly imageName: string;
  readonly osName: string;
}

export interface InstanceTypeChange {
  readonly region: string;
  readonly zone: string;
  readonly instanceType: string;
}

export interface Changes<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
}

export interface NotCompared {
  readonly region: string;
  readonly reason: 'failed in this run' | 'failed in the previous run' | 'failed in both runs';
}

export interface InventoryDiff {
  readonly schemaVersion: typeof DIFF_SCHEMA_VERSION;
  readonly runId: string;
  /** null for the first run: everything it found counts as added. */
  readonly previousRunId: string | null;
  readonly regions: Changes<string>;
  readonly zones: Changes<ZoneChange>;
  readonly images: Changes<ImageChange>;
  readonly instanceTypes: Changes<InstanceTypeChange>;
  readonly notCompared: readonly NotCompared[];
  /** Sum of every added and removed entry; 0 means nothing changed. */
  readonly changeCount: number;
}

/** Added and removed items between two keyed collections, in key order. */
function compareKeyed<T>(previous: ReadonlyMap<string, T>, current: ReadonlyMap<string, T>): Changes<T> {
  const keysOnlyIn = (from: ReadonlyMap<string, T>, other: ReadonlyMap<string, T>): T[] =>
    [...from.entries()]
      .filter(([key]) => !other.has(key))
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
      .map(([, item]) => item);
  return { added: keysOnlyIn(current, previous), removed: keysOnlyIn(previous, current) };
}

function zonesOf(region: string, inventory: RegionInventoryOk): Map<string, ZoneChange> {
  return new Map(inventory.zones.map((zone) => [zone.zone, { region, zone: zone.zone, zoneName: zone.zoneName }]));
}

function imagesOf(region: string, inventory: RegionInventoryOk): Map<string, ImageChange> {
  return new Map(
    inventory.images.map((image) => [
      image.imageId,
      { region, imageId: image.imageId, imageName: image.imageName, osName: image.osName },
    ]),
  );
}

function typesOf(region: string, inventory: RegionInventoryOk, zones: ReadonlySet<string>): Map<string, InstanceTypeChange> {
  return new Map(
    inventory.instanceTypes
      .filter((type) => zones.has(type.zone))
      .map((type) => [`${type.zone}\u0000${type.instanceType}`, { region, zone: type.zone, instanceType: type.instanceType }]),
  );
}

function notComparedReason(previous: RegionInventory, current: RegionInventory): NotCompared['reason'] | undefined {
  if (previous.status === 'failed' && current.status === 'failed') return 'failed in both runs';
  if (current.status === 'failed') return 'failed in this run';
  if (previous.status === 'failed') return 'failed in the previous run';
  return undefined;
}

/**
 * @example
 * const diff = diffSnapshots(previous, current);
 * diff.images.added // [{ region: 'ap-guangzhou', imageId: 'img-new00001', imageName: '…', osName: '…' }]
 */
export function diffSnapshots(previous: InventorySnapshot | undefined, current: InventorySnapshot): InventoryDiff {
  const previousRegions = new Map(Object.entries(previous?.regions ?? {}));
  const currentRegions = new Map(Object.entries(current.regions));
  const regionsByName = (inventories: ReadonlyMap<string, RegionInventory>): Map<string, string> =>
    new Map([...inventories.keys()].map((region) => [region, region]));
  const regions = compareKeyed(regionsByName(previousRegions), regionsByName(currentRegions));

  const zones: { added: ZoneChange[]; removed: ZoneChange[] } = { added: [], removed: [] };
  const images: { added: ImageChange[]; removed: ImageChange[] } = { added: [], removed: [] };
  const instanceTypes: { added: InstanceTypeChange[]; removed: InstanceTypeChange[] } = { added: [], removed: [] };
  const notCompared: NotCompared[] = [];

  for (const [region, after] of [...currentRegions.entries()].sort(([left], [right]) => (left < right ? -1 : 1))) {
    const before = previousRegions.get(region);
    if (before === undefined) {
      continue;
    }
    const reason = notComparedReason(before, after);
    if (reason !== undefined) {
      notCompared.push({ region, reason });
      continue;
    }
    if (before.status !== 'ok' || after.status !== 'ok') {
      continue;
    }
    const zonesBefore = zonesOf(region, before);
    const zonesAfter = zonesOf(region, after);
    const zoneChanges = compareKeyed(zonesBefore, zonesAfter);
    const sharedZones = new Set([...zonesAfter.keys()].filter((zone) => zonesBefore.has(zone)));
    const imageChanges = compareKeyed(imagesOf(region, before), imagesOf(region, after));
    const typeChanges = compareKeyed(typesOf(region, before, sharedZones), typesOf(region, after, sharedZones));
    zones.added.push(...zoneChanges.added);
    zones.removed.push(...zoneChanges.removed);
    images.added.push(...imageChanges.added);
    images.removed.push(...imageChanges.removed);
    instanceTypes.added.push(...typeChanges.added);
    instanceTypes.removed.push(...typeChanges.removed);
  }

  const changeCount = [regions, zones, images, instanceTypes].reduce(
    (sum, changes) => sum + changes.added.length + changes.removed.length,
    0,
  );
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    runId: current.runId,
    previousRunId: previous?.runId ?? null,
    regions,
    zones,
    images,
    instanceTypes,
    notCompared,
    changeCount,
  };
}
