import { fnv1a, resourceIdFromSeed } from './hash';
import type { LocalizedName } from './localized';

export type Architecture = 'x86_64' | 'arm';

/** An image as the catalogue and the store keep it; actions shape it into the wire `Image`. */
export interface ImageDefinition {
  readonly imageId: string;
  readonly osName: LocalizedName;
  /** Custom images carry their own name; public images are named after their OS. */
  readonly imageName?: string;
  readonly imageType: 'PUBLIC_IMAGE' | 'PRIVATE_IMAGE' | 'SHARED_IMAGE';
  readonly createdTime: string;
  readonly imageSize: number;
  readonly architecture: Architecture;
  readonly platform: string;
  readonly imageCreator: string;
  readonly imageSource: 'OFFICIAL' | 'CREATE_IMAGE' | 'EXTERNAL_IMPORT';
  readonly isSupportCloudinit: boolean;
  readonly snapshotSet: readonly { readonly SnapshotId: string; readonly DiskUsage: string; readonly DiskSize: number }[];
  readonly tags: readonly { readonly Key: string; readonly Value: string }[];
}

interface PublicImageSeed {
  /** Documented / observed id (reference §5.3); absent → derived from the name, identical in every region. */
  readonly imageId?: string;
  readonly name: string;
  /** Linux images say `64位` (zh-CN) / `64bit` (en-US) after the name (reference §5.3). */
  readonly bits: boolean;
  readonly platform: string;
  readonly architecture: Architecture;
  /** Only sold in mainland-China regions (the Windows 2012 R2 images), so overseas regions list 60. */
  readonly mainlandOnly?: boolean;
}

/**
 * 62 public images (the seed's ap-guangzhou count), ordered so the list opens with
 * `img-9a0eg8mt` and ends with `img-8toqc6s3` as the seed's example does. Ids of rows with an `imageId`
 * come from reference §5.3; `img-pmqg1cw7`, `img-dkwyg6sr` and `img-gvbnzy6f` appear in the docs
 * without an OS, so the OS given here is an ASSUMPTION. Every other row is INVENTED for breadth
 * (several platforms, 9 arm images) with an id derived from its name.
 */
