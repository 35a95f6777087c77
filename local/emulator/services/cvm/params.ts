import { createHash } from 'node:crypto';
import { invalidParameter, missingParameter, unknownParameter } from './errors';

type Fields = Readonly<Record<string, unknown>>;

/** JSON with object keys sorted, so equal parameter sets serialize identically. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Typed access to an action's parameters (or a nested object of them). A wrong JSON type is
 * `InvalidParameter` naming the full parameter path (`Placement.Zone`); JSON `null` counts as absent,
 * because the SDK's request models allow null everywhere. Parameters from a GET query string are all
 * text, so with `fromQuery` integers and booleans are also read from their decimal / `true`/`false` form.
 */
export class ParamReader {
  constructor(
    private readonly fields: Fields,
    private readonly fromQuery = false,
    private readonly prefix = '',
  ) {}

  /** Full wire name of a field, e.g. `SystemDisk.DiskSize`. */
  path(name: string): string {
    return `${this.prefix}${name}`;
  }

  has(name: string): boolean {
    const value = this.fields[name];
    return value !== undefined && value !== null;
  }

  /**
   * A SHA-256 digest of the fields (except `excluded`) that is equal for equal parameter sets; stored
   * instead of the parameters so no password is kept (ClientToken comparison, reference §4.6).
   */
  fingerprint(excluded: readonly string[]): string {
    const kept = Object.fromEntries(Object.entries(this.fields).filter(([name]) => !excluded.includes(name)));
    return createHash('sha256').update(canonicalJson(kept)).digest('hex');
  }

  /** `UnknownParameter` for any field outside `known` (the real API rejects undefined parameters). */
  rejectUnknown(known: readonly string[]): void {
    const unknown = Object.keys(this.fields).find((name) => !known.includes(name));
    if (unknown !== undefined) throw unknownParameter(this.path(unknown));
  }

  string(name: string): string | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw invalidParameter(this.path(name), 'a string');
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw missingParameter(this.path(name));
    return value;
  }

  integer(name: string): number | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (this.fromQuery && typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
    if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidParameter(this.path(name), 'an integer');
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (this.fromQuery && (value === 'true' || value === 'false')) return value === 'true';
    if (typeof value !== 'boolean') throw invalidParameter(this.path(name), 'a boolean');
    return value;
  }

  stringArray(name: string): readonly string[] | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw invalidParameter(this.path(name), 'an array of strings');
    return value.map((item: unknown, index) => {
      if (typeof item !== 'string') throw invalidParameter(`${this.path(name)}.${index}`, 'a string');
      return item;
    });
  }

  object(name: string): ParamReader | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) throw invalidParameter(this.path(name), 'an object');
    return new ParamReader(value, this.fromQuery, `${this.path(name)}.`);
  }

  objectArray(name: string): readonly ParamReader[] | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw invalidParameter(this.path(name), 'an array of objects');
    return value.map((item: unknown, index) => {
      if (!isObject(item)) throw invalidParameter(`${this.path(name)}.${index}`, 'an object');
      return new ParamReader(item, this.fromQuery, `${this.path(name)}.${index}.`);
    });
  }
}
