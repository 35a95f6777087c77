/**
 * The seam between the emulator's protocol layer (server, TC3 verification, envelope, faults,
 * rate limits, control routes) and the CVM service (catalogue, store, actions, state machine).
 *
 * The protocol layer authenticates a request, resolves its account, and then calls
 * `CvmService.invoke(action, params, context)`. The service answers the inner `Response` fields
 * (without `RequestId`, which the protocol layer adds) or throws a `CvmApiError`, which the
 * protocol layer writes as `{"Response": {"Error": {Code, Message}, "RequestId"}}` with HTTP 200.
 */

/** An API-level error: written by the protocol layer as the real error envelope. */
export class CvmApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CvmApiError';
  }
}

/**
 * A control-API catalogue change that cannot apply as asked (unknown region, an image or zone that is
 * not there to remove, one that already exists); `field` names the body field at fault. The control
 * API answers it as 400 `InvalidControlRequest`, the form of every other bad control body.
 */
export class CatalogueChangeError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CatalogueChangeError';
  }
}

export type Language = 'zh-CN' | 'en-US';

/** What the protocol layer knows about an authenticated request when it reaches an action. */
export interface ActionContext {
  /** Account that owns the calling key pair; instances and private images are scoped to it. */
  readonly accountId: string;
  /** `X-TC-Region` as sent (already checked to be a known region for regional actions), or undefined. */
  readonly region: string | undefined;
  /** From `X-TC-Language`; defaults to zh-CN, matching real outputs (reference §4.3). */
  readonly language: Language;
  readonly requestId: string;
  /**
   * How the parameters arrived: `query` for a GET's flattened query string, whose values are all
   * strings (numbers and booleans are then read from their text); `json` (the default) for a POST body,
   * where a wrong JSON type is `InvalidParameter`.
   */
  readonly paramEncoding?: 'json' | 'query';
}

/** The catalogue changes the control API can make, so inventory diffs can be tested. */
export type CatalogueChange =
  | { readonly kind: 'addImage'; readonly region: string; readonly image: Readonly<Record<string, unknown>> }
  | { readonly kind: 'removeImage'; readonly region: string; readonly imageId: string }
  | { readonly kind: 'addInstanceType'; readonly region: string; readonly zone: string; readonly instanceType: string }
  | { readonly kind: 'removeInstanceType'; readonly region: string; readonly zone: string; readonly instanceType: string }
  | { readonly kind: 'addZone'; readonly region: string; readonly zone: string; readonly zoneName: string }
  | { readonly kind: 'removeZone'; readonly region: string; readonly zone: string }
  | { readonly kind: 'seedPrivateImages'; readonly accountId: string; readonly region: string; readonly count: number };

export interface LifecycleTiming {
  /** Milliseconds each transitional state (PENDING, STARTING, STOPPING, REBOOTING, TERMINATING) lasts; 0 = immediate. */
  readonly transitionMs: number;
  /** Milliseconds a terminated instance stays visible (as TERMINATING / gone) before it disappears. */
  readonly terminatedRetentionMs: number;
}

export interface CvmService {
  /** Action names this service implements (used for `InvalidAction`). */
  readonly actions: ReadonlySet<string>;
  /** Regions known to the catalogue (used for `InvalidParameterValue` on X-TC-Region). */
  readonly regions: ReadonlySet<string>;
  /** Whether the action needs `X-TC-Region` (DescribeRegions does not). */
  isRegional(action: string): boolean;
  invoke(action: string, params: Record<string, unknown>, context: ActionContext): Record<string, unknown>;
  applyCatalogueChange(change: CatalogueChange): void;
  setLifecycleTiming(timing: LifecycleTiming): void;
  /** Drops every instance, idempotency record and catalogue change; restores default timing. */
  reset(): void;
}
