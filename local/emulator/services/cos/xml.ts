/** The two XML documents the emulated operations write (reference §7a.3, §7a.5). */

const XML_DECLARATION = "<?xml version='1.0' encoding='utf-8' ?>";

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => {
    switch (character) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

/** `<Name>value</Name>`, or `<Name/>` for an empty string as COS writes it. */
function element(name: string, value: string): string {
  return value === '' ? `<${name}/>` : `<${name}>${escapeXml(value)}</${name}>`;
}

export interface ErrorDocument {
  readonly code: string;
  readonly message: string;
  readonly resource: string;
  readonly requestId: string;
  readonly traceId: string;
}

export function errorXml(error: ErrorDocument): string {
  return [
    XML_DECLARATION,
    '<Error>',
    element('Code', error.code),
    element('Message', error.message),
    element('Resource', error.resource),
    element('RequestId', error.requestId),
    element('TraceId', error.traceId),
    '</Error>',
  ].join('');
}

export interface ListedObject {
  readonly key: string;
  readonly lastModified: string;
  readonly etag: string;
  readonly size: number;
}

export interface ListBucketDocument {
  readonly bucket: string;
  readonly ownerId: string;
  readonly prefix: string;
  readonly marker: string;
  readonly maxKeys: number;
  /** Present only when the request had one. */
  readonly delimiter: string | undefined;
  /** Present only when the request asked for `encoding-type=url`. */
  readonly encodingType: string | undefined;
  readonly isTruncated: boolean;
  /** Present only when truncated. */
  readonly nextMarker: string | undefined;
  readonly commonPrefixes: readonly string[];
  readonly contents: readonly ListedObject[];
}

export function listBucketXml(list: ListBucketDocument): string {
  const owner = `<Owner>${element('ID', list.ownerId)}${element('DisplayName', list.ownerId)}</Owner>`;
  return [
    XML_DECLARATION,
    '<ListBucketResult>',
    element('Name', list.bucket),
    list.encodingType === undefined ? '' : element('EncodingType', list.encodingType),
    element('Prefix', list.prefix),
    element('Marker', list.marker),
    element('MaxKeys', String(list.maxKeys)),
    list.delimiter === undefined ? '' : element('Delimiter', list.delimiter),
    element('IsTruncated', String(list.isTruncated)),
    list.nextMarker === undefined ? '' : element('NextMarker', list.nextMarker),
    ...list.commonPrefixes.map((prefix) => `<CommonPrefixes>${element('Prefix', prefix)}</CommonPrefixes>`),
    ...list.contents.map(
      (object) =>
        `<Contents>${element('Key', object.key)}${element('LastModified', object.lastModified)}` +
        `${element('ETag', object.etag)}${element('Size', String(object.size))}${owner}` +
        `${element('StorageClass', 'STANDARD')}</Contents>`,
    ),
    '</ListBucketResult>',
  ].join('');
}
