/**
 * Per-account, per-action request frequency limits (reference §4.0), answered with
 * `RequestLimitExceeded`.
 *
 * Window: sliding, one second long. Each key (account + action) keeps the arrival times of the
 * requests it admitted during the last second; a request is admitted while fewer than `limit` of them
 * remain. Rejected requests are not recorded, so a client that keeps calling still gets `limit`
 * requests through every second. A sliding window (rather than one aligned to clock seconds) keeps
 * tests deterministic: N+1 calls made within a second always produce exactly one rejection.
 */

/** Default limits of reference §4.0, requests per second. */
export const DOCUMENTED_RATE_LIMITS: Readonly<Record<string, number>> = {
  DescribeRegions: 20,
  DescribeZones: 20,
  DescribeImages: 40,
  DescribeInstanceTypeConfigs: 40,
  RunInstances: 10,
  DescribeInstances: 40,
  DescribeInstancesStatus: 40,
  StartInstances: 10,
  StopInstances: 10,
  RebootInstances: 10,
  TerminateInstances: 10,
};

/** For an action the table does not list: the lowest documented Describe* limit. */
export const FALLBACK_RATE_LIMIT = 20;

const WINDOW_MS = 1000;

export interface RateLimitSettings {
  readonly enabled: boolean;
  /** Per-action overrides of the documented defaults. */
  readonly perSecond: Readonly<Record<string, number>>;
}

export type RateDecision =
  | { readonly admitted: true }
  | { readonly admitted: false; readonly count: number; readonly limit: number };

export class RateLimiter {
  private enabled: boolean;
  private overrides: Record<string, number> = {};
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    enabled: boolean,
  ) {
    this.enabled = enabled;
  }

  limitFor(action: string): number {
    return this.overrides[action] ?? DOCUMENTED_RATE_LIMITS[action] ?? FALLBACK_RATE_LIMIT;
  }

  /** Records the call if admitted. */
  admit(accountId: string, action: string): RateDecision {
    if (!this.enabled) {
      return { admitted: true };
    }
    const key = `${accountId}\u0000${action}`;
    const now = this.now();
    const recent = (this.windows.get(key) ?? []).filter((arrival) => arrival > now - WINDOW_MS);
    const limit = this.limitFor(action);
    if (recent.length >= limit) {
      this.windows.set(key, recent);
      return { admitted: false, count: recent.length + 1, limit };
    }
    recent.push(now);
    this.windows.set(key, recent);
    return { admitted: true };
  }

  /** `perSecond`, when given, replaces the previous overrides (`{}` restores the documented defaults). */
  configure(change: { enabled?: boolean | undefined; perSecond?: Readonly<Record<string, number>> | undefined }): void {
    if (change.enabled !== undefined) {
      this.enabled = change.enabled;
    }
    if (change.perSecond !== undefined) {
      this.overrides = { ...change.perSecond };
    }
    this.windows.clear();
  }

  settings(): RateLimitSettings {
    return { enabled: this.enabled, perSecond: { ...DOCUMENTED_RATE_LIMITS, ...this.overrides } };
  }

  /** Forgets every window; the settings stay as configured. */
  clearWindows(): void {
    this.windows.clear();
  }
}
