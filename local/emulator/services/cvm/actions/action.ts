import type { IdGenerator } from '../ids';
import type { CatalogueState } from '../models/catalogue';
import type { ParamReader } from '../params';
import type { ActionContext, LifecycleTiming } from '../service';
import type { RegionStore } from '../store';

/** What every action can reach: the request context, the catalogue and the clock. */
export interface GlobalEnvironment {
  readonly context: ActionContext;
  readonly catalogue: CatalogueState;
  /** Milliseconds since the epoch, from the service's injected clock. */
  readonly now: number;
}

/** A regional action additionally knows its region (`X-TC-Region`, required). */
export interface RegionalEnvironment extends GlobalEnvironment {
  readonly region: string;
  readonly timing: LifecycleTiming;
  /** The calling account's state in this region. */
  readonly store: RegionStore;
  readonly ids: IdGenerator;
}

/**
 * One CVM action: the parameter names it accepts (others are `UnknownParameter`) and a handler that
 * reads them, calls the models and shapes the inner `Response` without `RequestId`.
 */
export type ActionDefinition =
  | {
      readonly regional: false;
      readonly parameters: readonly string[];
      readonly handle: (params: ParamReader, env: GlobalEnvironment) => Record<string, unknown>;
    }
  | {
      readonly regional: true;
      readonly parameters: readonly string[];
      readonly handle: (params: ParamReader, env: RegionalEnvironment) => Record<string, unknown>;
    };
