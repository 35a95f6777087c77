/**
 * Invokes an instance function's `main_handler` in-process with an HTTP event, the way SCF does, and
 * collects what it writes to stdout (its log lines), for the instance function suites.
 */
import type { ScfHttpHandler } from '../../../../lib/http/http-handler';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../../local/emulator/accounts';

export { DEMO_SECRET_ID, DEMO_SECRET_KEY };

export interface Answer<Body = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Body;
  /** The answer as sent, to search for leaked secrets. */
  readonly text: string;
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly fields?: readonly { field: string; message: string }[] };
  readonly requestId: string;
}

export interface HttpCall {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** An object is sent as JSON; a string as it is. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const context = { request_id: 'unit-invocation', function_name: 'instances', getRemainingTimeInMillis: () => 20_000 };

/** Points the functions at the emulator; call before the first invocation (config is read once). */
export function useEmulator(endpoint: string): void {
  process.env.CVM_ENDPOINT = endpoint;
  process.env.LOG_LEVEL = 'debug';
  process.env.CACHE_ENABLED = 'false';
}

export async function invoke<Body = Record<string, unknown>>(handler: ScfHttpHandler, call: HttpCall): Promise<Answer<Body>> {
  const event = {
    httpMethod: call.method,
    path: call.path,
    queryString: call.query ?? {},
    headers: { 'content-type': 'application/json', ...call.headers },
    body: call.body === undefined ? '' : typeof call.body === 'string' ? call.body : JSON.stringify(call.body),
  };
  const response = await handler(event, context);
  return { status: response.statusCode, headers: response.headers, body: JSON.parse(response.body) as Body, text: response.body };
}

/** Captures stdout (the functions' JSON log lines) while a suite runs. */
export function captureLogLines(): { readonly lines: string[]; restore(): void } {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  return { lines, restore: () => spy.mockRestore() };
}

/** The demo credentials as the seed's later routes send them: in the JSON body. */
export const BODY_CREDENTIALS = { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY } as const;
