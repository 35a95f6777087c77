import { encodeBody } from './body-encoding';
import { parseQueryString } from './query-string';
import type { ApiGatewayEvent, HttpRequestSnapshot } from './types';

/**
 * Builds the SCF API Gateway trigger event (integration request) for one HTTP request, field by field
 * as reference §6.3 documents it, with the details real events show: lower-case header names, the
 * gateway's own `x-api-requestid` / `x-anonymous-consumer` / `x-qualifier` headers, the template path in
 * `requestContext.path` beside the actual `path`, and the stage `release`.
 */

/** Where the request landed: the API definition it matched and the id the gateway gave it. */
export interface ApiGatewayRoute {
  /** The API's path template, e.g. `/api/regions`. */
  readonly templatePath: string;
  /** The API's method (SCF allows `ANY`). */
  readonly templateMethod: string;
  readonly requestId: string;
  readonly serviceId?: string;
  readonly stage?: string;
}

/** Well-formed but obviously local: real ids look like `service-f94sy04v` (§6.3). */
const LOCAL_SERVICE_ID = 'service-local000';
const DEFAULT_STAGE = 'release';

function buildApiGatewayEvent(request: HttpRequestSnapshot, route: ApiGatewayRoute): ApiGatewayEvent {
  const stage = route.stage ?? DEFAULT_STAGE;
  const body = request.body.length === 0 ? undefined : encodeBody(request.body);
  return {
    requestContext: {
      serviceId: route.serviceId ?? LOCAL_SERVICE_ID,
      path: route.templatePath,
      httpMethod: route.templateMethod,
      requestId: route.requestId,
      identity: {},
      sourceIp: request.sourceIp,
      stage,
    },
    headers: {
      ...request.headers,
      'x-api-requestid': route.requestId,
      'x-anonymous-consumer': 'true',
      'x-qualifier': '$LATEST',
    },
    ...(body === undefined ? {} : { body: body.text }),
    ...(body?.isBase64Encoded === true ? { isBase64Encoded: true } : {}),
    pathParameters: {},
    queryStringParameters: {},
    headerParameters: {},
    stageVariables: { stage },
    path: request.path,
    queryString: parseQueryString(request.rawQuery),
    httpMethod: request.method,
  };
}

export { buildApiGatewayEvent };
