import type { QueryStringMap } from './types';

/**
 * Parses a raw query string (without `?`) the way a browser form would (`+` is a space, percent escapes
 * decoded). A key repeated in the URL keeps every value, in order, as an array (see {@link QueryStringMap}).
 */
function parseQueryString(rawQuery: string): QueryStringMap {
  const parsed: QueryStringMap = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const existing = parsed[key];
    if (existing === undefined) {
      parsed[key] = value;
    } else if (Array.isArray(existing)) {
      existing.push(value);
    } else {
      parsed[key] = [existing, value];
    }
  }
  return parsed;
}

export { parseQueryString };
