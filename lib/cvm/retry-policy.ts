/**
 * When a failed CVM call may be sent again. The Node SDK never retries (reference §3.3); whether a
 * retry is safe depends on what the call does, so every call states its policy:
 *
 * | policy                 | for                                              | retried failures |
 * | ---------------------- | ------------------------------------------------ | ---------------- |
 * | `safe-read`            | Describe* actions                                | every transient one |
 * | `idempotent-write`     | RunInstances carrying a ClientToken (§4.6): a replay answers the first result and creates nothing | every transient one |
 * | `non-idempotent-write` | Start/Stop/Reboot/TerminateInstances              | only failures that prove the call was not carried out |
 * | `never`                | anything else (the default)                       | none |
 *
 * Transient: throttling (`RequestLimitExceeded*`), the upstream's internal errors (`InternalError*`,
 * `InternalServerError`, `ServiceUnavailable`, HTTP 5xx), a connection that failed or dropped, a
 * time-out, an unreadable answer. Of these only two prove nothing happened: throttling (the API refused
 * the call before running it) and a connection that was never established (refused, or the host name
 * did not resolve). A dropped connection or a time-out after the request was sent may hide a call that
 * ran (the emulator's `drop-after` fault), and a retried Stop would then fail on the state it caused.
 */
import { ApiError } from '../errors/api-error';

export type RetryPolicy = 'safe-read' | 'idempotent-write' | 'non-idempotent-write' | 'never';

/** What a failed call tells us about whether it ran. */
export type FailureKind =
  /** Refused by rate limiting before it ran. */
  | 'throttled'
  /** The connection was never made: the request did not leave. */
  | 'not-sent'
  /** The upstream failed internally or answered HTTP 5xx: it may or may not have run. */
  | 'upstream-fault'
  /** Sent, then dropped, timed out or answered unreadably: it may have run. */
  | 'lost-answer'
  /** An answer that a retry would not change (bad input, auth, state, not found …). */
  | 'final';

/** Attempts and waits (full jitter, lib/retry): at most 3 retries, waiting < 200, < 400, < 800 ms. */
const RETRY_SCHEDULE = { retries: 3, baseDelayMs: 200, maxDelayMs: 2000 } as const;

const RETRIED_KINDS: Readonly<Record<RetryPolicy, ReadonlySet<FailureKind>>> = {
  'safe-read': new Set(['throttled', 'not-sent', 'upstream-fault', 'lost-answer']),
  'idempotent-write': new Set(['throttled', 'not-sent', 'upstream-fault', 'lost-answer']),
  'non-idempotent-write': new Set(['throttled', 'not-sent']),
  never: new Set(),
};

/** node-fetch's wording when no connection was made: refused, or the name did not resolve. */
const NOT_SENT_MESSAGE = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN)\b/;

function causeMessage(error: ApiError): string {
  return error.cause instanceof Error ? error.cause.message : '';
}

function httpStatusOf(cause: unknown): number | undefined {
  return typeof cause === 'object' && cause !== null && 'httpCode' in cause && typeof cause.httpCode === 'number'
    ? cause.httpCode
    : undefined;
}

function isCodeOrChild(code: string, family: string): boolean {
  return code === family || code.startsWith(`${family}.`);
}

/**
 * Classifies a failure as the CVM session reports it (an `ApiError` from lib/errors/upstream-failure,
 * whose `cause` is what the SDK threw).
 *
 * @example
 * failureKind(new ApiError(429, 'RequestLimitExceeded', 'too fast')) // 'throttled'
 * failureKind(new ApiError(409, 'UnsupportedOperation.InstanceStateRunning', '…')) // 'final'
 */
function failureKind(error: unknown): FailureKind {
  if (!(error instanceof ApiError)) return 'final';
  const { code } = error;
  if (isCodeOrChild(code, 'RequestLimitExceeded')) return 'throttled';
  if (code === 'UpstreamUnreachable') return NOT_SENT_MESSAGE.test(causeMessage(error)) ? 'not-sent' : 'lost-answer';
  if (code === 'UpstreamTimeout' || code === 'UpstreamInvalidResponse') return 'lost-answer';
  if (code === 'UpstreamHttpError') return (httpStatusOf(error.cause) ?? 0) >= 500 ? 'upstream-fault' : 'final';
  if (isCodeOrChild(code, 'InternalError') || isCodeOrChild(code, 'InternalServerError') || code === 'ServiceUnavailable') {
    return 'upstream-fault';
  }
  return 'final';
}

/**
 * @example
 * retriesUnder('non-idempotent-write', 'lost-answer') // false: the stop may have happened
 */
function retriesUnder(policy: RetryPolicy, kind: FailureKind): boolean {
  return RETRIED_KINDS[policy].has(kind);
}

/**
 * The policy for an action when the call names none: Describe* actions only read (reference §4.0),
 * so any transient failure may be retried; anything else gets one attempt.
 *
 * @example
 * retryPolicyForAction('DescribeZones') // 'safe-read'
 * retryPolicyForAction('StopInstances') // 'never'
 */
function retryPolicyForAction(action: string): RetryPolicy {
  return action.startsWith('Describe') ? 'safe-read' : 'never';
}

/**
 * The longest wait before retry `retry` (1-based) under full jitter: the budget check must assume it.
 *
 * @example
 * longestRetryDelayMs(2) // 400
 */
function longestRetryDelayMs(retry: number): number {
  return Math.min(RETRY_SCHEDULE.maxDelayMs, RETRY_SCHEDULE.baseDelayMs * 2 ** (retry - 1));
}

export { RETRY_SCHEDULE, failureKind, longestRetryDelayMs, retriesUnder, retryPolicyForAction };
