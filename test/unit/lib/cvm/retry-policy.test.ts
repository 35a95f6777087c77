import TencentCloudSDKHttpException from 'tencentcloud-sdk-nodejs/tencentcloud/common/exception/tencent_cloud_sdk_exception';
import { ApiError } from '../../../../lib/errors/api-error';
import { failureKind, longestRetryDelayMs, retriesUnder, type FailureKind, type RetryPolicy } from '../../../../lib/cvm/retry-policy';

function transportFailure(message: string, httpCode?: number): ApiError {
  const cause = new TencentCloudSDKHttpException(message);
  if (httpCode !== undefined) cause.httpCode = httpCode;
  const code = httpCode !== undefined ? 'UpstreamHttpError' : 'UpstreamUnreachable';
  return new ApiError(502, code, 'The CVM API could not be reached.', { cause });
}

describe('failureKind', () => {
  it.each<[string, unknown, FailureKind]>([
    ['throttling', new ApiError(429, 'RequestLimitExceeded', 'too fast'), 'throttled'],
    ['per-account throttling', new ApiError(429, 'RequestLimitExceeded.UinLimitExceeded', 'too fast'), 'throttled'],
    ['a refused connection', transportFailure('request to http://127.0.0.1:1/ failed, reason: connect ECONNREFUSED 127.0.0.1:1'), 'not-sent'],
    ['an unresolvable host', transportFailure('request to https://cvm.example/ failed, reason: getaddrinfo ENOTFOUND cvm.example'), 'not-sent'],
    ['a dropped connection', transportFailure('request to http://127.0.0.1:8002/ failed, reason: socket hang up'), 'lost-answer'],
    ['a time-out', new ApiError(504, 'UpstreamTimeout', 'no answer within 8000 ms'), 'lost-answer'],
    ['an unreadable answer', new ApiError(502, 'UpstreamInvalidResponse', 'garbled'), 'lost-answer'],
    ['HTTP 502', transportFailure('Bad Gateway', 502), 'upstream-fault'],
    ['HTTP 404', transportFailure('Not Found', 404), 'final'],
    ['InternalError', new ApiError(502, 'InternalError', 'oops'), 'upstream-fault'],
    ['InternalError.TradeUnknownError', new ApiError(502, 'InternalError.TradeUnknownError', 'oops'), 'upstream-fault'],
    ['InternalServerError', new ApiError(502, 'InternalServerError', 'oops'), 'upstream-fault'],
    ['ServiceUnavailable', new ApiError(502, 'ServiceUnavailable', 'busy'), 'upstream-fault'],
    ['a state refusal', new ApiError(409, 'UnsupportedOperation.InstanceStateRunning', 'running'), 'final'],
    ['an unknown instance', new ApiError(404, 'InvalidInstanceId.NotFound', 'gone'), 'final'],
    ['our own validation', new ApiError(400, 'InvalidParameter', 'bad'), 'final'],
    ['something that is no ApiError', new TypeError('bug'), 'final'],
  ])('classifies %s', (_name, error, kind) => {
    expect(failureKind(error)).toBe(kind);
  });
});

describe('retriesUnder', () => {
  const kinds: FailureKind[] = ['throttled', 'not-sent', 'upstream-fault', 'lost-answer', 'final'];

  it.each<[RetryPolicy, FailureKind[]]>([
    ['safe-read', ['throttled', 'not-sent', 'upstream-fault', 'lost-answer']],
    ['idempotent-write', ['throttled', 'not-sent', 'upstream-fault', 'lost-answer']],
    ['non-idempotent-write', ['throttled', 'not-sent']],
    ['never', []],
  ])('under %s retries exactly %j', (policy, retried) => {
    expect(kinds.filter((kind) => retriesUnder(policy, kind))).toEqual(retried);
  });
});

describe('longestRetryDelayMs', () => {
  it.each([
    [1, 200],
    [2, 400],
    [3, 800],
    [5, 2000],
    [9, 2000],
  ])('before retry %i is %i ms', (retry, delayMs) => {
    expect(longestRetryDelayMs(retry)).toBe(delayMs);
  });
});
