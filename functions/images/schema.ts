import * as z from 'zod/mini';
import { boundedText, instanceType, limit, offset, region } from '../../lib/schemas/primitives';

/**
 * GET /api/images query: the region, optional paging (without it every image is returned), and the
 * DescribeImages filters a caller can use to narrow the list (reference §4.4).
 */
export const imagesQuery = z.strictObject({
  region,
  offset: z.optional(offset),
  limit: z.optional(limit),
  /** Fuzzy match on the platform, e.g. `CentOS`, `TencentOS`, `Windows`. */
  platform: z.optional(boundedText(60)),
  imageType: z.optional(z.enum(['PUBLIC_IMAGE', 'PRIVATE_IMAGE', 'SHARED_IMAGE'], 'must be PUBLIC_IMAGE, PRIVATE_IMAGE or SHARED_IMAGE')),
  /** Fuzzy match on the image name. */
  imageName: z.optional(boundedText(60)),
  /** Only images that can run on this instance type, e.g. `S5.MEDIUM2`. */
  instanceType: z.optional(instanceType),
});

export type ImagesQuery = z.output<typeof imagesQuery>;
