/**
 * The integrated response every HTTP function returns (reference §6.4): `isBase64Encoded`, a numeric
 * `statusCode`, string headers and a string body. A Function URL takes the same object (§7b.3), so one
 * shape serves both triggers.
 */
import { securityHeaders } from './response-headers';

export interface IntegratedResponse {
  readonly isBase64Encoded: false;
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const JSON_CONTENT_TYPE = { 'Content-Type': 'application/json; charset=utf-8' } as const;
/** Merged once: every answer copies these, and one spread is cheaper than two (bench/, warm path). */
const JSON_HEADERS: Readonly<Record<string, string>> = { ...JSON_CONTENT_TYPE, ...securityHeaders };

/**
 * A JSON answer with the security headers (lib/http/response-headers.ts); `headers` add to or override them.
 *
 * @example
 * jsonResponse(200, { totalCount: '19' }, { 'X-Request-Id': 'abc' })
 * // { isBase64Encoded: false, statusCode: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', …, 'X-Request-Id': 'abc' }, body: '{"totalCount":"19"}' }
 */
function jsonResponse(statusCode: number, body: unknown, headers: Readonly<Record<string, string>> = {}): IntegratedResponse {
  return { isBase64Encoded: false, statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/**
 * An answer without a body (a CORS preflight's 204), with the security headers.
 *
 * @example
 * emptyResponse(204, { 'Access-Control-Allow-Origin': '*' }).body // ''
 */
function emptyResponse(statusCode: number, headers: Readonly<Record<string, string>> = {}): IntegratedResponse {
  return { isBase64Encoded: false, statusCode, headers: { ...securityHeaders, ...headers }, body: '' };
}

/**
 * A JSON answer whose body is already serialized (the response cache keeps answers as text).
 *
 * @example
 * serializedJsonResponse(200, '{"totalCount":"19"}', { ETag: '"…"' }).body // '{"totalCount":"19"}'
 */
function serializedJsonResponse(statusCode: number, bodyText: string, headers: Readonly<Record<string, string>> = {}): IntegratedResponse {
  return { isBase64Encoded: false, statusCode, headers: { ...JSON_HEADERS, ...headers }, body: bodyText };
}

export { emptyResponse, jsonResponse, serializedJsonResponse };
