/**
 * COS request signature, `q-sign-algorithm=sha1` (reference §7a.7), written from the reference, not
 * from the SDK.
 *
 *   SignKey      = hex(HMAC-SHA1(SecretKey, q-key-time))
 *   HttpString   = lower(method) \n decoded-path \n HttpParameters \n HttpHeaders \n
 *   StringToSign = sha1 \n q-sign-time \n hex(SHA1(HttpString)) \n
 *   q-signature  = hex(HMAC-SHA1(SignKey as 40 hex characters, StringToSign))
 *
 * Only the names listed in `q-header-list` / `q-url-param-list` are signed — never a fixed set: the
 * SDK leaves `Date` out of what it signs while the official vector signs it (§7a.7).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** `enc` of §7a.7: percent-encode every UTF-8 byte except `A-Z a-z 0-9 - _ . ~`, upper-case hex. */
export function cosEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) =>
    `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The request as the signature sees it. */
export interface SignableRequest {
  readonly method: string;
  /** URL-decoded path starting with `/`, without the bucket (virtual-hosted requests). */
  readonly pathname: string;
  /** Query parameters keyed by lower-cased decoded name; a parameter without value maps to `''`. */
  readonly parameters: ReadonlyMap<string, string>;
  /** Headers keyed by lower-cased name, values exactly as received. */
  readonly headers: ReadonlyMap<string, string>;
}

/** The seven fields of the `Authorization` value. */
export interface CosAuthorization {
  readonly secretId: string;
  readonly signTime: string;
  readonly keyTime: string;
  readonly headerList: readonly string[];
  readonly parameterList: readonly string[];
  readonly signature: string;
}

const sha1Hex = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');
const hmacSha1Hex = (key: string, text: string): string => createHmac('sha1', key).update(text, 'utf8').digest('hex');

function splitList(value: string): string[] {
  return value === '' ? [] : value.split(';');
}

/** Parses `q-sign-algorithm=sha1&q-ak=…&…&q-signature=…`; undefined when a field is missing or the algorithm is not sha1. */
export function parseCosAuthorization(value: string): CosAuthorization | undefined {
  const fields = new Map<string, string>();
  for (const pair of value.trim().split('&')) {
    const separator = pair.indexOf('=');
    if (separator > 0) {
      fields.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
  }
  const secretId = fields.get('q-ak');
  const signTime = fields.get('q-sign-time');
  const keyTime = fields.get('q-key-time');
  const headerList = fields.get('q-header-list');
  const parameterList = fields.get('q-url-param-list');
  const signature = fields.get('q-signature');
  if (
    fields.get('q-sign-algorithm') !== 'sha1' ||
    secretId === undefined ||
    signTime === undefined ||
    keyTime === undefined ||
    headerList === undefined ||
    parameterList === undefined ||
    signature === undefined
  ) {
    return undefined;
  }
  return {
    secretId,
    signTime,
    keyTime,
    headerList: splitList(headerList),
    parameterList: splitList(parameterList),
    signature,
  };
}

/**
 * `name=value` pairs for the listed names, sorted by encoded name and joined by `&`. A listed name
 * absent from the request counts as an empty value (as `?acl` counts as `acl=`).
 */
function signedPairs(listedNames: readonly string[], values: ReadonlyMap<string, string>): string {
  return listedNames
    .map((listed) => {
      const name = safeDecode(listed).toLowerCase();
      return `${cosEncode(name).toLowerCase()}=${cosEncode(values.get(name) ?? '')}`;
    })
    .sort((left, right) => {
      const leftName = left.slice(0, left.indexOf('='));
      const rightName = right.slice(0, right.indexOf('='));
      return leftName < rightName ? -1 : leftName > rightName ? 1 : 0;
    })
    .join('&');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The intermediate strings, exposed so golden tests can pin each step of the official vectors. */
export interface SignatureSteps {
  readonly signKey: string;
  readonly httpParameters: string;
  readonly httpHeaders: string;
  readonly httpString: string;
  readonly httpStringSha1: string;
  readonly signature: string;
}

export function computeCosSignature(
  request: SignableRequest,
  authorization: Omit<CosAuthorization, 'secretId' | 'signature'>,
  secretKey: string,
): SignatureSteps {
  const signKey = hmacSha1Hex(secretKey, authorization.keyTime);
  const httpParameters = signedPairs(authorization.parameterList, request.parameters);
  const httpHeaders = signedPairs(authorization.headerList, request.headers);
  const httpString = `${request.method.toLowerCase()}\n${request.pathname}\n${httpParameters}\n${httpHeaders}\n`;
  const httpStringSha1 = sha1Hex(httpString);
  const stringToSign = `sha1\n${authorization.signTime}\n${httpStringSha1}\n`;
  return {
    signKey,
    httpParameters,
    httpHeaders,
    httpString,
    httpStringSha1,
    signature: hmacSha1Hex(signKey, stringToSign),
  };
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(expected: string, received: string): boolean {
  const expectedBytes = Buffer.from(expected, 'utf8');
  const receivedBytes = Buffer.from(received.toLowerCase(), 'utf8');
  return expectedBytes.length === receivedBytes.length && timingSafeEqual(expectedBytes, receivedBytes);
}
