/**
 * The integrated response every HTTP function returns (reference §6.4): `isBase64Encoded`, a numeric
 * `statusCode`, string headers and a string body. A Function URL takes the same object (§7b.3), so one
 * shape serves both triggers.
 */

export interface IntegratedResponse {
  readonly isBase64Encoded: false;
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Responses can carry account data fetched with the caller's keys: no shared cache may keep them. */
const BASE_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } as const;

/**
 * @example
 * jsonResponse(200, { totalCount: '19' }, { 'X-Request-Id': 'abc' })
 * // { isBase64Encoded: false, statusCode: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Request-Id': 'abc' }, body: '{"totalCount":"19"}' }
 */
function jsonResponse(statusCode: number, body: unknown, headers: Readonly<Record<string, string>> = {}): IntegratedResponse {
  return { isBase64Encoded: false, statusCode, headers: { ...BASE_HEADERS, ...headers }, body: JSON.stringify(body) };
}

export { jsonResponse };
