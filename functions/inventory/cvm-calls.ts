/**
 * The four Describe calls the inventory makes, each one rate-limited per action below Tencent's
 * documented limits (reference §4.0), retried with backoff and jitter when the failure is transient
 * (throttling, time-outs, 5xx, dropped or garbled answers), and refused once the function's deadline
 * is near. Answers come back in the contract's shapes (lib/mappers).
 */
import type { Image } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { createRateLimiter, type RateLimiter } from '../../lib/concurrency/rate-limiter';
import type { CvmClient } from '../../lib/cvm/client';
import type { CvmSession } from '../../lib/cvm/cvm-session';
import { fetchAllPages } from '../../lib/cvm/paging';
import { ApiError } from '../../lib/errors/api-error';
import type { Logger } from '../../lib/log/logger';
import { toImagesBody, type ImageItem } from '../../lib/mappers/images';
import { toInstanceTypesBody, type InstanceTypeItem } from '../../lib/mappers/instance-types';
import { toRegionsBody, type RegionsBody } from '../../lib/mappers/regions';
import { toZonesBody } from '../../lib/mappers/zones';
import { retryWithBackoff } from '../../lib/retry/retry-with-backoff';
import { MAX_PAGE_SIZE } from '../../lib/schemas/primitives';
import type { ZoneItem } from './snapshot';

export type RegionItem = RegionsBody['regions'][number];

export type DescribeAction = 'DescribeRegions' | 'DescribeZones' | 'DescribeImages' | 'DescribeInstanceTypeConfigs';

/** Documented default limits, requests per second (reference §4.0). */
export const DOCUMENTED_RATE_LIMITS: Readonly<Record<DescribeAction, number>> = {
  DescribeRegions: 20,
  DescribeZones: 20,
  DescribeImages: 40,
  DescribeInstanceTypeConfigs: 40,
};

/** The limits count requests per second at the server (reference §4.0). */
const RATE_WINDOW_MS = 1000;
/** Backoff never waits longer than this between two attempts. */
const MAX_RETRY_DELAY_MS = 3000;

export interface InventoryCallStats {
  calls: number;
  retries: number;
}

export interface InventoryCvm {
  regions(): Promise<readonly RegionItem[]>;
  zones(region: string): Promise<readonly ZoneItem[]>;
  images(region: string): Promise<readonly ImageItem[]>;
  instanceTypes(region: string): Promise<readonly InstanceTypeItem[]>;
  readonly stats: Readonly<InventoryCallStats>;
}

export interface InventoryCvmOptions {
  readonly session: CvmSession;
  readonly log: Logger;
  readonly imagesPageConcurrency: number;
  readonly maxRetries: number;
  readonly retryBaseDelayMs: number;
  /** Epoch ms after which no new call starts (the rest of the time is for writing the snapshot). */
  readonly deadlineAt: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

function httpStatusOf(cause: unknown): number | undefined {
  return typeof cause === 'object' && cause !== null && 'httpCode' in cause && typeof cause.httpCode === 'number'
    ? cause.httpCode
    : undefined;
}

/**
 * Worth another attempt: throttling, an upstream time-out, an unreachable or garbled answer, an
 * upstream internal error or any HTTP 5xx. Client errors (auth, parameters, unsupported region) are not.
 */
export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const { code } = error;
  if (code === 'UpstreamHttpError') return (httpStatusOf(error.cause) ?? 0) >= 500;
  return (
    code.startsWith('RequestLimitExceeded') ||
    code === 'UpstreamTimeout' ||
    code === 'UpstreamUnreachable' ||
    code === 'UpstreamInvalidResponse' ||
    code === 'InternalError' ||
    code.startsWith('InternalError.') ||
    code === 'ServiceUnavailable'
  );
}

function deadlineExceeded(action: DescribeAction): ApiError {
  return new ApiError(504, 'InventoryDeadlineExceeded', `${action} was not started: the function's time was nearly up.`);
}

/**
 * @example
 * const cvm = createInventoryCvm({ session, log, imagesPageConcurrency: 4, maxRetries: 3, retryBaseDelayMs: 200, deadlineAt: Infinity });
 * const zones = await cvm.zones('ap-guangzhou');
 */
export function createInventoryCvm(options: InventoryCvmOptions): InventoryCvm {
  const now = options.now ?? Date.now;
  const stats: InventoryCallStats = { calls: 0, retries: 0 };
  const limiterFor = (action: DescribeAction): RateLimiter =>
    createRateLimiter({
      limit: DOCUMENTED_RATE_LIMITS[action],
      windowMs: RATE_WINDOW_MS,
      now,
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    });
  const limiters: Readonly<Record<DescribeAction, RateLimiter>> = {
    DescribeRegions: limiterFor('DescribeRegions'),
    DescribeZones: limiterFor('DescribeZones'),
    DescribeImages: limiterFor('DescribeImages'),
    DescribeInstanceTypeConfigs: limiterFor('DescribeInstanceTypeConfigs'),
  };

  function call<T extends { readonly RequestId?: string }>(
    action: DescribeAction,
    region: string | undefined,
    invoke: (client: CvmClient) => Promise<T>,
  ): Promise<T> {
    return retryWithBackoff(
      async () => {
        if (now() >= options.deadlineAt) throw deadlineExceeded(action);
        return limiters[action].run(() => {
          stats.calls += 1;
          return options.session.call({ action, ...(region === undefined ? {} : { region }) }, invoke);
        });
      },
      {
        retries: options.maxRetries,
        baseDelayMs: options.retryBaseDelayMs,
        maxDelayMs: MAX_RETRY_DELAY_MS,
        isRetryable: isTransientFailure,
        onRetry: (error, retry, delayMs) => {
          stats.retries += 1;
          options.log.debug('retrying upstream call', {
            action,
            region,
            retry,
            delayMs,
            code: error instanceof ApiError ? error.code : 'unknown',
          });
        },
        ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
        ...(options.random === undefined ? {} : { random: options.random }),
      },
    );
  }

  return {
    stats,
    regions: async () => toRegionsBody(await call('DescribeRegions', undefined, (client) => client.DescribeRegions())).regions,
    zones: async (region) => toZonesBody(await call('DescribeZones', region, (client) => client.DescribeZones())).zones,
    instanceTypes: async (region) =>
      toInstanceTypesBody(await call('DescribeInstanceTypeConfigs', region, (client) => client.DescribeInstanceTypeConfigs({})))
        .instanceTypes,
    images: async (region) => {
      // Page 1 gives the total; the other pages are fetched in parallel (lib/cvm/paging.ts).
      const pages = await fetchAllPages<Image>({
        pageSize: MAX_PAGE_SIZE,
        concurrency: options.imagesPageConcurrency,
        fetchPage: async (offset, limit) => {
          const page = await call('DescribeImages', region, (client) => client.DescribeImages({ Offset: offset, Limit: limit }));
          return { items: page.ImageSet ?? [], totalCount: page.TotalCount ?? 0, requestId: page.RequestId };
        },
      });
      return toImagesBody({ images: pages.items, totalCount: pages.totalCount, requestId: pages.requestId }).images;
    },
  };
}
