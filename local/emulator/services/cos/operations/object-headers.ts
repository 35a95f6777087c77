/** Headers and conditional checks shared by GET Object and HEAD Object (reference §7a.3). */
import type { StoredObject } from '../buckets';
import { preconditionFailed } from '../errors';
import type { CosRequest } from '../request';

export function objectHeaders(object: StoredObject): Record<string, string> {
  return {
    ...object.storedHeaders,
    'Content-Length': String(object.body.length),
    ETag: object.etag,
    'Last-Modified': new Date(object.lastModifiedMs).toUTCString(),
    'Accept-Ranges': 'bytes',
  };
}

/** `"abc"`, `W/"abc"` and `abc` all name the same entity tag. */
function normalizeEtag(value: string): string {
  return value.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
}

function etagListMatches(headerValue: string, object: StoredObject): boolean {
  const current = normalizeEtag(object.etag);
  return headerValue.split(',').some((candidate) => candidate.trim() === '*' || normalizeEtag(candidate) === current);
}

/** Whole seconds, as HTTP dates carry them. */
function lastModifiedSeconds(object: StoredObject): number {
  return Math.floor(object.lastModifiedMs / 1000);
}

function parseHttpDateSeconds(value: string | undefined): number | undefined {
  const parsed = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(parsed) ? undefined : Math.floor(parsed / 1000);
}

/**
 * Applies If-Match / If-Unmodified-Since (failure: 412 `PreconditionFailed`) and If-None-Match /
 * If-Modified-Since (failure: 304). Returns true when the answer is 304 Not Modified.
 */
export function notModified(request: CosRequest, object: StoredObject): boolean {
  const ifMatch = request.headers.get('if-match');
  if (ifMatch !== undefined && !etagListMatches(ifMatch, object)) {
    throw preconditionFailed();
  }
  const unmodifiedSince = parseHttpDateSeconds(request.headers.get('if-unmodified-since'));
  if (ifMatch === undefined && unmodifiedSince !== undefined && lastModifiedSeconds(object) > unmodifiedSince) {
    throw preconditionFailed();
  }
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== undefined) {
    return etagListMatches(ifNoneMatch, object);
  }
  const modifiedSince = parseHttpDateSeconds(request.headers.get('if-modified-since'));
  return modifiedSince !== undefined && lastModifiedSeconds(object) <= modifiedSince;
}
