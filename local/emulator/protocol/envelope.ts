/**
 * The API 3.0 response envelope (reference §3.1): `{"Response": {...fields, "RequestId"}}` on success,
 * `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}` on failure, both with HTTP 200 and
 * `Content-Type: application/json` — the SDK treats any other status as a transport failure (§3.3).
 *
 * When the request carried `X-TC-TraceId` (the SDK always sends one, §1.1) it is echoed in the response
 * header of the same name, which the SDK copies into `traceId` of its exceptions (§3.3).
 */
import type { ServerResponse } from 'node:http';
import type { CvmApiError } from '../services/cvm/service';

export function successBody(fields: Record<string, unknown>, requestId: string): string {
  return JSON.stringify({ Response: { ...fields, RequestId: requestId } });
}

export function errorBody(error: CvmApiError, requestId: string): string {
  return JSON.stringify({ Response: { Error: { Code: error.code, Message: error.message }, RequestId: requestId } });
}

export function writeJson(
  response: ServerResponse,
  status: number,
  body: string,
  traceId: string | undefined,
): void {
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  };
  if (traceId !== undefined && traceId !== '') {
    headers['X-TC-TraceId'] = traceId;
  }
  response.writeHead(status, headers);
  response.end(body);
}

export function writePlainText(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}
