import { percentileOf } from './hash';
import type { Architecture } from './images';
import type { LocalizedName } from './localized';
import type { ZoneDefinition } from './zones';

export interface InstanceTypeDefinition {
  readonly instanceType: string;
  readonly family: string;
  readonly cpu: number;
  readonly memory: number;
  readonly gpu: number;
  readonly fpga: number;
  readonly gpuType?: string;
  /** Per-card GiB (reference §5.4). */
  readonly gpuMemory?: number;
  readonly architecture: Architecture;
}

interface FamilyDefinition {
  readonly family: string;
  readonly name: LocalizedName;
  readonly architecture: Architecture;
  /** Share of AVAILABLE zones (0–100) selling this family, chosen by a hash of zone and family. */
  readonly zoneShare: number;
  /** Zones that always sell the whole family (documented examples must work there). */
  readonly pinnedZones: readonly string[];
  /** `[size, cpu, memory, gpu?, fpga?]`; the type name is `<family>.<size><memory>`. */
  readonly sizes: readonly (readonly [string, number, number, number?, number?])[];
  readonly gpuType?: string;
  readonly gpuMemory?: number;
}

/**
 * Families and types from reference §5.4. `S1` is the old default type family (`S1.SMALL1`, used when
 * RunInstances omits InstanceType) and is sold in every AVAILABLE zone. INVENTED for breadth (not in
 * §5.4): the arm family `SR1` and its types, the `IT5` and `FX4` type grids.
 */
const FAMILIES: readonly FamilyDefinition[] = [
  {
    family: 'S1', name: { 'zh-CN': '标准型S1', 'en-US': 'Standard S1' }, architecture: 'x86_64', zoneShare: 100, pinnedZones: [],
    sizes: [['SMALL', 1, 1], ['SMALL', 1, 2], ['MEDIUM', 2, 4], ['LARGE', 4, 8]],
  },
  {
    family: 'S5', name: { 'zh-CN': '标准型S5', 'en-US': 'Standard S5' }, architecture: 'x86_64', zoneShare: 90,
    pinnedZones: ['ap-shanghai-2', 'ap-guangzhou-3'],
    sizes: [
      ['SMALL', 1, 1], ['SMALL', 1, 2], ['SMALL', 1, 4], ['MEDIUM', 2, 2], ['MEDIUM', 2, 4], ['MEDIUM', 2, 8],
      ['LARGE', 4, 4], ['LARGE', 4, 8], ['LARGE', 4, 16], ['2XLARGE', 8, 16], ['2XLARGE', 8, 32],
      ['4XLARGE', 16, 32], ['4XLARGE', 16, 64], ['6XLARGE', 24, 48], ['6XLARGE', 24, 96], ['8XLARGE', 32, 64],
      ['8XLARGE', 32, 128], ['12XLARGE', 48, 96], ['12XLARGE', 48, 192], ['16XLARGE', 64, 256], ['21XLARGE', 84, 320],
    ],
  },
  {
    family: 'S6', name: { 'zh-CN': '标准型S6', 'en-US': 'Standard S6' }, architecture: 'x86_64', zoneShare: 70,
    pinnedZones: ['ap-guangzhou-6'],
    sizes: [
      ['MEDIUM', 2, 2], ['MEDIUM', 2, 4], ['MEDIUM', 2, 8], ['LARGE', 4, 8], ['LARGE', 4, 16], ['2XLARGE', 8, 16],
      ['2XLARGE', 8, 32], ['16XLARGE', 64, 216], ['32XLARGE', 128, 432],
    ],
  },
  {
    family: 'SA2', name: { 'zh-CN': '标准型SA2', 'en-US': 'Standard SA2' }, architecture: 'x86_64', zoneShare: 80,
    pinnedZones: ['ap-guangzhou-5'],
    sizes: [
      ['SMALL', 1, 1], ['SMALL', 1, 2], ['SMALL', 1, 4], ['MEDIUM', 2, 2], ['MEDIUM', 2, 4], ['MEDIUM', 2, 8],
      ['LARGE', 4, 8], ['LARGE', 4, 16], ['45XLARGE', 180, 464],
    ],
  },
  {
    family: 'SA3', name: { 'zh-CN': '标准型SA3', 'en-US': 'Standard SA3' }, architecture: 'x86_64', zoneShare: 75,
    pinnedZones: ['ap-guangzhou-5'],
    sizes: [
      ['MEDIUM', 2, 2], ['MEDIUM', 2, 4], ['MEDIUM', 2, 8], ['LARGE', 4, 8], ['LARGE', 4, 16], ['2XLARGE', 8, 16],
      ['2XLARGE', 8, 32], ['4XLARGE', 16, 32], ['4XLARGE', 16, 64], ['8XLARGE', 32, 64], ['8XLARGE', 32, 128],
      ['16XLARGE', 64, 256], ['29XLARGE', 116, 470], ['40XLARGE', 160, 640], ['58XLARGE', 232, 432], ['58XLARGE', 232, 940],
    ],
  },
  {
    family: 'M5', name: { 'zh-CN': '内存型M5', 'en-US': 'Memory Optimized M5' }, architecture: 'x86_64', zoneShare: 60, pinnedZones: [],
    sizes: [['SMALL', 1, 8], ['MEDIUM', 2, 16], ['LARGE', 4, 32], ['2XLARGE', 8, 64]],
  },
  {
    family: 'C6', name: { 'zh-CN': '计算型C6', 'en-US': 'Compute C6' }, architecture: 'x86_64', zoneShare: 50, pinnedZones: [],
    sizes: [['LARGE', 4, 8], ['2XLARGE', 8, 16], ['4XLARGE', 16, 32], ['8XLARGE', 32, 64], ['16XLARGE', 64, 128], ['23XLARGE', 92, 432]],
  },
  {
    family: 'IT5', name: { 'zh-CN': '高IO型IT5', 'en-US': 'High IO IT5' }, architecture: 'x86_64', zoneShare: 35, pinnedZones: [],
    sizes: [['4XLARGE', 16, 64], ['8XLARGE', 32, 128], ['16XLARGE', 64, 256], ['21XLARGE', 84, 320]],
  },
  {
    family: 'SR1', name: { 'zh-CN': '标准型SR1', 'en-US': 'Standard SR1' }, architecture: 'arm', zoneShare: 40,
    pinnedZones: ['ap-guangzhou-3'],
    sizes: [['MEDIUM', 2, 4], ['LARGE', 4, 8], ['2XLARGE', 8, 16], ['4XLARGE', 16, 32], ['8XLARGE', 32, 64]],
  },
  {
    family: 'GN7', name: { 'zh-CN': 'GPU计算型GN7', 'en-US': 'GPU Compute GN7' }, architecture: 'x86_64', zoneShare: 40,
    pinnedZones: ['ap-guangzhou-3'], gpuType: 'NVIDIA T4', gpuMemory: 16,
    sizes: [['2XLARGE', 8, 32, 1], ['5XLARGE', 20, 80, 1], ['8XLARGE', 32, 128, 1], ['10XLARGE', 40, 160, 2], ['20XLARGE', 80, 320, 4]],
  },
  {
    family: 'GN10Xp', name: { 'zh-CN': 'GPU计算型GN10Xp', 'en-US': 'GPU Compute GN10Xp' }, architecture: 'x86_64', zoneShare: 30,
    pinnedZones: [], gpuType: 'NVIDIA V100', gpuMemory: 32,
    sizes: [['2XLARGE', 10, 40, 1], ['5XLARGE', 20, 80, 2], ['10XLARGE', 40, 160, 4], ['20XLARGE', 80, 320, 8]],
  },
  {
    family: 'FX4', name: { 'zh-CN': 'FPGA型FX4', 'en-US': 'FPGA FX4' }, architecture: 'x86_64', zoneShare: 15,
    pinnedZones: ['ap-guangzhou-4'],
    sizes: [['8XLARGE', 32, 128, 0, 1], ['16XLARGE', 64, 256, 0, 2]],
  },
];

