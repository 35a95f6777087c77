import type { Image } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import type { ImageDefinition } from '../../../catalogue/images';
import type { Language } from '../service';
import type { RegionStore } from '../store';
import type { CatalogueState } from './catalogue';

/** Images the account sees in a region: its private images first, then the public catalogue. */
export function visibleImages(catalogue: CatalogueState, store: RegionStore): readonly ImageDefinition[] {
  return [...store.privateImages, ...catalogue.publicImagesOf(store.region)];
}

export function findImage(catalogue: CatalogueState, store: RegionStore, imageId: string): ImageDefinition | undefined {
  return visibleImages(catalogue, store).find((image) => image.imageId === imageId);
}

/** The wire `Image` (reference §4.4). */
export function toWireImage(image: ImageDefinition, language: Language): Image {
  const osName = image.osName[language];
  return {
    ImageId: image.imageId,
    OsName: osName,
    ImageType: image.imageType,
    CreatedTime: image.createdTime,
    ImageName: image.imageName ?? osName,
    ImageDescription: image.imageName ?? osName,
    ImageSize: image.imageSize,
    Architecture: image.architecture,
    ImageState: 'NORMAL',
    Platform: image.platform,
    ImageCreator: image.imageCreator,
    ImageSource: image.imageSource,
    SyncPercent: 100,
    IsSupportCloudinit: image.isSupportCloudinit,
    SnapshotSet: image.snapshotSet.map((snapshot) => ({ ...snapshot })),
    Tags: image.tags.map((tag) => ({ ...tag })),
    LicenseType: 'TencentCloud',
    ImageFamily: '',
    ImageDeprecated: false,
    CdcCacheStatus: '',
  };
}
