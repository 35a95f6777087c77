import { jsonResponse } from '../../../../lib/http/response';

describe('jsonResponse', () => {
  it('builds the integrated response of §6.4 with a JSON body and no-store caching', () => {
    expect(jsonResponse(200, { totalCount: '19', ok: true }, { 'X-Request-Id': 'r' })).toEqual({
      isBase64Encoded: false,
      statusCode: 200,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
        'X-Frame-Options': 'DENY',
        'Strict-Transport-Security': 'max-age=31536000',
        'X-Request-Id': 'r',
      },
      body: '{"totalCount":"19","ok":true}',
    });
  });

  it('keeps the JSON content type even when extra headers are given', () => {
    expect(jsonResponse(429, {}, { 'Retry-After': '1' }).headers['Content-Type']).toBe('application/json; charset=utf-8');
  });
});
