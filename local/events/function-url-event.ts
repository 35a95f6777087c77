import { encodeBody } from './body-encoding';
import { parseQueryString } from './query-string';
import type { FunctionUrlEvent, HttpRequestSnapshot } from './types';

/**
 * Builds the event a Function URL delivers to an event function (reference §7b.2): method, actual path,
 * every query parameter in `queryString`, lower-case headers with the platform's `x-scf-remote-addr`
 * (client IP), and the body as a string. There is no `requestContext` and no `isBase64Encoded`; how
 * binary bodies arrive is undocumented (§8), so a body that is not UTF-8 is given as base64 text.
 */
function buildFunctionUrlEvent(request: HttpRequestSnapshot): FunctionUrlEvent {
  return {
    httpMethod: request.method,
    path: request.path,
    queryString: parseQueryString(request.rawQuery),
    headers: { ...request.headers, 'x-scf-remote-addr': request.sourceIp },
    body: encodeBody(request.body).text,
  };
}

export { buildFunctionUrlEvent };
