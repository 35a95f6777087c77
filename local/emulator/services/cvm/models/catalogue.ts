import { fnv1a } from '../../../catalogue/hash';
import { publicImagesOf, type Architecture, type ImageDefinition } from '../../../catalogue/images';
import { INSTANCE_TYPES, instanceTypesSoldIn, type InstanceTypeDefinition } from '../../../catalogue/instance-types';
import { REGIONS, type RegionDefinition } from '../../../catalogue/regions';
import { ZONES, type ZoneDefinition } from '../../../catalogue/zones';
import { IMAGE_ID } from '../formats';
import { CatalogueChangeError, type CatalogueChange } from '../service';

/** `<FAMILY>.<SIZE><MEMORY>`, e.g. `S5.2XLARGE16` (reference §5.4). */
const INSTANCE_TYPE_NAME = /^([A-Z][A-Za-z0-9]*)\.(SMALL|MEDIUM|LARGE|(\d+)XLARGE)(\d+)$/;

/** vCPUs implied by a type name's size (reference §5.4), for types added through the control API. */
function typeFromName(instanceType: string): InstanceTypeDefinition | undefined {
  const match = INSTANCE_TYPE_NAME.exec(instanceType);
  if (match === null) return undefined;
  const [, family = '', size = '', multiple, memory = '0'] = match;
  const cpuBySize: Readonly<Record<string, number>> = { SMALL: 1, MEDIUM: 2, LARGE: 4 };
  const cpu = cpuBySize[size] ?? 4 * Number(multiple);
  return { instanceType, family, cpu, memory: Number(memory), gpu: 0, fpga: 0, architecture: 'x86_64' };
}

