import type { HttpReply } from './integrated-response';

/**
 * The security headers every answer carries (README, Security). The functions send them from
 * lib/http/response-headers.ts (`securityHeaders`); the harness may not import lib/ (a shared bug would
 * hide on both sides), so the names and values are repeated here, and test/unit/local/harness checks
 * the two stay equal.
 */
const HARNESS_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Strict-Transport-Security': 'max-age=31536000',
};

/** The headers of every answer the harness makes itself: the security set and `X-Request-Id`. */
function harnessHeaders(requestId: string, extraHeaders: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { ...HARNESS_SECURITY_HEADERS, 'X-Request-Id': requestId, ...extraHeaders };
}

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
    headers: harnessHeaders(requestId, { 'Content-Type': 'application/json; charset=utf-8', ...extraHeaders }),
    body: Buffer.from(JSON.stringify({ error: { code, message }, requestId })),
  };
}

/** The answer to a plain OPTIONS (not a CORS preflight) on a known path: 204 with the methods it takes. */
function optionsReply(allowedMethods: readonly string[], requestId: string): HttpReply {
  return { statusCode: 204, headers: harnessHeaders(requestId, { Allow: allowedMethods.join(', ') }), body: Buffer.alloc(0) };
}

export { errorReply, HARNESS_SECURITY_HEADERS, harnessHeaders, optionsReply };
