/**
 * fast-check arbitraries for hostile HTTP requests: query strings built from raw bytes (invalid UTF-8,
 * control characters, repeated and prototype-polluting names), odd headers, and bodies of every wrong
 * kind (not JSON, not an object, deeply nested, not UTF-8, mislabelled). Credentials, when present, are
 * marker values that must never come back in an answer or a log line.
 */
import fc from 'fast-check';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../local/emulator/accounts';

/** Secrets the sweeps plant; none may ever appear in a response or a log line. */
export const MARKER_SECRET_KEY = 'HardeningMarkerSecretKey0000001';
export const MARKER_TOKEN = 'HardeningMarkerSessionToken000000001';

/** Every secret a sweep request may carry, and the encodings a leak could take. */
export const PLANTED_SECRETS: readonly string[] = [
  DEMO_SECRET_KEY,
  MARKER_SECRET_KEY,
  MARKER_TOKEN,
  Buffer.from(`${DEMO_SECRET_ID}:${DEMO_SECRET_KEY}`).toString('base64'),
  Buffer.from(`${DEMO_SECRET_ID}:${MARKER_SECRET_KEY}`).toString('base64'),
];

/** Parameter names the routes read, plus names that attack object handling. */
const PARAMETER_NAMES = [
  'region',
  'zone',
  'offset',
  'limit',
  'instanceIds',
  'instanceName',
  'instanceState',
  'instanceFamily',
  'platform',
  'imageType',
  'imageName',
  'instanceType',
  'wait',
  'secretId',
  'secretKey',
  'token',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
] as const;

/** Headers fetch refuses to send or that would break the connection itself. */
const UNSENDABLE_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer']);

export interface HostileRequest {
  /** `?…` or `''`. */
  readonly query: string;
  readonly headers: Record<string, string>;
  /** Only for POST/PUT. */
  readonly body: Uint8Array | undefined;
}

const parameterName = fc.oneof(fc.constantFrom(...PARAMETER_NAMES), fc.string({ maxLength: 12 }));

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** Raw bytes, so that invalid UTF-8 and control characters reach the function percent-encoded. */
const parameterBytes = fc.oneof(
  fc.constantFrom('ap-guangzhou', 'ap-guangzhou-3', '0', '10', '-1', '1e3', 'ins-r8hr2upy', 'S5.MEDIUM4', 'true', '').map(utf8),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map(utf8),
  fc.uint8Array({ maxLength: 40 }),
  fc.integer({ min: 1, max: 1500 }).map((length) => utf8('x'.repeat(length))),
);

/** RFC 3986 unreserved characters travel as they are; every other byte percent-encoded. */
const UNRESERVED = /^[A-Za-z0-9._~-]$/;

/**
 * Node's HTTP server refuses a request head over 16 KB (431, before any function runs): at most 8
 * parameters of at most 1500 plain characters, or 40 encoded bytes, keep every query under it.
 */
function percentEncoded(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => {
    const character = String.fromCharCode(byte);
    return UNRESERVED.test(character) ? character : `%${byte.toString(16).padStart(2, '0')}`;
  }).join('');
}

/** Repeated names are as likely as distinct ones: each pair draws its name from the same small pool. */
const queryString = fc
  .array(fc.tuple(parameterName, parameterBytes), { maxLength: 8 })
  .map((pairs) =>
    pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${encodeURIComponent(name)}=${percentEncoded(value)}`).join('&')}`,
  );

const headerName = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,24}$/)
  .filter((name) => !UNSENDABLE_HEADERS.has(name.toLowerCase()) && !['authorization', 'content-type', 'x-tc-token'].includes(name.toLowerCase()));
const headerValue = fc.stringMatching(/^[\x20-\x7e\t]{0,200}$/).map((value) => value.trim());

const basic = (secretId: string, secretKey: string) => `Basic ${Buffer.from(`${secretId}:${secretKey}`).toString('base64')}`;

const authorization = fc.oneof(
  fc.constant(basic(DEMO_SECRET_ID, DEMO_SECRET_KEY)),
  fc.constant(basic(DEMO_SECRET_ID, MARKER_SECRET_KEY)),
  fc.constantFrom('Basic', 'Basic !!!', 'Bearer abc', `Basic ${Buffer.from('no-colon').toString('base64')}`, 'basic     '),
  headerValue,
);

const contentType = fc.oneof(
  fc.constant('application/json'),
  fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data'),
  headerValue,
);

const headers = fc
  .record(
    {
      extra: fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
      authorization,
      token: fc.oneof(fc.constant(MARKER_TOKEN), headerValue),
      contentType,
    },
    { requiredKeys: ['extra'] },
  )
  .map(({ extra, authorization: auth, token, contentType: type }) => ({
    ...extra,
    ...(auth === undefined || auth === '' ? {} : { Authorization: auth }),
    ...(token === undefined || token === '' ? {} : { 'X-TC-Token': token }),
    ...(type === undefined || type === '' ? {} : { 'Content-Type': type }),
  }));

/** Objects whose keys mix the routes' fields, credentials (with markers) and prototype attacks. */
const bodyObject = fc
  .dictionary(parameterName, fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(MARKER_SECRET_KEY)), { maxKeys: 8 })
  .map((object) => utf8(JSON.stringify(object)));

const nested = (open: string, inner: string, close: string) =>
  fc.integer({ min: 50, max: 20_000 }).map((depth) => utf8(`${open.repeat(depth)}${inner}${close.repeat(depth)}`));

const body = fc.oneof(
  bodyObject,
  fc.jsonValue({ maxDepth: 2 }).map((value) => utf8(JSON.stringify(value) ?? 'null')),
  fc.string({ maxLength: 200 }).map(utf8),
  fc.uint8Array({ maxLength: 200 }),
  nested('[', '', ']'),
  nested('{"a":', '1', '}'),
  fc.constantFrom(
    '{"region":"ap-guangzhou","region":"ap-beijing"}',
    '{"__proto__":{"region":"ap-guangzhou","isAdmin":true},"constructor":{"prototype":{"polluted":true}}}',
    `{"secretId":"${DEMO_SECRET_ID}","secretKey":"${MARKER_SECRET_KEY}","region":"ap-guangzhou\\u0000\\u0007"}`,
    '{"instanceIds":"ins-r8hr2upy","region":["ap-guangzhou"]}',
    '\ufeff{"region":"ap-guangzhou"}',
  ).map(utf8),
);

/**
 * @example
 * fc.assert(fc.asyncProperty(hostileRequest(true), async (request) => { … }));
 */
function hostileRequest(withBody: boolean): fc.Arbitrary<HostileRequest> {
  return fc.record({ query: queryString, headers, body: withBody ? fc.option(body, { nil: undefined }) : fc.constant(undefined) });
}

export { hostileRequest };