function readImageField<T>(image: Readonly<Record<string, unknown>>, name: string, guard: (v: unknown) => v is T, fallback: T): T {
  const value = image[name];
  if (value === undefined) return fallback;
  if (!guard(value)) throw new CatalogueChangeError(`image.${name}`, `\`image.${name}\` has the wrong type`);
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isArchitecture = (value: unknown): value is Architecture => value === 'x86_64' || value === 'arm';

/** Builds a public image from the control API's loose `addImage` record (wire field names). */
function imageFromRecord(image: Readonly<Record<string, unknown>>): ImageDefinition {
  const imageId = readImageField(image, 'ImageId', isString, '');
  if (!IMAGE_ID.test(imageId)) {
    throw new CatalogueChangeError('image.ImageId', '`image.ImageId` must be img- followed by 8 lower-case letters or digits');
  }
  const osName = readImageField(image, 'OsName', isString, 'CentOS 7.6 64位');
  return {
    imageId,
    osName: { 'zh-CN': osName, 'en-US': osName.replace('64位', '64bit') },
    imageType: 'PUBLIC_IMAGE',
    createdTime: readImageField(image, 'CreatedTime', isString, '2024-01-01T00:00:00+00:00'),
    imageSize: readImageField(image, 'ImageSize', isNumber, 50),
    architecture: readImageField(image, 'Architecture', isArchitecture, 'x86_64'),
    platform: readImageField(image, 'Platform', isString, 'CentOS'),
    imageCreator: 'tencent',
    imageSource: 'OFFICIAL',
    isSupportCloudinit: true,
    snapshotSet: [],
    tags: [],
  };
}

/**
 * The region-wide (account-independent) catalogue: regions, zones, sold types, public images. Starts
 * from the deterministic data in `local/emulator/catalogue/` and applies control-API changes on top;
 * `reset()` rebuilds it from that data.
 */
export class CatalogueState {
  private zones = new Map<string, ZoneDefinition[]>();
  private typesByZone = new Map<string, string[]>();
  private images = new Map<string, ImageDefinition[]>();
  private readonly addedTypes = new Map<string, InstanceTypeDefinition>();

  constructor() {
    this.reset();
  }

  readonly regions: readonly RegionDefinition[] = REGIONS;
  readonly regionIds: ReadonlySet<string> = new Set(REGIONS.map((entry) => entry.region));

  reset(): void {
    this.zones = new Map(REGIONS.map((entry) => [entry.region, ZONES.filter((zone) => zone.region === entry.region)]));
    this.typesByZone = new Map(ZONES.map((zone) => [zone.zone, [...instanceTypesSoldIn(zone)]]));
    this.images = new Map(REGIONS.map((entry) => [entry.region, [...publicImagesOf(entry.region)]]));
    this.addedTypes.clear();
  }

  zonesOf(region: string): readonly ZoneDefinition[] {
    return this.zones.get(region) ?? [];
  }

  /** The zone if it belongs to the region. */
  zone(region: string, zone: string): ZoneDefinition | undefined {
    return this.zonesOf(region).find((entry) => entry.zone === zone);
  }

  /** Whether the zone exists in any region (to tell `MismatchRegion` from an unknown zone). */
  zoneExistsAnywhere(zone: string): boolean {
    return [...this.zones.values()].some((zones) => zones.some((entry) => entry.zone === zone));
  }

  typesSoldIn(zone: string): readonly string[] {
    return this.typesByZone.get(zone) ?? [];
  }

  instanceType(instanceType: string): InstanceTypeDefinition | undefined {
    return INSTANCE_TYPES.get(instanceType) ?? this.addedTypes.get(instanceType);
  }

  publicImagesOf(region: string): readonly ImageDefinition[] {
    return this.images.get(region) ?? [];
  }

  /** Applies every change kind except `seedPrivateImages`, which belongs to an account's store. */
  apply(change: Exclude<CatalogueChange, { kind: 'seedPrivateImages' }>): void {
    const regionZones = this.zones.get(change.region);
    const regionImages = this.images.get(change.region);
    if (regionZones === undefined || regionImages === undefined) {
      throw new CatalogueChangeError('region', `\`region\` ${change.region} is not a region of the catalogue`);
    }
    switch (change.kind) {
      case 'addImage': {
        const image = imageFromRecord(change.image);
        if (regionImages.some((entry) => entry.imageId === image.imageId)) {
          throw new CatalogueChangeError('image.ImageId', `\`image.ImageId\` ${image.imageId} already exists in ${change.region}`);
        }
        this.images.set(change.region, [...regionImages, image]);
        return;
      }
      case 'removeImage':
        if (!regionImages.some((entry) => entry.imageId === change.imageId)) {
          throw new CatalogueChangeError('imageId', `\`imageId\` ${change.imageId} is not a public image of ${change.region}`);
        }
        this.images.set(change.region, regionImages.filter((entry) => entry.imageId !== change.imageId));
        return;
      case 'addInstanceType': {
        this.requireZone(change.region, change.zone);
        if (this.instanceType(change.instanceType) === undefined) {
          const definition = typeFromName(change.instanceType);
          if (definition === undefined) {
            throw new CatalogueChangeError('instanceType', `\`instanceType\` ${change.instanceType} is neither a known type nor named like S5.LARGE8`);
          }
          this.addedTypes.set(change.instanceType, definition);
        }
        const sold = this.typesByZone.get(change.zone) ?? [];
        if (!sold.includes(change.instanceType)) this.typesByZone.set(change.zone, [...sold, change.instanceType]);
        return;
      }
      case 'removeInstanceType':
        this.requireZone(change.region, change.zone);
        if (!this.typesSoldIn(change.zone).includes(change.instanceType)) {
          throw new CatalogueChangeError('instanceType', `\`instanceType\` ${change.instanceType} is not sold in ${change.zone}`);
        }
        this.typesByZone.set(change.zone, this.typesSoldIn(change.zone).filter((type) => type !== change.instanceType));
        return;
      case 'addZone': {
        if (!change.zone.startsWith(`${change.region}-`)) {
          throw new CatalogueChangeError('zone', `\`zone\` ${change.zone} must start with ${change.region}-`);
        }
        if (this.zone(change.region, change.zone) !== undefined) {
          throw new CatalogueChangeError('zone', `\`zone\` ${change.zone} already exists in ${change.region}`);
        }
        const zone: ZoneDefinition = {
          region: change.region,
          zone: change.zone,
          zoneId: String(900_000_000 + (fnv1a(change.zone) % 100_000_000)),
          name: { 'zh-CN': change.zoneName, 'en-US': change.zoneName },
          state: 'AVAILABLE',
        };
        this.zones.set(change.region, [...regionZones, zone]);
        this.typesByZone.set(change.zone, [...instanceTypesSoldIn(zone)]);
        return;
      }
      case 'removeZone':
        this.requireZone(change.region, change.zone);
        this.zones.set(change.region, regionZones.filter((entry) => entry.zone !== change.zone));
        this.typesByZone.delete(change.zone);
        return;
    }
  }

  private requireZone(region: string, zone: string): void {
    if (this.zone(region, zone) === undefined) throw new CatalogueChangeError('zone', `\`zone\` ${zone} is not a zone of ${region}`);
  }
}
