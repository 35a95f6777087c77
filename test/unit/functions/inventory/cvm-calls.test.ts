import { ApiError } from '../../../../lib/errors/api-error';
import { isTransientFailure } from '../../../../functions/inventory/cvm-calls';

describe('isTransientFailure', () => {
  const upstream = (status: number, code: string, cause?: unknown) => new ApiError(status, code, code, { cause });

  it.each([
    [upstream(429, 'RequestLimitExceeded'), true],
    [upstream(429, 'RequestLimitExceeded.UinLimitExceeded'), true],
    [upstream(504, 'UpstreamTimeout'), true],
    [upstream(502, 'UpstreamUnreachable'), true],
    [upstream(502, 'UpstreamInvalidResponse'), true],
    [upstream(502, 'InternalError'), true],
    [upstream(502, 'InternalError.DbError'), true],
    [upstream(502, 'ServiceUnavailable'), true],
    [upstream(502, 'UpstreamHttpError', { httpCode: 503 }), true],
    [upstream(502, 'UpstreamHttpError', { httpCode: 404 }), false],
    [upstream(401, 'AuthFailure.SignatureFailure'), false],
    [upstream(403, 'UnauthorizedOperation'), false],
    [upstream(400, 'UnsupportedRegion'), false],
    [new Error('not an ApiError'), false],
  ])('%s → %p', (error, transient) => {
    expect(isTransientFailure(error)).toBe(transient);
  });
});
