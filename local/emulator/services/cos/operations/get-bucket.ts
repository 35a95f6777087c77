/**
 * GET Bucket / List Objects (reference §7a.3): keys in UTF-8 byte order starting strictly after
 * `marker`, filtered by `prefix`, grouped by `delimiter`; `max-keys` (default and maximum 1000)
 * counts Contents and CommonPrefixes together; `NextMarker` only when truncated. A `max-keys` above
 * 1000 is clamped (undocumented, §8).
 */
import type { CosBucket } from '../buckets';
import { invalidArgument } from '../errors';
import type { CosReply } from '../reply';
import type { CosRequest } from '../request';
import { cosEncode } from '../signature';
import { listBucketXml, type ListedObject } from '../xml';

const MAX_KEYS_LIMIT = 1000;

function parseMaxKeys(value: string | undefined): number {
  if (value === undefined || value === '') {
    return MAX_KEYS_LIMIT;
  }
  if (!/^\d+$/.test(value)) {
    throw invalidArgument('max-keys must be a non-negative integer.');
  }
  return Math.min(Number(value), MAX_KEYS_LIMIT);
}

function parseEncodingType(value: string | undefined): 'url' | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (value !== 'url') {
    throw invalidArgument('encoding-type must be url.');
  }
  return value;
}

const byUtf8Bytes = (left: string, right: string): number => Buffer.compare(Buffer.from(left), Buffer.from(right));

/** With `encoding-type=url` keys and prefixes are percent-encoded, `/` kept readable. */
const urlEncodeKey = (key: string): string => key.split('/').map(cosEncode).join('/');

interface ListPage {
  readonly contents: ListedObject[];
  readonly commonPrefixes: string[];
  readonly isTruncated: boolean;
  /** The last key or common prefix of a truncated page. */
  readonly nextMarker: string | undefined;
}

function listPage(bucket: CosBucket, prefix: string, marker: string, delimiter: string, maxKeys: number): ListPage {
  const contents: ListedObject[] = [];
  const commonPrefixes: string[] = [];
  let lastEntry: string | undefined;
  const keys = [...bucket.objects.keys()]
    .filter((key) => key.startsWith(prefix) && byUtf8Bytes(key, marker) > 0)
    .sort(byUtf8Bytes);
  for (const key of keys) {
    const delimiterAt = delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
    const commonPrefix = delimiterAt === -1 ? undefined : key.slice(0, delimiterAt + delimiter.length);
    // A prefix already returned on an earlier page (it was that page's NextMarker) is not repeated.
    if (commonPrefix !== undefined && (commonPrefix === lastEntry || marker.startsWith(commonPrefix))) {
      continue;
    }
    if (contents.length + commonPrefixes.length === maxKeys) {
      return { contents, commonPrefixes, isTruncated: true, nextMarker: lastEntry };
    }
    if (commonPrefix === undefined) {
      const object = bucket.objects.get(key);
      if (object !== undefined) {
        contents.push({
          key,
          lastModified: new Date(object.lastModifiedMs).toISOString(),
          etag: object.etag,
          size: object.body.length,
        });
      }
      lastEntry = key;
    } else {
      commonPrefixes.push(commonPrefix);
      lastEntry = commonPrefix;
    }
  }
  return { contents, commonPrefixes, isTruncated: false, nextMarker: undefined };
}

export function getBucket(bucket: CosBucket, request: CosRequest): CosReply {
  const prefix = request.parameters.get('prefix') ?? '';
  const marker = request.parameters.get('marker') ?? '';
  const delimiter = request.parameters.get('delimiter');
  const maxKeys = parseMaxKeys(request.parameters.get('max-keys'));
  const encodingType = parseEncodingType(request.parameters.get('encoding-type'));
  const page = listPage(bucket, prefix, marker, delimiter ?? '', maxKeys);
  const encode = encodingType === 'url' ? urlEncodeKey : (key: string): string => key;
  const xml = listBucketXml({
    bucket: bucket.name,
    ownerId: bucket.appId,
    prefix: encode(prefix),
    marker: encode(marker),
    maxKeys,
    delimiter: delimiter === undefined ? undefined : encode(delimiter),
    encodingType,
    isTruncated: page.isTruncated,
    nextMarker: page.nextMarker === undefined ? undefined : encode(page.nextMarker),
    commonPrefixes: page.commonPrefixes.map(encode),
    contents: page.contents.map((object) => ({ ...object, key: encode(object.key) })),
  });
  return {
    status: 200,
    headers: { 'Content-Type': 'application/xml', 'x-cos-bucket-region': bucket.region },
    body: Buffer.from(xml, 'utf8'),
  };
}
