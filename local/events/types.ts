/**
 * Shapes of what SCF hands a function: the trigger events and the context object (reference §6, §7b).
 * Typed here, for the local tools only; the handlers in functions/ read events through their own
 * normaliser and never import local/.
 */

/**
 * Query parameters as delivered in `queryString`. A key given once maps to its string; a key repeated in
 * the URL (`?region=a&region=b`) maps to every value in order. Tencent does not document repeated keys
 * (§8); delivering the array keeps the ambiguity visible to the handlers, which answer 400 for it rather
 * than silently choosing one value.
 */
export type QueryStringMap = Record<string, string | string[]>;

/** One HTTP request as the local tools see it, before it becomes an SCF event. */
export interface HttpRequestSnapshot {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The path without query string, e.g. `/api/regions`. */
  readonly path: string;
  /** The raw query string without the leading `?` (may be empty). */
  readonly rawQuery: string;
  /** Header names lower-cased; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly sourceIp: string;
}

/** `requestContext` of the API Gateway trigger event (§6.3). */
export interface ApiGatewayRequestContext {
  readonly serviceId: string;
  /** The API's template path, not the request's actual path. */
  readonly path: string;
  readonly httpMethod: string;
  readonly requestId: string;
  /** `{}` without key authentication (§6.3). */
  readonly identity: Readonly<Record<string, string>>;
  readonly sourceIp: string;
  readonly stage: string;
}

/** API Gateway trigger event, integration request (§6.3). */
export interface ApiGatewayEvent {
  readonly requestContext: ApiGatewayRequestContext;
  readonly headers: Readonly<Record<string, string>>;
  /** Absent when the request has no body (§6.3: "absent/empty for GET"). */
  readonly body?: string;
  /** Only present (and `true`) when `body` is base64: the request body was not valid UTF-8 (§6.3). */
  readonly isBase64Encoded?: true;
  /** Only parameters declared in the API definition; our APIs declare none (§6.3). */
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly queryStringParameters: Readonly<Record<string, string>>;
  readonly headerParameters: Readonly<Record<string, string>>;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly path: string;
  /** Every query parameter (§6.3); see {@link QueryStringMap} for repeated keys. */
  readonly queryString: QueryStringMap;
  readonly httpMethod: string;
}

/** Function URL event delivered to an event function (§7b.2): no requestContext, no declared maps. */
export interface FunctionUrlEvent {
  readonly httpMethod: string;
  readonly path: string;
  readonly queryString: QueryStringMap;
  /** Lower-case names; `x-scf-remote-addr` carries the client IP (§7b.2). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Timer trigger event (§6.5). */
export interface TimerEvent {
  readonly Type: 'Timer';
  readonly TriggerName: string;
  /** UTC, whole seconds, e.g. `2019-02-21T11:49:00Z`. */
  readonly Time: string;
  readonly Message: string;
}

/** The `context` argument of a Node.js SCF handler (§6.2, observed dump). */
export interface ScfContext {
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
  readonly memory_limit_in_mb: number;
  readonly time_limit_in_ms: number;
  readonly request_id: string;
  /** JSON text of the function's SCF variables, e.g. `{"SCF_NAMESPACE":"default"}`. */
  readonly environment: string;
  /** The same variables as `KEY=VALUE;KEY=VALUE`. */
  readonly environ: string;
  readonly function_version: string;
  readonly function_name: string;
  readonly namespace: string;
  readonly tencentcloud_region: string;
  readonly tencentcloud_appid: string;
  readonly tencentcloud_uin: string;
}
