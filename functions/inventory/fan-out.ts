/**
 * Inventories every region: DescribeRegions once, then the regions with at most `concurrency` in
 * flight. Inside a region the zones, the instance types and the first image page are asked for at
 * the same time (the other image pages follow in parallel). A region whose calls still fail after the
 * retries is recorded as failed with the first failure's code; it never stops the other regions.
 */
import { mapWithConcurrency } from '../../lib/concurrency/map-with-concurrency';
import { toApiError } from '../../lib/errors/api-error';
import type { DescribeAction, InventoryCvm, RegionItem } from './cvm-calls';
import type { RegionError, RegionInventory } from './snapshot';

/** What the function logs when a region is done (and what `npm run inventory` shows). */
export interface RegionProgress {
  readonly region: string;
  readonly status: RegionInventory['status'];
  readonly durationMs: number;
  /** Regions finished so far, this one included, and how many there are. */
  readonly done: number;
  readonly total: number;
  readonly zones?: number;
  readonly images?: number;
  readonly instanceTypes?: number;
  readonly code?: string;
}

export interface FanOutOptions {
  readonly concurrency: number;
  readonly onRegionDone?: (progress: RegionProgress) => void;
  readonly now?: () => number;
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RegionError };

/** Waits for the call and keeps its failure as data, so one failed action does not hide the others' end. */
function settle<T>(action: DescribeAction, call: Promise<T>): Promise<Outcome<T>> {
  return call.then(
    (value) => ({ ok: true, value }),
    (reason: unknown) => {
      const failure = toApiError(reason);
      return { ok: false, error: { code: failure.code, message: failure.message, action } };
    },
  );
}

async function inventoryRegion(cvm: InventoryCvm, region: RegionItem): Promise<RegionInventory> {
  const identity = { regionName: region.regionName, regionState: region.regionState };
  const [zones, images, instanceTypes] = await Promise.all([
    settle('DescribeZones', cvm.zones(region.region)),
    settle('DescribeImages', cvm.images(region.region)),
    settle('DescribeInstanceTypeConfigs', cvm.instanceTypes(region.region)),
  ]);
  if (!zones.ok) return { status: 'failed', ...identity, error: zones.error };
  if (!images.ok) return { status: 'failed', ...identity, error: images.error };
  if (!instanceTypes.ok) return { status: 'failed', ...identity, error: instanceTypes.error };
  return { status: 'ok', ...identity, zones: zones.value, images: images.value, instanceTypes: instanceTypes.value };
}

function progressOf(region: string, inventory: RegionInventory, durationMs: number, done: number, total: number): RegionProgress {
  const base = { region, status: inventory.status, durationMs, done, total };
  return inventory.status === 'ok'
    ? { ...base, zones: inventory.zones.length, images: inventory.images.length, instanceTypes: inventory.instanceTypes.length }
    : { ...base, code: inventory.error.code };
}

/**
 * @example
 * const regions = await collectInventory(cvm, { concurrency: 10, onRegionDone: (progress) => log.info('region inventoried', progress) });
 */
export async function collectInventory(cvm: InventoryCvm, options: FanOutOptions): Promise<Map<string, RegionInventory>> {
  const now = options.now ?? Date.now;
  const regions = await cvm.regions();
  let done = 0;
  const inventories = await mapWithConcurrency(regions, options.concurrency, async (region) => {
    const started = now();
    const inventory = await inventoryRegion(cvm, region);
    done += 1;
    options.onRegionDone?.(progressOf(region.region, inventory, now() - started, done, regions.length));
    return [region.region, inventory] as const;
  });
  return new Map(inventories);
}
