import * as z from 'zod/mini';
import { numberText, requestId, upstreamText } from './fields';

/** `GET /api/images` 200 (seed "List all images"); the type agrees with lib/mappers/images.ts. */
const imagesResponse = z.strictObject({
  images: z.array(
    z.strictObject({
      imageId: upstreamText('Image id', 'img-9a0eg8mt'),
      osName: upstreamText('Operating system', 'TencentOS Server 3.1 for ARM64 (TK4)'),
      imageType: upstreamText('PUBLIC_IMAGE, PRIVATE_IMAGE or SHARED_IMAGE', 'PUBLIC_IMAGE'),
      imageName: upstreamText('Image name', 'TencentOS Server 3.1 for ARM64 (TK4)'),
      imageDescription: upstreamText('Image description', 'TencentOS Server 3.1 for ARM64 (TK4)'),
      imageSize: numberText('Image size in GB', '50'),
      architecture: upstreamText('CPU architecture', 'arm'),
      imageState: upstreamText('Image state', 'NORMAL'),
      platform: upstreamText('OS platform', 'TencentOS'),
      imageSource: upstreamText('Where the image comes from', 'OFFICIAL'),
    }),
  ),
  totalCount: numberText('Number of images matching the request upstream (all pages)', '62'),
  requestId,
});

export { imagesResponse };
