import {
  filterCountLimitExceeded,
  filterValueLimitExceeded,
  idsAndFiltersCoexist,
  invalidFilter,
  invalidParameterValue,
  limitExceeded,
} from './errors';
import type { ParamReader } from './params';

export interface Filter {
  readonly name: string;
  readonly values: readonly string[];
}

export interface FilterRules {
  /** Whether a filter name is supported (e.g. `zone`, or any `tag:<key>`). */
  readonly supports: (name: string) => boolean;
  readonly maxFilters: number;
  readonly maxValues: number;
}

/**
 * Reads `Filters` (reference §4.1): unknown names → `InvalidFilter`; more values than allowed →
 * `InvalidFilterValue.LimitExceeded`; more filters than allowed → `InvalidParameterValue.LimitExceeded`.
 */
export function readFilters(params: ParamReader, rules: FilterRules): readonly Filter[] {
  const items = params.objectArray('Filters') ?? [];
  if (items.length > rules.maxFilters) throw filterCountLimitExceeded(rules.maxFilters, items.length);
  return items.map((item) => {
    const name = item.requiredString('Name');
    const values = item.stringArray('Values') ?? [];
    if (!rules.supports(name)) throw invalidFilter(name);
    if (values.length === 0) throw invalidParameterValue(item.path('Values'), `filter \`${name}\` needs at least one value`);
    if (values.length > rules.maxValues) throw filterValueLimitExceeded(name, rules.maxValues);
    return { name, values };
  });
}

/** A predicate per filter name: does this item match this one value? */
export type FilterMatchers<T> = (name: string) => ((item: T, value: string) => boolean) | undefined;

/** Filters are ANDed; the values of one filter are ORed (reference §4.1). */
export function matchesAll<T>(item: T, filters: readonly Filter[], matcherFor: FilterMatchers<T>): boolean {
  return filters.every((filter) => {
    const matcher = matcherFor(filter.name);
    return matcher !== undefined && filter.values.some((value) => matcher(item, value));
  });
}

/**
 * Reads an id list that may not be combined with `Filters` and may hold at most `maxIds` entries,
 * each checked by `checkId` (which throws the action's Malformed code).
 */
export function readIdList(
  params: ParamReader,
  name: string,
  maxIds: number,
  checkId: (id: string) => void,
): readonly string[] | undefined {
  const ids = params.stringArray(name);
  if (ids === undefined) return undefined;
  if (params.has('Filters')) throw idsAndFiltersCoexist(name);
  if (ids.length > maxIds) throw limitExceeded(name, maxIds, ids.length);
  ids.forEach(checkId);
  return ids;
}
