/**
 * Parses a request body that must be one JSON object (POST/PUT routes, api-contract.md
 * "Request inputs"). An empty body is an empty object; anything else is a 400 naming `body`.
 */
import { ValidationError } from '../errors/api-error';

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @example
 * parseJsonBody('{"region":"ap-guangzhou"}') // { region: 'ap-guangzhou' }
 * parseJsonBody('') // {}
 */
function parseJsonBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError([{ field: 'body', message: 'must be valid JSON' }]);
  }
  if (!isJsonObject(parsed)) throw new ValidationError([{ field: 'body', message: 'must be a JSON object' }]);
  return parsed;
}

/** Methods whose body carries the route's input (and, per the seed, the credentials). */
function methodHasBody(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

export { methodHasBody, parseJsonBody };
