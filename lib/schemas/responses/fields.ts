/**
 * Building blocks of the response schemas (api-contract.md "Response shapes"): every upstream number is
 * sent as its decimal text, and an absent upstream value as `""` (lib/mappers/text.ts), so every field
 * is a string. These schemas document and check answers; no function bundle imports them. Objects are
 * strict (`z.strictObject`): a key the contract does not have is a break of the promise, and parsing
 * then agrees with the JSON Schema's `additionalProperties: false`.
 */
import * as z from 'zod/mini';

/**
 * Upstream text passed through, `""` when upstream sent none.
 *
 * @example
 * const regionName = upstreamText('Region name in the caller’s language', '华南地区(广州)');
 */
function upstreamText(description: string, example: string) {
  return z.string().check(z.meta({ description, examples: [example] }));
}

/**
 * A value upstream sends as a JSON number, as its decimal text (`"19"`, `"2.5"`), or `""` when absent.
 *
 * @example
 * z.safeParse(numberText('Number of regions', '19'), '19').success // true
 */
function numberText(description: string, example: string) {
  return z.string().check(
    z.regex(/^(-?\d+(\.\d+)?)?$/),
    z.meta({ description: `${description}: a number sent as a string ("" when upstream has none)`, examples: [example] }),
  );
}

/** The upstream `RequestId` of the call (or of the last page's call). */
const requestId = upstreamText('The upstream RequestId, to quote when asking Tencent Cloud about a call', '6ef60bec-0242-43af-bb20-270359fb54a7');

export { numberText, requestId, upstreamText };
