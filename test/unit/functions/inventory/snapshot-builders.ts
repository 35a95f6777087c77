import type { ImageItem } from '../../../../lib/mappers/images';
import type { InstanceTypeItem } from '../../../../lib/mappers/instance-types';
import {
  SNAPSHOT_SCHEMA_VERSION,
  type InventorySnapshot,
  type RegionInventory,
  type ZoneItem,
} from '../../../../functions/inventory/snapshot';

/** A compact description of one region: zone → instance types, and image ids; or a failure code. */
export type RegionSketch =
  | { readonly zones: Readonly<Record<string, readonly string[]>>; readonly images: readonly string[] }
  | { readonly failed: string };

export function zoneItem(zone: string): ZoneItem {
  return { zone, zoneName: `${zone} name`, zoneId: '100001', zoneState: 'AVAILABLE' };
}

export function imageItem(imageId: string): ImageItem {
  return {
    imageId,
    osName: `${imageId} os`,
    imageType: 'PUBLIC_IMAGE',
    imageName: `${imageId} name`,
    imageDescription: '',
    imageSize: '50',
    architecture: 'x86_64',
    imageState: 'NORMAL',
    platform: 'TencentOS',
    imageSource: 'OFFICIAL',
  };
}

export function instanceTypeItem(zone: string, instanceType: string): InstanceTypeItem {
  return { zone, instanceType, instanceFamily: instanceType.split('.')[0] ?? '', gpu: '0', cpu: '2', memory: '4', fpga: '0' };
}

function regionInventory(sketch: RegionSketch): RegionInventory {
  if ('failed' in sketch) {
    return {
      status: 'failed',
      regionName: 'name',
      regionState: 'AVAILABLE',
      error: { code: sketch.failed, message: `${sketch.failed} happened`, action: 'DescribeZones' },
    };
  }
  return {
    status: 'ok',
    regionName: 'name',
    regionState: 'AVAILABLE',
    zones: Object.keys(sketch.zones).map(zoneItem),
    images: sketch.images.map(imageItem),
    instanceTypes: Object.entries(sketch.zones).flatMap(([zone, types]) => types.map((type) => instanceTypeItem(zone, type))),
  };
}

export function snapshotOf(runId: string, regions: Readonly<Record<string, RegionSketch>>): InventorySnapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    runId,
    trigger: { name: 'EveryDay', time: '2024-05-01T00:00:00Z' },
    startedAt: '2024-05-01T00:00:01.000Z',
    finishedAt: '2024-05-01T00:00:02.000Z',
    regions: Object.fromEntries(Object.entries(regions).map(([region, sketch]) => [region, regionInventory(sketch)])),
  };
}
