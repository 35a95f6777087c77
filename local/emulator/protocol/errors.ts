/**
 * The common (protocol-level) errors of reference §2.8 and §3.2, each with the message the real
 * service sends where one was observed, and our own wording (marked [proposal]) where none was.
 * No message ever carries a SecretKey, a token, a signature or the Authorization header.
 */
import { CvmApiError } from '../services/cvm/service';

export const CVM_SERVICE = 'cvm';
export const CVM_VERSION = '2017-03-12';
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** Missing header or malformed value: a [proposal] (§8 lists the real code as unknown). */
export function invalidAuthorization(detail: string): CvmApiError {
  return new CvmApiError('AuthFailure.InvalidAuthorization', `Authorization header is invalid: ${detail}`);
}

/** Observed message (§2.8). */
export function secretIdNotFound(): CvmApiError {
  return new CvmApiError(
    'AuthFailure.SecretIdNotFound',
    'The SecretId is not found, please ensure that your SecretId is correct.',
  );
}

/** [proposal] wording; code per §2.5. */
export function signatureExpire(timestampSeconds: number, serverSeconds: number): CvmApiError {
  return new CvmApiError(
    'AuthFailure.SignatureExpire',
    `Signature expired: X-TC-Timestamp ${timestampSeconds} differs from server time ${serverSeconds} by more than ${MAX_CLOCK_SKEW_SECONDS} seconds.`,
  );
}

/** Documented sample message (§3.1). */
export function signatureFailure(): CvmApiError {
  return new CvmApiError(
    'AuthFailure.SignatureFailure',
    'The provided credentials could not be validated. Please check your signature is correct.',
  );
}

/** [proposal] wording; §2.8 gives only "token error". */
export function tokenFailure(detail: string): CvmApiError {
  return new CvmApiError('AuthFailure.TokenFailure', `Token error: ${detail}`);
}

/** Observed message shape (§2.8). */
export function noSuchVersion(version: string): CvmApiError {
  return new CvmApiError('NoSuchVersion', `The specified api version=\`${version}\` does not exist in service=\`${CVM_SERVICE}\`.`);
}

/** Observed message shape (§2.8). */
export function invalidAction(action: string): CvmApiError {
  return new CvmApiError(
    'InvalidAction',
    `The request action=\`${action}\` is invalid or not found in service=\`${CVM_SERVICE}\` and version=\`${CVM_VERSION}\`.`,
  );
}

/** Observed message (§2.8, the `X-TC-Region` variant). */
export function invalidRegion(): CvmApiError {
  return new CvmApiError(
    'InvalidParameterValue',
    'A value specified in `X-TC-Region` is not valid, is unsupported, or cannot be used.',
  );
}

/** [proposal] wording for a common header or parameter that is absent. */
export function missingParameter(name: string): CvmApiError {
  return new CvmApiError('MissingParameter', `The request is missing a required parameter \`${name}\`.`);
}

/** [proposal] wording for a common header whose value is not of the allowed form. */
export function invalidParameterValue(name: string, allowed: string): CvmApiError {
  return new CvmApiError('InvalidParameterValue', `The value of \`${name}\` is not valid; expected ${allowed}.`);
}

/** [proposal]: the body of a TC3 POST must be one JSON object (§1: "the action's own parameters"). */
export function invalidBody(detail: string): CvmApiError {
  return new CvmApiError('InvalidParameter', `The request body is not valid: ${detail}`);
}

/** §1: TC3 POST ≤ 10 MB, GET ≤ 32 KB. */
export function requestSizeLimitExceeded(limitBytes: number): CvmApiError {
  return new CvmApiError('RequestSizeLimitExceeded', `The request exceeds the size limit of ${limitBytes} bytes.`);
}

/** §3.2: only GET and POST are supported. */
export function unsupportedProtocol(method: string): CvmApiError {
  return new CvmApiError('UnsupportedProtocol', `The HTTP method ${method} is not supported; use POST or GET.`);
}

/** [proposal] wording; code per §4.0. */
export function requestLimitExceeded(action: string, count: number, limit: number): CvmApiError {
  return new CvmApiError(
    'RequestLimitExceeded',
    `Your current request count for \`${action}\` is ${count} in one second, which exceeds the frequency limit of ${limit} per second. Please reduce the frequency of calls.`,
  );
}

export function internalError(): CvmApiError {
  return new CvmApiError(
    'InternalError',
    'An internal error has occurred. Retry your request, but if the problem persists, contact us.',
  );
}
