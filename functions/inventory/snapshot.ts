/**
 * The snapshot: everything one run saw, region by region. A region is either complete (`ok`: its
 * zones, every image of every page, every instance type of every zone) or `failed` with the error
 * that stopped it; never partial, so a failure can never read as "everything vanished".
 * Items use the contract's shapes (lib/mappers) and are sorted, so equal catalogues give equal bytes.
 */
import * as z from 'zod/mini';
import type { ImageItem } from '../../lib/mappers/images';
import type { InstanceTypeItem } from '../../lib/mappers/instance-types';
import type { ZonesBody } from '../../lib/mappers/zones';

export const SNAPSHOT_SCHEMA_VERSION = 1;

export type ZoneItem = ZonesBody['zones'][number];

export interface RegionError {
  /** Upstream code (`RequestLimitExceeded`, `InternalError` …) or ours (`UpstreamTimeout` …). */
  readonly code: string;
  readonly message: string;
  /** The CVM action that failed. */
  readonly action: string;
}

export interface RegionInventoryOk {
  readonly status: 'ok';
  readonly regionName: string;
  readonly regionState: string;
  readonly zones: readonly ZoneItem[];
  readonly images: readonly ImageItem[];
  readonly instanceTypes: readonly InstanceTypeItem[];
}

export interface RegionInventoryFailed {
  readonly status: 'failed';
  readonly regionName: string;
  readonly regionState: string;
  readonly error: RegionError;
}

export type RegionInventory = RegionInventoryOk | RegionInventoryFailed;

export interface InventorySnapshot {
  readonly schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  readonly runId: string;
  readonly trigger: { readonly name: string; readonly time: string };
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Region id → its inventory, in region id order. */
  readonly regions: Readonly<Record<string, RegionInventory>>;
}

export interface SnapshotInput {
  readonly runId: string;
  readonly trigger: { readonly name: string; readonly time: string };
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly regions: ReadonlyMap<string, RegionInventory>;
}

const compareText = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);

function sortedRegion(inventory: RegionInventory): RegionInventory {
  if (inventory.status === 'failed') {
    return inventory;
  }
  return {
    ...inventory,
    zones: [...inventory.zones].sort((left, right) => compareText(left.zone, right.zone)),
    images: [...inventory.images].sort((left, right) => compareText(left.imageId, right.imageId)),
    instanceTypes: [...inventory.instanceTypes].sort(
      (left, right) => compareText(left.zone, right.zone) || compareText(left.instanceType, right.instanceType),
    ),
  };
}

export function buildSnapshot(input: SnapshotInput): InventorySnapshot {
  const regions = [...input.regions.entries()].sort(([left], [right]) => compareText(left, right));
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    runId: input.runId,
    trigger: input.trigger,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    regions: Object.fromEntries(regions.map(([region, inventory]) => [region, sortedRegion(inventory)])),
  };
}

/** Compact JSON plus a final newline: snapshots of every region run to megabytes, indentation would double them. */
export function serializeJson(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
}

/**
 * What the diff reads of a stored snapshot, checked before use: an older or damaged object must not
 * be mistaken for a catalogue in which everything disappeared. Other fields pass through untouched.
 */
const storedSnapshotSchema = z.looseObject({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  runId: z.string(),
  regions: z.record(
    z.string(),
    z.union([
      z.looseObject({
        status: z.literal('ok'),
        zones: z.array(z.looseObject({ zone: z.string(), zoneName: z.string() })),
        images: z.array(z.looseObject({ imageId: z.string(), imageName: z.string(), osName: z.string() })),
        instanceTypes: z.array(z.looseObject({ zone: z.string(), instanceType: z.string() })),
      }),
      z.looseObject({ status: z.literal('failed'), error: z.looseObject({ code: z.string() }) }),
    ]),
  ),
});

/** The stored snapshot, or undefined when the bytes are not a snapshot this version can compare. */
export function parseStoredSnapshot(bytes: Buffer): InventorySnapshot | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  // The schema checked every field the diff reads; the rest is this module's own output.
  return z.safeParse(storedSnapshotSchema, parsed).success ? (parsed as InventorySnapshot) : undefined;
}
