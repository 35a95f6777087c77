import TencentCloudSDKHttpException from 'tencentcloud-sdk-nodejs/tencentcloud/common/exception/tencent_cloud_sdk_exception';
import { ApiError } from '../../../../lib/errors/api-error';
import { upstreamFailureToApiError } from '../../../../lib/errors/upstream-failure';

const SECRET_KEY = 'MarkerSecretKeyThatMustNeverLeak0';
const call = { action: 'DescribeZones', region: 'ap-nowhere', timeoutMs: 8000, secrets: [SECRET_KEY] };

/** The SDK's own exception, filled the way `parseResponse` fills it (reference §3.3). */
function sdkException(message: string, requestId: string, extra: { code?: string; httpCode?: number } = {}): Error {
  return Object.assign(new TencentCloudSDKHttpException(message, requestId, 'trace-1'), extra);
}

describe('upstreamFailureToApiError', () => {
  describe('shape 1: an API error with a code', () => {
    it('keeps the upstream code, message and RequestId with the status of the table', () => {
      const error = upstreamFailureToApiError(
        sdkException('The SecretId is not found, please ensure that your SecretId is correct.', 'up-1', { code: 'AuthFailure.SecretIdNotFound' }),
        call,
      );
      expect(error.status).toBe(401);
      expect(error.toBody('ours')).toEqual({
        error: { code: 'AuthFailure.SecretIdNotFound', message: 'The SecretId is not found, please ensure that your SecretId is correct.' },
        requestId: 'up-1',
      });
    });

    it.each([
      ['A value specified in `X-TC-Region` is not valid, is unsupported, or cannot be used.', 'InvalidParameterValue'],
      ['A value specified in `Region` is not valid, is unsupported, or cannot be used.', 'InvalidParameterValue'],
      ['The action not support this region.', 'UnsupportedRegion'],
      ['region not found', 'InvalidRegion.NotFound'],
    ])('names the region field for %j (%s)', (message, code) => {
      const error = upstreamFailureToApiError(sdkException(message, 'up-2', { code }), call);
      expect(error.status).toBe(400);
      expect(error.fields).toEqual([{ field: 'region', message: '"ap-nowhere" is not a region DescribeZones accepts' }]);
    });

    it('names the zone field for zone codes', () => {
      const error = upstreamFailureToApiError(sdkException('zone mismatch', 'up-3', { code: 'InvalidZone.MismatchRegion' }), call);
      expect(error.fields).toEqual([{ field: 'zone', message: 'rejected by DescribeZones' }]);
    });

    it('names no field for an InvalidParameterValue that is not about the region', () => {
      const error = upstreamFailureToApiError(sdkException('Limit must be ≤ 100', 'up-4', { code: 'InvalidParameterValue' }), call);
      expect(error.status).toBe(400);
      expect(error.fields).toBeUndefined();
    });

    it('asks a rate-limited caller to retry after a second', () => {
      const error = upstreamFailureToApiError(sdkException('too many', 'up-5', { code: 'RequestLimitExceeded' }), call);
      expect(error.status).toBe(429);
      expect(error.headers).toEqual({ 'Retry-After': '1' });
    });

    it('answers 502 with the upstream code for a code it does not know, and still shows it', () => {
      const error = upstreamFailureToApiError(sdkException('new', 'up-6', { code: 'BrandNew.Code' }), call);
      expect(error.status).toBe(502);
      expect(error.expose).toBe(true);
      expect(error.toBody('ours').error).toEqual({ code: 'BrandNew.Code', message: 'new' });
    });

    it('cuts the request’s secrets out of an upstream message', () => {
      const error = upstreamFailureToApiError(sdkException(`key ${SECRET_KEY} rejected`, 'up-7', { code: 'AuthFailure.SignatureFailure' }), call);
      expect(error.message).toBe('key [REDACTED] rejected');
    });

    it('cuts a quoted Authorization header, its Credential and its Signature out of an upstream message', () => {
      const quoted =
        'signature mismatch for Authorization: TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2026-01-02/cvm/tc3_request, SignedHeaders=content-type;host, Signature=9f2c4e';
      const error = upstreamFailureToApiError(sdkException(quoted, 'up-9', { code: 'AuthFailure.SignatureFailure' }), call);

      expect(error.message).toBe('signature mismatch for Authorization: TC3-HMAC-SHA256 [REDACTED]');
      expect(JSON.stringify(error.toBody('ours'))).not.toMatch(/9f2c4e|AKIDEXAMPLE/);
    });

    it('cuts a bare Signature= fragment of any form out of an upstream message', () => {
      const error = upstreamFailureToApiError(sdkException('expected Signature=q1w2e3r4/t5y6', 'up-10', { code: 'AuthFailure.SignatureFailure' }), call);

      expect(error.message).toBe('expected Signature=[REDACTED]');
    });

    it('uses the code as message when upstream sent none', () => {
      expect(upstreamFailureToApiError(sdkException('', 'up-8', { code: 'InternalError' }), call).message).toBe('InternalError');
    });
  });

  describe('shape 2: a non-200 answer (httpCode, no code)', () => {
    it.each([
      [502, 502, 'UpstreamHttpError'],
      [500, 502, 'UpstreamHttpError'],
      [503, 502, 'UpstreamHttpError'],
      [504, 504, 'UpstreamTimeout'],
    ])('maps HTTP %i to %i %s', (httpCode, status, code) => {
      const error = upstreamFailureToApiError(sdkException('Bad Gateway', '', { httpCode }), call);
      expect([error.status, error.code]).toEqual([status, code]);
      expect(error.toBody('ours').requestId).toBe('ours');
    });
  });

  describe('shape 3: a transport failure (message only)', () => {
    it.each([
      ['network timeout at: http://127.0.0.1:8002/', 504, 'UpstreamTimeout'],
      ['The user aborted a request.', 504, 'UpstreamTimeout'],
      ['request to http://127.0.0.1:1/ failed, reason: connect ECONNREFUSED 127.0.0.1:1', 502, 'UpstreamUnreachable'],
      ['request to http://127.0.0.1:8002/ failed, reason: socket hang up', 502, 'UpstreamUnreachable'],
    ])('maps %j to %i %s without repeating the low-level text', (message, status, code) => {
      const error = upstreamFailureToApiError(sdkException(message, ''), call);
      expect([error.status, error.code]).toEqual([status, code]);
      expect(error.message).not.toContain('127.0.0.1');
    });

    it('words the timeout with the configured limit', () => {
      expect(upstreamFailureToApiError(sdkException('network timeout at: x', ''), call).message).toBe(
        'The CVM API did not answer DescribeZones within 8000 ms.',
      );
    });
  });

  describe('shape 4: an unreadable 200 (thrown outside the SDK wrapper)', () => {
    it.each([
      [new SyntaxError('Unexpected end of JSON input')],
      [new TypeError("Cannot read properties of undefined (reading 'Error')")],
      [Object.assign(new Error('invalid json response body at http://127.0.0.1:8002/ reason: Unexpected token <'), { type: 'invalid-json' })],
      ['not even an error'],
    ])('makes %p a 502 UpstreamInvalidResponse', (thrown) => {
      const error = upstreamFailureToApiError(thrown, call);
      expect([error.status, error.code]).toEqual([502, 'UpstreamInvalidResponse']);
      expect(error.cause).toBe(thrown);
    });

    it('makes a body read timeout a 504', () => {
      const error = upstreamFailureToApiError(new Error('Response timeout while trying to fetch http://x (over 8000ms)'), call);
      expect(error.status).toBe(504);
    });
  });

  it('passes an ApiError through untouched', () => {
    const error = new ApiError(418, 'Teapot', 'short and stout');
    expect(upstreamFailureToApiError(error, call)).toBe(error);
  });
});
