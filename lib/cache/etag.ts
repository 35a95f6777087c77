/**
 * Entity tags for cached answers and the `If-None-Match` check (RFC 9110 §8.8.3, §13.1.2).
 */
import { createHash } from 'node:crypto';

/**
 * A strong entity tag: the SHA-256 of the exact body text, so equal tags mean byte-equal bodies.
 *
 * @example
 * strongEtag('{"totalCount":"19"}') // '"…43 base64url characters…"'
 */
function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** The opaque part of a tag, for the weak comparison `If-None-Match` asks for (RFC 9110 §8.8.3.2). */
function opaqueTag(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/**
 * True when the request's `If-None-Match` names `etag` (or is `*`): the caller already holds the
 * answer, which is then a 304 without a body.
 *
 * @example
 * ifNoneMatchMatches('"a", W/"b"', '"b"') // true
 */
function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const wanted = opaqueTag(etag);
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || opaqueTag(tag) === wanted);
}

export { ifNoneMatchMatches, strongEtag };
