import { validateHeaderName, validateHeaderValue } from 'node:http';
import * as z from 'zod/mini';

/**
 * Checks a handler's return value against the integrated response of reference §6.4:
 * `{ isBase64Encoded, statusCode, headers, body }`, body a string (base64 when flagged), headers a
 * string map. API Gateway refuses anything else with "Invalid scf response"; the harness does the same
 * and says which field was wrong.
 */

export interface HttpReply {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export type IntegratedResponseCheck =
  | { readonly valid: true; readonly reply: HttpReply }
  | { readonly valid: false; readonly problems: readonly string[] };

const integratedResponseSchema = z.object({
  isBase64Encoded: z.optional(z.boolean({ error: 'must be a boolean' })),
  statusCode: z.int({ error: 'must be an integer' }).check(
    z.minimum(100, { error: 'must be between 100 and 599' }),
    z.maximum(599, { error: 'must be between 100 and 599' }),
  ),
  headers: z.optional(z.record(z.string(), z.string({ error: 'must be a string' }))),
  body: z.optional(z.string({ error: 'must be a string' })),
});

type IntegratedResponseFields = z.infer<typeof integratedResponseSchema>;

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The gateway frames the response itself; a handler's framing headers would contradict the body. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

/**
 * Whether `value` already has the shape the schema accepts (the handlers' usual answer): then the
 * schema's parse, which copies the object and costs more than the rest of the check together, is
 * skipped (bench/, warm overhead). Anything unusual (a header map that is not a plain object, an
 * absent or odd field) goes through the schema, which names what is wrong.
 */
function hasIntegratedShape(value: object): value is IntegratedResponseFields {
  const { isBase64Encoded, statusCode, headers, body } = value as Readonly<Record<string, unknown>>;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) return false;
  if (isBase64Encoded !== undefined && typeof isBase64Encoded !== 'boolean') return false;
  if (body !== undefined && typeof body !== 'string') return false;
  if (headers === undefined) return true;
  if (typeof headers !== 'object' || headers === null || Object.getPrototypeOf(headers) !== Object.prototype) return false;
  for (const name in headers) {
    if (typeof (headers as Readonly<Record<string, unknown>>)[name] !== 'string') return false;
  }
  return true;
}

/** Every header checked as Node would check it before writing; framing headers left out of the reply. */
function checkHeaders(headers: Readonly<Record<string, string>>, problems: string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name] ?? '';
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch {
      problems.push(`headers.${name}: is not a valid HTTP header`);
      continue;
    }
    if (!FRAMING_HEADERS.has(name.toLowerCase())) kept[name] = value;
  }
  return kept;
}

function checkIntegratedResponse(value: unknown): IntegratedResponseCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { valid: false, problems: ['the return value is not an object'] };
  }
  let response: IntegratedResponseFields;
  if (hasIntegratedShape(value)) {
    response = value;
  } else {
    const parsed = integratedResponseSchema.safeParse(value);
    if (!parsed.success) {
      return {
        valid: false,
        problems: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`),
      };
    }
    response = parsed.data;
  }
  const { isBase64Encoded = false, statusCode, headers = {}, body = '' } = response;
  const problems: string[] = [];
  const replyHeaders = checkHeaders(headers, problems);
  if (isBase64Encoded && !BASE64_PATTERN.test(body)) {
    problems.push('body: isBase64Encoded is true but the body is not base64');
  }
  if (problems.length > 0) {
    return { valid: false, problems };
  }
  return {
    valid: true,
    reply: { statusCode, headers: replyHeaders, body: Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8') },
  };
}

export { checkIntegratedResponse };
