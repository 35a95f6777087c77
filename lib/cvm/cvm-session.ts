/**
 * The CVM access a handler gets for one request: the caller's credentials bound, every call timed,
 * logged (action, region, duration, upstream RequestId, outcome; never a secret), every failure
 * classified into an `ApiError` with the contract's status, and failures retried as the call's
 * `retry` policy allows (lib/cvm/retry-policy.ts) while the request's retry budget lasts and, when
 * the session knows it, before the function's own deadline.
 */
import type { Config } from '../config';
import type { Credentials } from '../credentials/resolve-credentials';
import { ApiError } from '../errors/api-error';
import { upstreamFailureToApiError } from '../errors/upstream-failure';
import type { Logger } from '../log/logger';
import { retryWithBackoff } from '../retry/retry-with-backoff';
import { createCvmClient, type CvmClient } from './client';
import { RETRY_SCHEDULE, failureKind, longestRetryDelayMs, retriesUnder, type RetryPolicy } from './retry-policy';

/** One upstream call as the access log records it. */
export interface UpstreamCallRecord {
  readonly action: string;
  readonly region: string | undefined;
  readonly durationMs: number;
  readonly outcome: string;
  readonly requestId: string | undefined;
}

export interface CvmCallTarget {
  /** The CVM action name, for logs and error messages (`DescribeZones`). */
  readonly action: string;
  /** Omit for region-less actions (DescribeRegions). */
  readonly region?: string;
}

export interface CvmCallOptions {
  /** Which failures are sent again (lib/cvm/retry-policy.ts). Default: the session's `defaultRetry`. */
  readonly retry?: RetryPolicy;
}

export interface CvmSession {
  /**
   * Runs one SDK call with a client for `target.region`, retried as `options.retry` allows.
   *
   * @example
   * const zones = await cvm.call({ action: 'DescribeZones', region: 'ap-guangzhou' }, (client) => client.DescribeZones(), { retry: 'safe-read' });
   */
  call<T extends { readonly RequestId?: string }>(
    target: CvmCallTarget,
    invoke: (client: CvmClient) => Promise<T>,
    options?: CvmCallOptions,
  ): Promise<T>;
  /** The calls made so far, one per attempt, in the order they finished. */
  readonly calls: readonly UpstreamCallRecord[];
  /** When the session (the request) began, epoch ms: the budgets in Config count from here. */
  readonly startedAt: number;
}

export interface CvmSessionOptions {
  readonly config: Pick<Config, 'cvmEndpoint' | 'cvmRequestTimeoutMs' | 'cvmRetryBudgetMs'>;
  readonly credentials: Credentials;
  readonly log: Logger;
  readonly now?: () => number;
  /**
   * The policy of a call that names none; default `never` (one attempt). The HTTP stack passes
   * `retryPolicyForAction`, so every read route retries its Describe calls; the inventory retries on
   * its own (functions/inventory/cvm-calls.ts) and keeps the default.
   */
  readonly defaultRetry?: (action: string) => RetryPolicy;
  /**
   * Epoch ms by which every attempt must have ended: the function's deadline less the stack's margin
   * (lib/http/middlewares/credentials.ts). No retry starts that could end later; unset: no deadline.
   */
  readonly deadlineAt?: number;
  /** Injectable for tests: the wait between attempts (default `setTimeout`) and the jitter source. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/**
 * @example
 * const cvm = createCvmSession({ config, credentials, log });
 */
function createCvmSession(options: CvmSessionOptions): CvmSession {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const clients = new Map<string, CvmClient>();
  const calls: UpstreamCallRecord[] = [];

  function clientFor(region: string | undefined): CvmClient {
    const key = region ?? '';
    let client = clients.get(key);
    if (client === undefined) {
      client = createCvmClient({
        endpoint: options.config.cvmEndpoint,
        timeoutMs: options.config.cvmRequestTimeoutMs,
        credentials: options.credentials,
        ...(region === undefined ? {} : { region }),
      });
      clients.set(key, client);
    }
    return client;
  }

  function record(target: CvmCallTarget, started: number, outcome: string, requestId: string | undefined): void {
    const entry = { action: target.action, region: target.region, durationMs: now() - started, outcome, requestId };
    calls.push(entry);
    options.log.debug('upstream call', { upstream: entry });
  }

  async function attempt<T extends { readonly RequestId?: string }>(
    target: CvmCallTarget,
    invoke: (client: CvmClient) => Promise<T>,
  ): Promise<T> {
    const started = now();
    try {
      const response = await invoke(clientFor(target.region));
      record(target, started, 'ok', response.RequestId);
      return response;
    } catch (error) {
      const failure = upstreamFailureToApiError(error, {
        action: target.action,
        region: target.region,
        timeoutMs: options.config.cvmRequestTimeoutMs,
        secrets: options.credentials.secrets,
      });
      record(target, started, failure.code, failure.upstreamRequestId);
      throw failure;
    }
  }

  /**
   * A retry starts only if, after its longest wait and a full request timeout, it would still end within
   * the retry budget and before the function's deadline: a slow upstream then ends as our own 504.
   */
  function retryFitsBudget(retry: number): boolean {
    const latestEnd = now() + longestRetryDelayMs(retry) + options.config.cvmRequestTimeoutMs;
    return latestEnd <= startedAt + options.config.cvmRetryBudgetMs && latestEnd <= (options.deadlineAt ?? Infinity);
  }

  return {
    calls,
    startedAt,
    call(target, invoke, callOptions = {}) {
      const policy = callOptions.retry ?? options.defaultRetry?.(target.action) ?? 'never';
      let failures = 0;
      return retryWithBackoff(() => attempt(target, invoke), {
        ...RETRY_SCHEDULE,
        isRetryable: (error) => {
          failures += 1;
          return retriesUnder(policy, failureKind(error)) && retryFitsBudget(failures);
        },
        onRetry: (error, retry, delayMs) => {
          options.log.warn('retrying upstream call', {
            action: target.action,
            region: target.region,
            policy,
            retry,
            delayMs,
            failure: failureKind(error),
            code: error instanceof ApiError ? error.code : undefined,
          });
        },
        ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
        ...(options.random === undefined ? {} : { random: options.random }),
      });
    },
  };
}

export { createCvmSession };
