import type { HttpReply } from './integrated-response';

/**
 * Replies the harness writes itself, in the contract's error envelope
 * `{ "error": { "code", "message" }, "requestId" }` (docs/api-contract.md, Errors), standing in for what
 * API Gateway or SCF would answer: unknown route, wrong method, body too large, a function that failed,
 * timed out or returned something that is not an integrated response.
 */
function errorReply(
  statusCode: number,
  code: string,
  message: string,
  requestId: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): HttpReply {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...extraHeaders },
    body: Buffer.from(JSON.stringify({ error: { code, message }, requestId })),
  };
}

export { errorReply };
