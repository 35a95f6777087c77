/**
 * Shared zod/mini building blocks for route inputs. Query values always arrive as strings (the event
 * normalizer guarantees one string per parameter), so numbers are parsed from digit strings here.
 * Every message is written to complete a sentence that starts with the field's name
 * (`region is required`, `limit must be a whole number from 1 to 100`).
 */
import * as z from 'zod/mini';

/** `ap-guangzhou`, `na-siliconvalley`, `ap-shanghai-fsi`, `ap-xian-ec` (reference §5.1). */
const REGION_PATTERN = /^[a-z]{2,4}-[a-z]+(-[a-z0-9]+)*$/;
/** A region followed by the zone number: `ap-guangzhou-3`, `ap-shenzhen-fsi-1` (reference §5.2). */
const ZONE_PATTERN = /^[a-z]{2,4}-[a-z]+(-[a-z0-9]+)*-\d+$/;
/** `S6`, `SA2`, `GN10Xp`, `S9e` (reference §5.4). */
const INSTANCE_FAMILY_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,15}$/;
/** `S6.LARGE8`, `SA3.58XLARGE940`, `CDH_1C1G` (reference §5.4). */
const INSTANCE_TYPE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function requiredText(issue: { readonly input?: unknown }): string {
  return issue.input === undefined ? 'is required' : 'must be a string';
}

/**
 * A required string matching `pattern`; `description` completes "must be …".
 *
 * @example
 * const imageId = patternString(/^img-[a-z0-9]{8}$/, 'an image id such as img-9qabwvbn');
 */
function patternString(pattern: RegExp, description: string) {
  return z.string({ error: requiredText }).check(z.regex(pattern, `must be ${description}`));
}

/** A bounded non-empty free-text value (names, fuzzy filters). */
function boundedText(maxLength: number) {
  return z
    .string({ error: requiredText })
    .check(z.minLength(1, 'must not be empty'), z.maxLength(maxLength, `must be at most ${maxLength} characters`));
}

/**
 * A whole number given as a digit string (query parameters), from `min` to `max`.
 *
 * @example
 * z.safeParse(queryInteger(1, 100), '20') // { success: true, data: 20 }
 */
function queryInteger(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.pipe(
    z.string({ error: requiredText }).check(z.regex(/^\d{1,9}$/, message)),
    z.pipe(z.transform(Number), z.number().check(z.minimum(min, message), z.maximum(max, message))),
  );
}

/** @example z.safeParse(region, 'ap-guangzhou').success // true */
const region = patternString(REGION_PATTERN, 'a region id such as ap-guangzhou');
/** @example z.safeParse(zone, 'ap-guangzhou-3').success // true */
const zone = patternString(ZONE_PATTERN, 'a zone id such as ap-guangzhou-3');
/** @example z.safeParse(instanceFamily, 'S6').success // true */
const instanceFamily = patternString(INSTANCE_FAMILY_PATTERN, 'an instance family such as S6');
/** @example z.safeParse(instanceType, 'S6.LARGE8').success // true */
const instanceType = patternString(INSTANCE_TYPE_PATTERN, 'an instance type such as S6.LARGE8');

/** Offset/Limit paging as the Describe actions take it (Limit ≤ 100, reference §4.0). */
const MAX_PAGE_SIZE = 100;
/** @example z.safeParse(offset, '40') // { success: true, data: 40 } */
const offset = queryInteger(0, 100_000_000);
/** @example z.safeParse(limit, '100') // { success: true, data: 100 } */
const limit = queryInteger(1, MAX_PAGE_SIZE);

export { MAX_PAGE_SIZE, boundedText, instanceFamily, instanceType, limit, offset, patternString, queryInteger, region, zone };