function typesOf(family: FamilyDefinition): readonly InstanceTypeDefinition[] {
  return family.sizes.map(([size, cpu, memory, gpu = 0, fpga = 0]) => ({
    instanceType: `${family.family}.${size}${memory}`,
    family: family.family,
    cpu,
    memory,
    gpu,
    fpga,
    ...(gpu > 0 && family.gpuType !== undefined ? { gpuType: family.gpuType, gpuMemory: family.gpuMemory } : {}),
    architecture: family.architecture,
  }));
}

/** Every type the catalogue knows, keyed by name (independent of zones). */
export const INSTANCE_TYPES: ReadonlyMap<string, InstanceTypeDefinition> = new Map(
  FAMILIES.flatMap(typesOf).map((definition) => [definition.instanceType, definition]),
);

export const INSTANCE_FAMILY_NAMES: ReadonlyMap<string, LocalizedName> = new Map(
  FAMILIES.map((family) => [family.family, family.name]),
);

/** Types of 64 vCPUs or more are only stocked in about half of a family's zones. */
const LARGE_TYPE_CPU = 64;

/**
 * The types a zone sells, in family order. UNAVAILABLE zones sell nothing; otherwise a family is sold
 * when the zone is pinned for it or when a hash of zone and family falls under its share.
 */
export function instanceTypesSoldIn(zone: ZoneDefinition): readonly string[] {
  if (zone.state === 'UNAVAILABLE') return [];
  return FAMILIES.flatMap((family) => {
    const pinned = family.pinnedZones.includes(zone.zone);
    if (!pinned && percentileOf(`${zone.zone}/${family.family}`) >= family.zoneShare) return [];
    return typesOf(family)
      .filter((type) => pinned || type.cpu < LARGE_TYPE_CPU || percentileOf(`${zone.zone}/${type.instanceType}`) < 50)
      .map((type) => type.instanceType);
  });
}
