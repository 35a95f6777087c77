import { ACTIONS } from './actions/registry';
import { invalidParameterValue, missingParameter } from './errors';
import { CatalogueState } from './models/catalogue';
import { ParamReader } from './params';
import { CvmApiError, type ActionContext, type CatalogueChange, type CvmService, type LifecycleTiming } from './service';

export interface CvmServiceOptions {
  /** Clock in epoch milliseconds; transitional states end at recorded times resolved against it. */
  readonly now?: () => number;
}

/** Default timing: transitional states last 3 s (reference §4.13 suggests 2–10 s); terminated instances stay 60 s. */
export const DEFAULT_LIFECYCLE_TIMING: LifecycleTiming = { transitionMs: 3000, terminatedRetentionMs: 60_000 };

export function createCvmService(options: CvmServiceOptions = {}): CvmService {
  const now = options.now ?? Date.now;
  const catalogue = new CatalogueState();
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
      const reader = new ParamReader(params);
      reader.rejectUnknown(definition.parameters);
      const base = { context, catalogue, now: now() };
      if (!definition.regional) return definition.handle(reader, base);
      if (context.region === undefined) throw missingParameter('Region');
      if (!catalogue.regionIds.has(context.region)) throw invalidParameterValue('Region', `unknown region ${context.region}`);
      return definition.handle(reader, { ...base, region: context.region, timing });
    },
    applyCatalogueChange(change: CatalogueChange) {
      if (change.kind === 'seedPrivateImages') return;
      catalogue.apply(change);
    },
    setLifecycleTiming(next: LifecycleTiming) {
      timing = next;
    },
    reset() {
      catalogue.reset();
      timing = DEFAULT_LIFECYCLE_TIMING;
    },
  };
}
