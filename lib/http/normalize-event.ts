/**
 * Normalizes the two event shapes SCF delivers for HTTP into one `HttpRequest`, once, at the edge
 * (reference §6.3 API Gateway trigger, §7b Function URL, and the normaliser proposed in §7b.4):
 * - Function URL events have `httpMethod`, `path`, `queryString`, `headers`, `body` and no `requestContext`;
 * - query = `queryString` (every parameter) ?? `queryStringParameters` (declared ones only) ?? {};
 * - empty maps may arrive as `[]` (observed, §6.3) and are read as `{}`;
 * - header names are lower-cased (real events already are, §6.3; the doc example is not);
 * - `isBase64Encoded` may be `true` or `"true"` (§6.3) and then the body is base64;
 * - client IP = `x-scf-remote-addr` header (Function URL) ?? `requestContext.sourceIp` (API Gateway).
 * A repeated query parameter (delivered as an array) is refused with a 400 naming it: choosing one of
 * the values silently would act on something the caller may not have meant.
 */
import { ApiError, ValidationError, type FieldProblem } from '../errors/api-error';
import type { HttpRequest } from './http-request';

type JsonMap = Readonly<Record<string, unknown>>;

function isMap(value: unknown): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{}` for absent maps and for the `[]` SCF writes for empty ones. */
function mapOrEmpty(value: unknown): JsonMap {
  return isMap(value) ? value : {};
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  return undefined;
}

function normalizeHeaders(raw: JsonMap): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const text = Array.isArray(value) ? value.map(scalarText).join(', ') : scalarText(value);
    if (text !== undefined) headers[name.toLowerCase()] = text;
  }
  return headers;
}

function normalizeQuery(raw: JsonMap): Record<string, string> {
  const query: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
    const text = Array.isArray(single) ? undefined : scalarText(single);
    if (text === undefined) {
      problems.push({ field: name, message: 'must be given once, as a single value' });
    } else {
      query[name] = text;
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return query;
}

/** Fails on invalid UTF-8 rather than replacing it: a mangled body could still parse, meaning something else. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeBody(body: unknown, isBase64Encoded: unknown): string {
  if (body === undefined || body === null) return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (isBase64Encoded !== true && isBase64Encoded !== 'true') return text;
  try {
    return strictUtf8.decode(Buffer.from(text, 'base64'));
  } catch {
    throw new ValidationError([{ field: 'body', message: 'must be UTF-8 text' }]);
  }
}

/**
 * @example
 * normalizeEvent({ httpMethod: 'GET', path: '/api/zones', queryString: { region: 'ap-guangzhou' }, headers: {}, body: '' })
 * // { trigger: 'function-url', method: 'GET', path: '/api/zones', query: { region: 'ap-guangzhou' }, … }
 */
function normalizeEvent(event: unknown): HttpRequest {
  if (!isMap(event) || typeof event.httpMethod !== 'string' || typeof event.path !== 'string') {
    throw new ApiError(400, 'InvalidEvent', 'The function was invoked with an event that is not an HTTP request.');
  }
  const requestContext = isMap(event.requestContext) ? event.requestContext : undefined;
  const headers = normalizeHeaders(mapOrEmpty(event.headers));
  const queryMap = isMap(event.queryString) || Array.isArray(event.queryString) ? event.queryString : event.queryStringParameters;
  const sourceIp = requestContext?.sourceIp;
  return {
    trigger: requestContext === undefined ? 'function-url' : 'api-gateway',
    method: event.httpMethod.toUpperCase(),
    path: event.path,
    headers,
    query: normalizeQuery(mapOrEmpty(queryMap)),
    body: decodeBody(event.body, event.isBase64Encoded),
    clientIp: headers['x-scf-remote-addr'] ?? (typeof sourceIp === 'string' ? sourceIp : ''),
    gatewayRequestId: typeof requestContext?.requestId === 'string' ? requestContext.requestId : undefined,
  };
}

export { normalizeEvent };
