import type { LocalizedName } from './localized';

export type ZoneState = 'AVAILABLE' | 'UNAVAILABLE';

export interface ZoneDefinition {
  readonly region: string;
  readonly zone: string;
  readonly zoneId: string;
  readonly name: LocalizedName;
  readonly state: ZoneState;
}

interface RegionZones {
  readonly region: string;
  readonly city: LocalizedName;
  readonly numbers: readonly number[];
  /** ZoneId = base + zone number. */
  readonly zoneIdBase: number;
  /** Sold-out / retired zones, listed with `ZoneState: UNAVAILABLE` (reference §4.3, §5.2). */
  readonly unavailable: readonly number[];
}

/**
 * Zones per region (reference §5.2). ZoneIds for the mainland regions and Hong Kong are verified there;
 * the ZoneId bases of the other regions (ap-singapore 900000, ap-bangkok 230000, ap-seoul 180000,
 * ap-tokyo 250000, ap-mumbai 210000, eu-frankfurt 170000, eu-moscow 240000, na-siliconvalley 150000,
 * na-ashburn 220000, na-toronto 400000) are INVENTED by the same `<base> + n` pattern.
 * `ap-guangzhou-5` is kept (AVAILABLE) because the seed's instance-type example lists it.
 */
const REGION_ZONES: readonly RegionZones[] = [
  { region: 'ap-guangzhou', city: { 'zh-CN': '广州', 'en-US': 'Guangzhou' }, numbers: [1, 2, 3, 4, 5, 6, 7], zoneIdBase: 100000, unavailable: [1, 2] },
  { region: 'ap-shenzhen-fsi', city: { 'zh-CN': '深圳金融', 'en-US': 'Shenzhen Finance' }, numbers: [1, 2, 3], zoneIdBase: 110000, unavailable: [3] },
  { region: 'ap-shanghai', city: { 'zh-CN': '上海', 'en-US': 'Shanghai' }, numbers: [1, 2, 3, 4, 5, 8], zoneIdBase: 200000, unavailable: [1] },
  { region: 'ap-shanghai-fsi', city: { 'zh-CN': '上海金融', 'en-US': 'Shanghai Finance' }, numbers: [1, 2, 3], zoneIdBase: 700000, unavailable: [] },
  { region: 'ap-nanjing', city: { 'zh-CN': '南京', 'en-US': 'Nanjing' }, numbers: [1, 2, 3], zoneIdBase: 330000, unavailable: [] },
  { region: 'ap-beijing', city: { 'zh-CN': '北京', 'en-US': 'Beijing' }, numbers: [1, 2, 3, 4, 5, 6, 7, 8], zoneIdBase: 800000, unavailable: [1] },
  { region: 'ap-chengdu', city: { 'zh-CN': '成都', 'en-US': 'Chengdu' }, numbers: [1, 2], zoneIdBase: 160000, unavailable: [] },
  { region: 'ap-chongqing', city: { 'zh-CN': '重庆', 'en-US': 'Chongqing' }, numbers: [1], zoneIdBase: 190000, unavailable: [] },
  { region: 'ap-hongkong', city: { 'zh-CN': '香港', 'en-US': 'Hong Kong' }, numbers: [1, 2, 3], zoneIdBase: 300000, unavailable: [1] },
  { region: 'ap-singapore', city: { 'zh-CN': '新加坡', 'en-US': 'Singapore' }, numbers: [1, 2, 3, 4], zoneIdBase: 900000, unavailable: [] },
  { region: 'ap-bangkok', city: { 'zh-CN': '曼谷', 'en-US': 'Bangkok' }, numbers: [1, 2], zoneIdBase: 230000, unavailable: [] },
  { region: 'ap-seoul', city: { 'zh-CN': '首尔', 'en-US': 'Seoul' }, numbers: [1, 2], zoneIdBase: 180000, unavailable: [] },
  { region: 'ap-tokyo', city: { 'zh-CN': '东京', 'en-US': 'Tokyo' }, numbers: [1, 2], zoneIdBase: 250000, unavailable: [] },
  { region: 'ap-mumbai', city: { 'zh-CN': '孟买', 'en-US': 'Mumbai' }, numbers: [1, 2], zoneIdBase: 210000, unavailable: [] },
  { region: 'eu-frankfurt', city: { 'zh-CN': '法兰克福', 'en-US': 'Frankfurt' }, numbers: [1, 2], zoneIdBase: 170000, unavailable: [] },
  { region: 'eu-moscow', city: { 'zh-CN': '莫斯科', 'en-US': 'Moscow' }, numbers: [1], zoneIdBase: 240000, unavailable: [] },
  { region: 'na-siliconvalley', city: { 'zh-CN': '硅谷', 'en-US': 'Silicon Valley' }, numbers: [1, 2], zoneIdBase: 150000, unavailable: [] },
  { region: 'na-ashburn', city: { 'zh-CN': '弗吉尼亚', 'en-US': 'Virginia' }, numbers: [1, 2], zoneIdBase: 220000, unavailable: [] },
  { region: 'na-toronto', city: { 'zh-CN': '多伦多', 'en-US': 'Toronto' }, numbers: [1], zoneIdBase: 400000, unavailable: [] },
];

const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** `广州三区` / `Guangzhou Zone 3` (reference §5.2). */
function zoneName(city: LocalizedName, zoneNumber: number): LocalizedName {
  return {
    'zh-CN': `${city['zh-CN']}${CHINESE_NUMERALS[zoneNumber] ?? String(zoneNumber)}区`,
    'en-US': `${city['en-US']} Zone ${zoneNumber}`,
  };
}

export const ZONES: readonly ZoneDefinition[] = REGION_ZONES.flatMap((entry) =>
  entry.numbers.map((zoneNumber) => ({
    region: entry.region,
    zone: `${entry.region}-${zoneNumber}`,
    zoneId: String(entry.zoneIdBase + zoneNumber),
    name: zoneName(entry.city, zoneNumber),
    state: entry.unavailable.includes(zoneNumber) ? ('UNAVAILABLE' as const) : ('AVAILABLE' as const),
  })),
);
