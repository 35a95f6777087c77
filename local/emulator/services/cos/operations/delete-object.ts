/** DELETE Object (reference §7a.3): 204 whether or not the key existed (S3 behaviour, assumed in §8). */
import type { CosBucket } from '../buckets';
import { EMPTY_BODY, type CosReply } from '../reply';
import type { CosRequest } from '../request';

export function deleteObject(bucket: CosBucket, request: CosRequest): CosReply {
  bucket.objects.delete(request.key);
  return { status: 204, headers: {}, body: EMPTY_BODY };
}
