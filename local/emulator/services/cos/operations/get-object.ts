/**
 * GET Object and HEAD Object (reference §7a.3). Conditional headers are honoured; `Range` and the
 * `response-*` overrides are not emulated (the whole object is returned with its stored headers).
 */
import type { CosBucket } from '../buckets';
import { noSuchKey } from '../errors';
import { EMPTY_BODY, type CosReply } from '../reply';
import type { CosRequest } from '../request';
import { notModified, objectHeaders } from './object-headers';

function readObject(bucket: CosBucket, request: CosRequest, withBody: boolean): CosReply {
  const object = bucket.objects.get(request.key);
  if (object === undefined) {
    throw noSuchKey();
  }
  if (notModified(request, object)) {
    return { status: 304, headers: { ETag: object.etag }, body: EMPTY_BODY };
  }
  return { status: 200, headers: objectHeaders(object), body: withBody ? object.body : EMPTY_BODY };
}

export function getObject(bucket: CosBucket, request: CosRequest): CosReply {
  return readObject(bucket, request, true);
}

export function headObject(bucket: CosBucket, request: CosRequest): CosReply {
  return readObject(bucket, request, false);
}