const PUBLIC_IMAGE_SEEDS: readonly PublicImageSeed[] = [
  { imageId: 'img-9a0eg8mt', name: 'TencentOS Server 3.1 for ARM64 (TK4)', bits: false, platform: 'TencentOS', architecture: 'arm' },
  { imageId: 'img-eb30mz89', name: 'TencentOS Server 3.1 (TK4)', bits: false, platform: 'TencentOS', architecture: 'x86_64' },
  { imageId: 'img-hdt9xxkt', name: 'TencentOS Server 2.4', bits: false, platform: 'TencentOS', architecture: 'x86_64' },
  { imageId: 'img-7rqxtnh9', name: 'TencentOS Server 3.3 (TK4)', bits: false, platform: 'TencentOS', architecture: 'x86_64' },
  { imageId: 'img-6n21msk1', name: 'TencentOS Server 4 for x86_64', bits: false, platform: 'TencentOS', architecture: 'x86_64' },
  { imageId: 'img-9qrfy1xt', name: 'TencentOS Server 4', bits: false, platform: 'TencentOS', architecture: 'x86_64' },
  { name: 'TencentOS Server 3.3 for ARM64 (TK4)', bits: false, platform: 'TencentOS', architecture: 'arm' },
  { name: 'TencentOS Server 4 for ARM64', bits: false, platform: 'TencentOS', architecture: 'arm' },
  { imageId: 'img-028qly2h', name: 'OpenCloudOS Server 8', bits: false, platform: 'OpenCloudOS', architecture: 'x86_64' },
  { imageId: 'img-j5e5hadz', name: 'OpenCloudOS Server 9', bits: false, platform: 'OpenCloudOS', architecture: 'x86_64' },
  { name: 'OpenCloudOS Server 9 for ARM64', bits: false, platform: 'OpenCloudOS', architecture: 'arm' },
  { name: 'Ubuntu Server 14.04.1 LTS', bits: true, platform: 'Ubuntu', architecture: 'x86_64' },
  { imageId: 'img-dkwyg6sr', name: 'Ubuntu Server 16.04.1 LTS', bits: true, platform: 'Ubuntu', architecture: 'x86_64' },
  { imageId: 'img-pi0ii46r', name: 'Ubuntu Server 18.04.1 LTS', bits: true, platform: 'Ubuntu', architecture: 'x86_64' },
  { imageId: 'img-22trbn9x', name: 'Ubuntu Server 20.04 LTS', bits: true, platform: 'Ubuntu', architecture: 'x86_64' },
  { imageId: 'img-487zeit5', name: 'Ubuntu Server 22.04 LTS', bits: true, platform: 'Ubuntu', architecture: 'x86_64' },
  { imageId: 'img-mmytdhbn', name: 'Ubuntu Server 24.04 LTS', bits: true, platform: 'Ubuntu', architecture: 'x86_64' },
  { name: 'Ubuntu Server 20.04 LTS for ARM64', bits: false, platform: 'Ubuntu', architecture: 'arm' },
  { name: 'Ubuntu Server 22.04 LTS for ARM64', bits: false, platform: 'Ubuntu', architecture: 'arm' },
  { name: 'Debian 8.2', bits: true, platform: 'Debian', architecture: 'x86_64' },
  { name: 'Debian 9.0', bits: true, platform: 'Debian', architecture: 'x86_64' },
  { imageId: 'img-gvbnzy6f', name: 'Debian 10.2', bits: true, platform: 'Debian', architecture: 'x86_64' },
  { name: 'Debian 11.1', bits: true, platform: 'Debian', architecture: 'x86_64' },
  { imageId: 'img-7ag0z2jt', name: 'Debian 12', bits: true, platform: 'Debian', architecture: 'x86_64' },
  { name: 'Debian 12 for ARM64', bits: false, platform: 'Debian', architecture: 'arm' },
  { name: 'AlmaLinux 8.5', bits: true, platform: 'AlmaLinux', architecture: 'x86_64' },
  { name: 'AlmaLinux 9.0', bits: true, platform: 'AlmaLinux', architecture: 'x86_64' },
  { imageId: 'img-no575grb', name: 'Rocky Linux 8.6', bits: true, platform: 'Rocky Linux', architecture: 'x86_64' },
  { name: 'Rocky Linux 8.8', bits: true, platform: 'Rocky Linux', architecture: 'x86_64' },
  { imageId: 'img-no59bf11', name: 'Rocky Linux 9.2', bits: true, platform: 'Rocky Linux', architecture: 'x86_64' },
  { name: 'Rocky Linux 9.2 for ARM64', bits: false, platform: 'Rocky Linux', architecture: 'arm' },
  { imageId: 'img-kp3mv36j', name: 'Red Hat Enterprise Linux 8', bits: false, platform: 'Red Hat', architecture: 'x86_64' },
  { imageId: 'img-02j8jprl', name: 'Red Hat Enterprise Linux 9', bits: false, platform: 'Red Hat', architecture: 'x86_64' },
  { imageId: 'img-29guuzjp', name: 'Red Hat Enterprise Linux 10', bits: false, platform: 'Red Hat', architecture: 'x86_64' },
  { name: 'Fedora 36', bits: true, platform: 'Fedora', architecture: 'x86_64' },
  { name: 'Fedora 37', bits: true, platform: 'Fedora', architecture: 'x86_64' },
  { name: 'openSUSE Leap 15.4', bits: true, platform: 'OpenSUSE', architecture: 'x86_64' },
  { name: 'FreeBSD 12.3', bits: true, platform: 'FreeBSD', architecture: 'x86_64' },
  { name: 'FreeBSD 13.1', bits: true, platform: 'FreeBSD', architecture: 'x86_64' },
  { name: 'Windows Server 2012 R2 DataCenter 64bit CN', bits: false, platform: 'Windows', architecture: 'x86_64', mainlandOnly: true },
  { name: 'Windows Server 2012 R2 DataCenter 64bit EN', bits: false, platform: 'Windows', architecture: 'x86_64', mainlandOnly: true },
  { imageId: 'img-1eckhm4t', name: 'Windows Server 2016 DataCenter 64bit EN', bits: false, platform: 'Windows', architecture: 'x86_64' },
  { imageId: 'img-9id7emv7', name: 'Windows Server 2016 DataCenter 64bit CN', bits: false, platform: 'Windows', architecture: 'x86_64' },
  { imageId: 'img-bhvhr6pr', name: 'Windows Server 2019 DataCenter 64bit EN', bits: false, platform: 'Windows', architecture: 'x86_64' },
  { imageId: 'img-mmy6qctz', name: 'Windows Server 2019 DataCenter 64bit CN', bits: false, platform: 'Windows', architecture: 'x86_64' },
  { imageId: 'img-9tzezztj', name: 'Windows Server 2022 DataCenter 64bit EN', bits: false, platform: 'Windows', architecture: 'x86_64' },
  { imageId: 'img-m07ny34j', name: 'Windows Server 2022 DataCenter 64bit CN', bits: false, platform: 'Windows', architecture: 'x86_64' },
  { imageId: 'img-eb87lxi3', name: 'Windows Server 2025 DataCenter 64bit EN', bits: false, platform: 'Windows', architecture: 'x86_64' },
  { imageId: 'img-6jb5wacd', name: 'Windows Server 2025 DataCenter 64bit CN', bits: false, platform: 'Windows', architecture: 'x86_64' },
  { name: 'CentOS 7.6 for ARM64', bits: false, platform: 'CentOS', architecture: 'arm' },
  { name: 'CentOS Stream 8', bits: true, platform: 'CentOS', architecture: 'x86_64' },
  { name: 'CentOS Stream 9', bits: true, platform: 'CentOS', architecture: 'x86_64' },
  { name: 'CentOS 7.2', bits: true, platform: 'CentOS', architecture: 'x86_64' },
  { name: 'CentOS 7.3', bits: true, platform: 'CentOS', architecture: 'x86_64' },
  { name: 'CentOS 7.5', bits: true, platform: 'CentOS', architecture: 'x86_64' },
  { imageId: 'img-9qabwvbn', name: 'CentOS 7.6', bits: true, platform: 'CentOS', architecture: 'x86_64' },
  { name: 'CentOS 7.7', bits: true, platform: 'CentOS', architecture: 'x86_64' },
  { name: 'CentOS 7.8', bits: true, platform: 'CentOS', architecture: 'x86_64' },
  { imageId: 'img-l8og963d', name: 'CentOS 7.9', bits: true, platform: 'CentOS', architecture: 'x86_64' },
  { name: 'CentOS 8.0', bits: true, platform: 'CentOS', architecture: 'x86_64' },
  { imageId: 'img-pmqg1cw7', name: 'CentOS 8.2', bits: true, platform: 'CentOS', architecture: 'x86_64' },
  { imageId: 'img-8toqc6s3', name: 'CentOS 7.4', bits: true, platform: 'CentOS', architecture: 'x86_64' },
];

