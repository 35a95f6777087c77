/**
 * Turns whatever a CVM SDK call threw into an `ApiError`. The Node SDK fails in four shapes
 * (reference §3.3, style-anchors "Traps"):
 * 1. an API error: `TencentCloudSDKHttpException` with `code`, `message` and `requestId`;
 * 2. a non-200 answer: the same class with `httpCode` and the status text, no `code`;
 * 3. a transport failure (refused, reset, timeout): the same class with only the low-level message;
 * 4. an unreadable 200: `res.json()` throws outside the SDK's wrapper (node-fetch `FetchError`
 *    "invalid json response body"), or valid JSON without `Response` surfaces as a `TypeError`.
 */
import { scrubText } from '../log/redact';
import { ApiError, type FieldProblem } from './api-error';
import { statusForUpstreamCode } from './upstream-status';

/** What the failed call was, for the error's wording and the fields it names. */
export interface UpstreamCall {
  readonly action: string;
  readonly region?: string;
  readonly timeoutMs: number;
  /** The request's secrets, cut out of any upstream text before it is shown. */
  readonly secrets: readonly string[];
}

/** The SDK exception's fields (its class is not exported by the SDK's public entry, §3.3). */
interface SdkException {
  readonly message: string;
  readonly requestId: string;
  readonly code?: unknown;
  readonly httpCode?: unknown;
}

/** Seconds a client should wait after a 429; Tencent's limits are per second (reference §4.0). */
const RETRY_AFTER_SECONDS = '1';

function isSdkException(error: unknown): error is Error & SdkException {
  return error instanceof Error && 'requestId' in error && typeof error.requestId === 'string';
}

/**
 * Codes whose failure is about one of our inputs, so the 400 can name it. Region errors arrive as
 * `InvalidParameterValue` with a message quoting `X-TC-Region` or `Region` (reference §2.8).
 */
function inputFieldOf(code: string, message: string): string | undefined {
  if (code === 'UnsupportedRegion' || code.startsWith('InvalidRegion')) return 'region';
  if (code.startsWith('InvalidParameter') && /`(X-TC-)?Region`/i.test(message)) return 'region';
  if (code.startsWith('InvalidZone') || code === 'InvalidParameterValue.ZoneNotSupported') return 'zone';
  return undefined;
}

function fromApiErrorCode(error: SdkException, code: string, call: UpstreamCall): ApiError {
  const status = statusForUpstreamCode(code);
  const message = scrubText(error.message || code, call.secrets);
  const field = status === 400 ? inputFieldOf(code, message) : undefined;
  const fields: FieldProblem[] | undefined =
    field === undefined ? undefined : [{ field, message: describeField(field, call) }];
  return new ApiError(status, code, message, {
    fields,
    upstreamRequestId: error.requestId,
    headers: status === 429 ? { 'Retry-After': RETRY_AFTER_SECONDS } : undefined,
    expose: true,
    cause: error,
  });
}

function describeField(field: string, call: UpstreamCall): string {
  return field === 'region' && call.region !== undefined
    ? `"${call.region}" is not a region ${call.action} accepts`
    : `rejected by ${call.action}`;
}

function timeoutError(call: UpstreamCall, cause: unknown): ApiError {
  return new ApiError(504, 'UpstreamTimeout', `The CVM API did not answer ${call.action} within ${call.timeoutMs} ms.`, {
    expose: true,
    cause,
  });
}

function unreadableAnswer(call: UpstreamCall, cause: unknown): ApiError {
  return new ApiError(502, 'UpstreamInvalidResponse', `The CVM API answered ${call.action} with an unreadable response.`, {
    expose: true,
    cause,
  });
}

/** node-fetch words its timeouts "network timeout at …" / "Response timeout while trying to fetch …". */
function isTimeoutMessage(message: string): boolean {
  return /timeout|timed out|aborted/i.test(message);
}

/**
 * @example
 * try { await client.DescribeZones() } catch (error) { throw upstreamFailureToApiError(error, call) }
 */
function upstreamFailureToApiError(error: unknown, call: UpstreamCall): ApiError {
  if (error instanceof ApiError) return error;
  if (isSdkException(error)) {
    if (typeof error.code === 'string' && error.code !== '') return fromApiErrorCode(error, error.code, call);
    if (typeof error.httpCode === 'number') {
      if (error.httpCode === 504) return timeoutError(call, error);
      return new ApiError(502, 'UpstreamHttpError', `The CVM API answered ${call.action} with HTTP ${error.httpCode}.`, {
        expose: true,
        cause: error,
      });
    }
    if (isTimeoutMessage(error.message)) return timeoutError(call, error);
    return new ApiError(502, 'UpstreamUnreachable', `The CVM API could not be reached for ${call.action}.`, {
      expose: true,
      cause: error,
    });
  }
  if (error instanceof Error && isTimeoutMessage(error.message)) return timeoutError(call, error);
  return unreadableAnswer(call, error);
}

export { upstreamFailureToApiError };
