/**
 * PUT Object (reference §7a.3, §7a.6): stores the body whole; `Content-MD5` is checked against the
 * received bytes; `x-cos-forbid-overwrite: true` refuses an existing key with 409 and stores nothing
 * (buckets here never have versioning, so the header always applies). `If-None-Match` is ignored on
 * PUT, as COS documents no conditional PUT.
 */
import { createHash } from 'node:crypto';
import type { CosBucket } from '../buckets';
import { badDigest, fileAlreadyExists, invalidDigest, missingContentLength } from '../errors';
import { EMPTY_BODY, type CosReply } from '../reply';
import type { CosRequest } from '../request';

/** Request headers kept with the object and answered by GET/HEAD. */
const STORED_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'Cache-Control',
  'content-disposition': 'Content-Disposition',
  'content-encoding': 'Content-Encoding',
  expires: 'Expires',
};

/** The doc marks Content-Type required, yet the SDK omits it for Buffer bodies (§7a.3): default it. */
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

function storedHeaders(request: CosRequest): Record<string, string> {
  const stored: Record<string, string> = {
    'Content-Type': request.headers.get('content-type') || DEFAULT_CONTENT_TYPE,
  };
  for (const [name, value] of request.headers) {
    const canonical = STORED_HEADERS[name];
    if (canonical !== undefined && value !== '') {
      stored[canonical] = value;
    } else if (name.startsWith('x-cos-meta-')) {
      stored[name] = value;
    }
  }
  return stored;
}

function checkContentMd5(request: CosRequest, md5: Buffer): void {
  const claimed = request.headers.get('content-md5');
  if (claimed === undefined) {
    return;
  }
  const claimedBytes = Buffer.from(claimed, 'base64');
  if (claimedBytes.length !== 16 || claimedBytes.toString('base64') !== claimed.trim()) {
    throw invalidDigest();
  }
  if (!claimedBytes.equals(md5)) {
    throw badDigest();
  }
}

export function putObject(bucket: CosBucket, request: CosRequest, nowMs: number): CosReply {
  if (!request.headers.has('content-length') && !request.headers.has('transfer-encoding')) {
    throw missingContentLength();
  }
  const md5 = createHash('md5').update(request.body).digest();
  checkContentMd5(request, md5);
  const forbidOverwrite = request.headers.get('x-cos-forbid-overwrite')?.toLowerCase() === 'true';
  if (forbidOverwrite && bucket.objects.has(request.key)) {
    throw fileAlreadyExists();
  }
  const etag = `"${md5.toString('hex')}"`;
  bucket.objects.set(request.key, {
    key: request.key,
    body: Buffer.from(request.body),
    etag,
    lastModifiedMs: nowMs,
    storedHeaders: storedHeaders(request),
  });
  return { status: 200, headers: { ETag: etag }, body: EMPTY_BODY };
}