const MAINLAND_REGIONS: ReadonlySet<string> = new Set([
  'ap-guangzhou',
  'ap-shenzhen-fsi',
  'ap-shanghai',
  'ap-shanghai-fsi',
  'ap-nanjing',
  'ap-beijing',
  'ap-chengdu',
  'ap-chongqing',
]);

const DAY_MS = 86_400_000;
const EPOCH_2019 = Date.UTC(2019, 0, 1);

/** A stable creation date between 2019 and 2024, in the doc's `2020-09-22T00:00:00+00:00` form. */
export function catalogueDate(seed: string): string {
  const day = new Date(EPOCH_2019 + (fnv1a(seed) % 2000) * DAY_MS);
  return `${day.toISOString().slice(0, 10)}T00:00:00+00:00`;
}

function publicImage(seed: PublicImageSeed): ImageDefinition {
  return {
    imageId: seed.imageId ?? resourceIdFromSeed('img', `public:${seed.name}`),
    osName: seed.bits
      ? { 'zh-CN': `${seed.name} 64位`, 'en-US': `${seed.name} 64bit` }
      : { 'zh-CN': seed.name, 'en-US': seed.name },
    imageType: 'PUBLIC_IMAGE',
    createdTime: catalogueDate(seed.name),
    imageSize: 50,
    architecture: seed.architecture,
    platform: seed.platform,
    imageCreator: 'tencent',
    imageSource: 'OFFICIAL',
    isSupportCloudinit: seed.platform !== 'Windows',
    snapshotSet: [],
    tags: [],
  };
}

const ALL_PUBLIC_IMAGES = PUBLIC_IMAGE_SEEDS.map((seed) => ({ seed, image: publicImage(seed) }));

/** Public images of a region: 62 in mainland regions, 60 elsewhere; same ids in every region. */
export function publicImagesOf(region: string): readonly ImageDefinition[] {
  const mainland = MAINLAND_REGIONS.has(region);
  return ALL_PUBLIC_IMAGES.filter((entry) => mainland || entry.seed.mainlandOnly !== true).map((entry) => entry.image);
}

/** Default login of an image (reference §5.3): Windows Administrator/3389, Ubuntu ubuntu/22, else root/22. */
export function defaultLoginOf(image: ImageDefinition): { readonly user: string; readonly port: number } {
  if (image.platform === 'Windows') return { user: 'Administrator', port: 3389 };
  if (image.platform === 'Ubuntu') return { user: 'ubuntu', port: 22 };
  return { user: 'root', port: 22 };
}
