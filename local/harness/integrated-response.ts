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

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The gateway frames the response itself; a handler's framing headers would contradict the body. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

function headerProblems(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers).flatMap(([name, value]) => {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
      return [];
    } catch {
      return [`headers.${name}: is not a valid HTTP header`];
    }
  });
}

function checkIntegratedResponse(value: unknown): IntegratedResponseCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { valid: false, problems: ['the return value is not an object'] };
  }
  const parsed = integratedResponseSchema.safeParse(value);
  if (!parsed.success) {
    return {
      valid: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`),
    };
  }
  const { isBase64Encoded = false, statusCode, headers = {}, body = '' } = parsed.data;
  const problems = headerProblems(headers);
  if (isBase64Encoded && !BASE64_PATTERN.test(body)) {
    problems.push('body: isBase64Encoded is true but the body is not base64');
  }
  if (problems.length > 0) {
    return { valid: false, problems };
  }
  const replyHeaders = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !FRAMING_HEADERS.has(name.toLowerCase())),
  );
  return {
    valid: true,
    reply: { statusCode, headers: replyHeaders, body: Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8') },
  };
}

export { checkIntegratedResponse };
