import { corsHeaders, isAllowedOrigin, preflightHeaders, securityHeaders } from '../../../../lib/http/response-headers';

const CONSOLE = 'https://console.example.com';

describe('securityHeaders', () => {
  it('forbid sniffing, storing, framing, referrers and plain-http downgrades', () => {
    expect(securityHeaders).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
      'Strict-Transport-Security': 'max-age=31536000',
    });
  });
});

describe('corsHeaders', () => {
  it('are empty when CORS is off, the request has no Origin, or the origin is not listed', () => {
    expect(corsHeaders(CONSOLE, [])).toEqual({});
    expect(corsHeaders(undefined, [CONSOLE])).toEqual({});
    expect(corsHeaders('https://evil.example.com', [CONSOLE])).toEqual({});
    expect(corsHeaders(`${CONSOLE}.evil.example.com`, [CONSOLE])).toEqual({});
  });

  it('echo a listed origin with Vary: Origin', () => {
    expect(corsHeaders(CONSOLE, ['http://127.0.0.1:3000', CONSOLE])).toEqual({
      'Access-Control-Allow-Origin': CONSOLE,
      Vary: 'Origin',
      'Access-Control-Expose-Headers': 'X-Request-Id, Retry-After',
    });
  });

  it('answer * for any origin when * is listed', () => {
    expect(corsHeaders('https://anyone.example.org', ['*'])).toEqual({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'X-Request-Id, Retry-After',
    });
  });
});

describe('isAllowedOrigin', () => {
  it('never allows an empty origin, even under *', () => {
    expect(isAllowedOrigin('', ['*'])).toBe(false);
  });
});

describe('preflightHeaders', () => {
  it('allow the contract’s methods and the credential, token, JSON and idempotency headers', () => {
    expect(preflightHeaders()).toEqual({
      'Access-Control-Allow-Methods': 'GET, POST, PUT',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-TC-Token, Idempotency-Key',
      'Access-Control-Max-Age': '600',
    });
  });
});
