/**
 * The CVM access a handler gets for one request: the caller's credentials bound, every call timed,
 * logged (action, region, duration, upstream RequestId, outcome; never a secret) and every failure
 * classified into an `ApiError` with the contract's status.
 */
import type { Config } from '../config';
import type { Credentials } from '../credentials/resolve-credentials';
import { upstreamFailureToApiError } from '../errors/upstream-failure';
import type { Logger } from '../log/logger';
import { createCvmClient, type CvmClient } from './client';

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

export interface CvmSession {
  /**
   * Runs one SDK call with a client for `target.region`.
   *
   * @example
   * const zones = await cvm.call({ action: 'DescribeZones', region: 'ap-guangzhou' }, (client) => client.DescribeZones());
   */
  call<T extends { readonly RequestId?: string }>(target: CvmCallTarget, invoke: (client: CvmClient) => Promise<T>): Promise<T>;
  /** The calls made so far, in the order they finished. */
  readonly calls: readonly UpstreamCallRecord[];
}

export interface CvmSessionOptions {
  readonly config: Pick<Config, 'cvmEndpoint' | 'cvmRequestTimeoutMs'>;
  readonly credentials: Credentials;
  readonly log: Logger;
  readonly now?: () => number;
}

/**
 * @example
 * const cvm = createCvmSession({ config, credentials, log });
 */
function createCvmSession(options: CvmSessionOptions): CvmSession {
  const now = options.now ?? Date.now;
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

  return {
    calls,
    async call(target, invoke) {
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
    },
  };
}

export { createCvmSession };
