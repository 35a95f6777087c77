/**
 * The system disk size for a create that gives none: the image's own size (DescribeImages `ImageSize`,
 * GiB, reference §4.4), the smallest disk the image fits on.
 */
import type { CvmSession } from '../../lib/cvm/cvm-session';
import { ValidationError } from '../../lib/errors/api-error';

/**
 * `undefined` when the upstream states no size: RunInstances then applies its own default (§4.6).
 *
 * @example
 * await imageDiskSize(cvm, 'ap-guangzhou', 'img-pmqg1cw7') // 50
 */
async function imageDiskSize(cvm: CvmSession, region: string, imageId: string): Promise<number | undefined> {
  const answer = await cvm.call(
    { action: 'DescribeImages', region },
    (client) => client.DescribeImages({ ImageIds: [imageId] }),
    { retry: 'safe-read' },
  );
  const image = (answer.ImageSet ?? []).find((candidate) => candidate.ImageId === imageId);
  if (image === undefined) {
    throw new ValidationError([{ field: 'imageId', message: `is not an image available in ${region}` }]);
  }
  return image.ImageSize ?? undefined;
}

export { imageDiskSize };
