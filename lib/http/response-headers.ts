/**
 * Every header policy of the HTTP functions' answers, in one module, so that a later policy (a cache's
 * `ETag` and `Cache-Control` for read routes) changes one place:
 * - `securityHeaders`: on every answer, success or failure, whatever the trigger;
 * - `corsHeaders`: the CORS answer for a request's `Origin`, when the deployment allows cross-origin
 *   callers (`CORS_ALLOW_ORIGINS`, off by default).
 */

/**
 * - `nosniff`: a JSON body is never sniffed into HTML or script;
 * - `no-store`: answers carry account data fetched with the caller's keys, so no shared or browser cache
 *   may keep them;
 * - `no-referrer`, `default-src 'none'` and `frame-ancestors 'none'`: an API answer loads nothing, is
 *   framed by nothing and leaks no URL (which may hold a query-string SecretKey) to another site;
 * - HSTS: API Gateway and Function URLs serve HTTPS; browsers ignore the header on plain http (RFC 6797
 *   §8.1), so the local harness is unaffected.
 */
const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Strict-Transport-Security': 'max-age=31536000',
};

/** Every allowed origin (`*` for any), as `CORS_ALLOW_ORIGINS` lists them; empty: CORS is off. */
export type CorsOrigins = readonly string[];

/** Request headers a browser script may send: credentials, the session token, JSON bodies, idempotency. */
const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type, X-TC-Token, Idempotency-Key';
/** Every method a route of the contract uses; the gateway routes each method to its own function. */
const CORS_ALLOWED_METHODS = 'GET, POST, PUT';
/** Response headers a script may read beyond the CORS-safelisted ones. */
const CORS_EXPOSED_HEADERS = 'X-Request-Id, Retry-After';
/** How long a browser may reuse a preflight answer, in seconds. */
const CORS_PREFLIGHT_MAX_AGE = '600';

/**
 * Whether `origin` may call: listed exactly (scheme, host and port, as browsers send it), or `*` listed.
 *
 * @example
 * isAllowedOrigin('https://console.example.com', ['https://console.example.com']) // true
 */
function isAllowedOrigin(origin: string | undefined, allowed: CorsOrigins): origin is string {
  return origin !== undefined && origin !== '' && (allowed.includes('*') || allowed.includes(origin));
}

/**
 * The CORS headers of an answer to a request from `origin`: none when CORS is off or the origin is not
 * allowed (the browser then withholds the answer from the script). `Vary: Origin` tells caches that the
 * answer depends on the origin whenever it is echoed rather than `*`.
 *
 * @example
 * corsHeaders('https://console.example.com', ['https://console.example.com'])
 * // { 'Access-Control-Allow-Origin': 'https://console.example.com', Vary: 'Origin', 'Access-Control-Expose-Headers': 'X-Request-Id, Retry-After' }
 */
function corsHeaders(origin: string | undefined, allowed: CorsOrigins): Record<string, string> {
  if (!isAllowedOrigin(origin, allowed)) return {};
  if (allowed.includes('*')) return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS };
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS };
}

/**
 * The extra headers of a preflight answer from an allowed origin.
 *
 * @example
 * preflightHeaders() // { 'Access-Control-Allow-Methods': 'GET, POST, PUT', … }
 */
function preflightHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS,
    'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS,
    'Access-Control-Max-Age': CORS_PREFLIGHT_MAX_AGE,
  };
}

/**
 * The caching headers of a cacheable read's answer (lib/cache/route-cache.ts), over the security
 * headers' `no-store`: only the caller's own (private) cache may keep it, for as long as ours still
 * will; `ETag` lets it revalidate with `If-None-Match` (→ 304); `Vary` keeps one copy per credential
 * header, since one browser may call with several key pairs.
 *
 * @example
 * cacheableHeaders('"abc"', 60) // { 'Cache-Control': 'private, max-age=60', ETag: '"abc"', Vary: 'Authorization, X-TC-Token' }
 */
function cacheableHeaders(etag: string, maxAgeSeconds: number): Record<string, string> {
  return { 'Cache-Control': `private, max-age=${maxAgeSeconds}`, ETag: etag, Vary: 'Authorization, X-TC-Token' };
}

export { cacheableHeaders, corsHeaders, isAllowedOrigin, preflightHeaders, securityHeaders };
