import { ACTIONS } from './actions/registry';
import { invalidParameterValue, missingParameter } from './errors';
import { IdGenerator } from './ids';
import { CatalogueState } from './models/catalogue';
import { ParamReader } from './params';
import { CatalogueChangeError, CvmApiError, type ActionContext, type CatalogueChange, type CvmService, type LifecycleTiming } from './service';
import { StoreRegistry } from './store';

export interface CvmServiceOptions {
  /** Clock in epoch milliseconds; transitional states end at recorded times resolved against it. */
  readonly now?: () => number;
}

/** Default timing: transitional states last 3 s (reference §4.13 suggests 2–10 s); terminated instances stay 60 s. */
export const DEFAULT_LIFECYCLE_TIMING: LifecycleTiming = { transitionMs: 3000, terminatedRetentionMs: 60_000 };

/**
 * The CVM service behind the protocol layer: a static catalogue with control-API changes on top, and
 * per-account, per-region stores. `invoke` is synchronous; lifecycle timing is resolved lazily against
 * `now()`, so tests control time instead of sleeping.
 */
export function createCvmService(options: CvmServiceOptions = {}): CvmService {
  const now = options.now ?? Date.now;
  const catalogue = new CatalogueState();
  const stores = new StoreRegistry();
  const ids = new IdGenerator();
  let timing: LifecycleTiming = DEFAULT_LIFECYCLE_TIMING;

  return {
    actions: new Set(ACTIONS.keys()),
    regions: catalogue.regionIds,
    isRegional(action) {
      return ACTIONS.get(action)?.regional ?? true;
    },
    invoke(action: string, params: Record<string, unknown>, context: ActionContext) {
      const definition = ACTIONS.get(action);
      if (definition === undefined) throw new CvmApiError('InvalidAction', `The action \`${action}\` is not supported.`);
      const reader = new ParamReader(params, context.paramEncoding === 'query');
      reader.rejectUnknown(definition.parameters);
      const base = { context, catalogue, now: now() };
      if (!definition.regional) return definition.handle(reader, base);
      const region = context.region;
      if (region === undefined) throw missingParameter('Region');
      if (!catalogue.regionIds.has(region)) throw invalidParameterValue('Region', `unknown region ${region}`);
      return definition.handle(reader, { ...base, region, timing, ids, store: stores.get(context.accountId, region) });
    },
    applyCatalogueChange(change: CatalogueChange) {
      if (change.kind !== 'seedPrivateImages') {
        catalogue.apply(change);
        return;
      }
      if (!catalogue.regionIds.has(change.region)) {
        throw new CatalogueChangeError('region', `\`region\` ${change.region} is not a region of the catalogue`);
      }
      if (!Number.isInteger(change.count) || change.count < 0) throw new CatalogueChangeError('count', '`count` must be a non-negative integer');
      stores.get(change.accountId, change.region).seedPrivateImages(change.count, catalogue.publicImagesOf(change.region));
    },
    setLifecycleTiming(next: LifecycleTiming) {
      timing = next;
    },
    reset() {
      catalogue.reset();
      stores.reset();
      timing = DEFAULT_LIFECYCLE_TIMING;
    },
  };
}
