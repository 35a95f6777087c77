/**
 * The contract's value rule (api-contract.md "Response shapes"): every upstream number becomes a JSON
 * string, booleans stay booleans, and absent or null values become `""`. Every upstream response field
 * is optional and many are documented as possibly null (style-anchors "Traps"), so missing and null
 * are treated alike.
 */

/**
 * @example
 * asText(19) // '19'
 * asText(null) // ''
 * asText('ap-guangzhou') // 'ap-guangzhou'
 */
function asText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value;
}

export { asText };
