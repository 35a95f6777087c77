import { invalidParameterValue, limitExceeded } from './errors';
import type { ParamReader } from './params';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export interface Page {
  readonly offset: number;
  readonly limit: number;
}

/** `Offset` default 0, `Limit` default 20, at most 100 (reference §4.0). */
export function readPage(params: ParamReader): Page {
  const offset = params.integer('Offset') ?? 0;
  const limit = params.integer('Limit') ?? DEFAULT_LIMIT;
  if (offset < 0) throw invalidParameterValue('Offset', 'must not be negative');
  if (limit < 1) throw invalidParameterValue('Limit', 'must be at least 1');
  if (limit > MAX_LIMIT) throw limitExceeded('Limit', MAX_LIMIT, limit);
  return { offset, limit };
}

/** The page of `items` plus the total count of all matches. */
export function paginate<T>(items: readonly T[], page: Page): { readonly totalCount: number; readonly items: readonly T[] } {
  return { totalCount: items.length, items: items.slice(page.offset, page.offset + page.limit) };
}
