/**
 * What every handler sees of an HTTP invocation, whichever SCF trigger delivered it.
 */

/** The trigger that delivered the event: API Gateway (reference §6.3) or a Function URL (§7b). */
export type HttpTrigger = 'api-gateway' | 'function-url';

export interface HttpRequest {
  readonly trigger: HttpTrigger;
  /** Upper case. */
  readonly method: string;
  readonly path: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Every query parameter, one string each (a repeated parameter is refused before this exists). */
  readonly query: Readonly<Record<string, string>>;
  /** The body as text, base64-decoded when the event says it is encoded; `''` when there is none. */
  readonly body: string;
  /** The caller's address as the platform reports it, `''` when it does not. */
  readonly clientIp: string;
  /** API Gateway's id for the request (`requestContext.requestId`), when there is one. */
  readonly gatewayRequestId: string | undefined;
}
