/**
 * The action's own parameters (reference §1): the JSON object of a POST body, or the flattened
 * query string of a GET (`InstanceIds.0=ins-a&Filters.0.Name=zone&Filters.0.Values.0=ap-guangzhou-3`),
 * which is what the SDK sends with `httpProfile.reqMethod = "GET"` (§2.7).
 *
 * Choices [proposal]: an empty POST body counts as `{}`; any other body that is not one JSON object is
 * `InvalidParameter`. GET values arrive as strings, as they do on the wire: the form carries no types.
 */
import { invalidBody } from './errors';

type ParamValue = string | ParamValue[] | { [name: string]: ParamValue };
type ParamContainer = ParamValue[] | { [name: string]: ParamValue };

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);
const INDEX_SEGMENT = /^(0|[1-9]\d{0,3})$/;

export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (text.trim() === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidBody('it is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalidBody('it must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function isContainer(value: ParamValue | undefined): value is ParamContainer {
  return typeof value === 'object';
}

function assignPath(target: ParamContainer, segments: readonly string[], value: string, key: string): void {
  let container: ParamContainer = target;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index] ?? '';
    if (segment === '' || FORBIDDEN_SEGMENTS.has(segment)) {
      throw invalidBody(`query parameter \`${key}\` has an invalid name.`);
    }
    if (Array.isArray(container) && !INDEX_SEGMENT.test(segment)) {
      throw invalidBody(`query parameter \`${key}\` conflicts with another.`);
    }
    const isLast = index === segments.length - 1;
    const slot = container as Record<string, ParamValue>;
    if (isLast) {
      if (slot[segment] !== undefined) {
        throw invalidBody(`query parameter \`${key}\` is given twice or conflicts with another.`);
      }
      slot[segment] = value;
      return;
    }
    const existing = slot[segment];
    if (existing === undefined) {
      const next: ParamContainer = INDEX_SEGMENT.test(segments[index + 1] ?? '') ? [] : {};
      slot[segment] = next;
      container = next;
    } else if (isContainer(existing)) {
      container = existing;
    } else {
      throw invalidBody(`query parameter \`${key}\` conflicts with another.`);
    }
  }
}

function compactArrays(value: ParamValue): ParamValue {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== undefined).map(compactArrays);
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, compactArrays(item)]));
  }
  return value;
}

export function parseQueryParams(query: string): Record<string, unknown> {
  const root: Record<string, ParamValue> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    assignPath(root, key.split('.'), value, key);
  }
  return compactArrays(root) as Record<string, unknown>;
}
