import type { Image } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { asText } from './text';

export interface ImageItem {
  readonly imageId: string;
  readonly osName: string;
  readonly imageType: string;
  readonly imageName: string;
  readonly imageDescription: string;
  readonly imageSize: string;
  readonly architecture: string;
  readonly imageState: string;
  readonly platform: string;
  readonly imageSource: string;
}

/** `GET /api/images` (seed "List all images"); keys in the seed's order. */
export interface ImagesBody {
  readonly images: readonly ImageItem[];
  readonly totalCount: string;
  readonly requestId: string;
}

/** The images and totals as gathered from one or more DescribeImages pages. */
export interface ImagesResult {
  readonly images: readonly Image[];
  readonly totalCount: number | undefined;
  readonly requestId: string | undefined;
}

function toImage(image: Image): ImageItem {
  return {
    imageId: asText(image.ImageId),
    osName: asText(image.OsName),
    imageType: asText(image.ImageType),
    imageName: asText(image.ImageName),
    imageDescription: asText(image.ImageDescription),
    imageSize: asText(image.ImageSize),
    architecture: asText(image.Architecture),
    imageState: asText(image.ImageState),
    platform: asText(image.Platform),
    imageSource: asText(image.ImageSource),
  };
}

/**
 * @example
 * toImagesBody({ images: [{ ImageId: 'img-9qabwvbn', ImageSize: 50 }], totalCount: 1, requestId: 'r' })
 * // { images: [{ imageId: 'img-9qabwvbn', osName: '', …, imageSize: '50', … }], totalCount: '1', requestId: 'r' }
 */
function toImagesBody(result: ImagesResult): ImagesBody {
  return {
    images: result.images.map(toImage),
    totalCount: asText(result.totalCount),
    requestId: asText(result.requestId),
  };
}

export { toImagesBody };
