/**
 * Sends one request to the harness and keeps the raw answer: status, headers, text and the parsed body
 * (`undefined` when the text is not JSON, which the suites then report as a failure of their own).
 * The hardening suites check the error envelope themselves, for statuses (413, 415 …) and faults that
 * no OpenAPI operation lists.
 */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: unknown;
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * @example
 * const answer = await send(stack.url, '/api/regions', { headers: { Authorization } });
 */
async function send(baseUrl: string, target: string, init: RequestInit = {}): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}${target}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: parsedOrUndefined(text) };
}

/** The contract's error envelope (docs/api-contract.md "Errors"), or `undefined` when the body is not one. */
export interface ErrorEnvelope {
  readonly error: { readonly code: string; readonly message: string; readonly fields?: readonly { field: string; message: string }[] };
  readonly requestId: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @example
 * errorEnvelope(answer.body)?.error.code // 'InvalidParameter'
 */
function errorEnvelope(body: unknown): ErrorEnvelope | undefined {
  if (!isRecord(body) || !isRecord(body.error) || typeof body.requestId !== 'string') return undefined;
  const { code, message, fields } = body.error;
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  if (fields !== undefined && !Array.isArray(fields)) return undefined;
  return body as unknown as ErrorEnvelope;
}

export { errorEnvelope, send };
