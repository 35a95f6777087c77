import type { LocalizedName } from './localized';

export interface RegionDefinition {
  readonly region: string;
  readonly name: LocalizedName;
}

/**
 * The 19 regions a 2020-era real DescribeRegions answered (reference §5.1, "2020 list" column, without
 * `ap-guangzhou-open`), matching the seed's `totalCount: "19"`, first row `ap-guangzhou` and last row
 * `na-toronto`. Chinese names are the current CVM names; English names follow the Region service.
 * Every region is `AVAILABLE`.
 */
export const REGIONS: readonly RegionDefinition[] = [
  { region: 'ap-guangzhou', name: { 'zh-CN': '华南地区(广州)', 'en-US': 'South China(Guangzhou)' } },
  { region: 'ap-shenzhen-fsi', name: { 'zh-CN': '华南地区(深圳金融)', 'en-US': 'South China(Shenzhen Finance)' } },
  { region: 'ap-shanghai', name: { 'zh-CN': '华东地区(上海)', 'en-US': 'East China(Shanghai)' } },
  { region: 'ap-shanghai-fsi', name: { 'zh-CN': '华东地区(上海金融)', 'en-US': 'East China(Shanghai Finance)' } },
  { region: 'ap-nanjing', name: { 'zh-CN': '华东地区(南京)', 'en-US': 'East China(Nanjing)' } },
  { region: 'ap-beijing', name: { 'zh-CN': '华北地区(北京)', 'en-US': 'North China region(Beijing)' } },
  { region: 'ap-chengdu', name: { 'zh-CN': '西南地区(成都)', 'en-US': 'Southwest China(Chengdu)' } },
  { region: 'ap-chongqing', name: { 'zh-CN': '西南地区(重庆)', 'en-US': 'Southwest China(Chongqing)' } },
  {
    region: 'ap-hongkong',
    name: { 'zh-CN': '港澳台地区(中国香港)', 'en-US': 'Hong Kong, Macau and Taiwan (China)(Hong Kong, China)' },
  },
  { region: 'ap-singapore', name: { 'zh-CN': '亚太东南(新加坡)', 'en-US': 'Southeast Asia(Singapore)' } },
  { region: 'ap-bangkok', name: { 'zh-CN': '亚太东南(曼谷)', 'en-US': 'Southeast Asia(Bangkok)' } },
  { region: 'ap-seoul', name: { 'zh-CN': '亚太东北(首尔)', 'en-US': 'Northeast Asia(Seoul)' } },
  { region: 'ap-tokyo', name: { 'zh-CN': '亚太东北(东京)', 'en-US': 'Northeast Asia(Tokyo)' } },
  { region: 'ap-mumbai', name: { 'zh-CN': '亚太南部(孟买)', 'en-US': 'South Asia(Mumbai)' } },
  { region: 'eu-frankfurt', name: { 'zh-CN': '欧洲地区(法兰克福)', 'en-US': 'Europe(Frankfurt)' } },
  { region: 'eu-moscow', name: { 'zh-CN': '欧洲地区(莫斯科)', 'en-US': 'Europe(Northeastern Europe)' } },
  { region: 'na-siliconvalley', name: { 'zh-CN': '美国西部(硅谷)', 'en-US': 'US West(Silicon Valley)' } },
  { region: 'na-ashburn', name: { 'zh-CN': '美国东部(弗吉尼亚)', 'en-US': 'US East(Virginia)' } },
  { region: 'na-toronto', name: { 'zh-CN': '北美地区(多伦多)', 'en-US': 'North America(Toronto)' } },
];
