/**
 * Messages between the bench runner and its child processes, over Node's IPC channel. A child
 * announces itself with one `ready` message, then answers each request with a reply of the same id.
 * Timings are taken inside the child, so the channel's own latency is never part of a figure.
 */

export interface ReadyMessage {
  readonly kind: 'ready';
  readonly detail: unknown;
}

export interface RequestMessage {
  readonly id: number;
  readonly kind: string;
  readonly payload: unknown;
}

export type ReplyMessage =
  | { readonly kind: 'reply'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: false; readonly error: string };

/** What a child reports of its own resource use. */
export interface ProcessUsage {
  /** Peak resident set size since the process started, MiB. */
  readonly maxRssMb: number;
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
}

/** What one `main_handler` call returned, and how long it took inside the container. */
export interface RawInvokeResult {
  readonly durationMs: number;
  readonly response: unknown;
}

/** The same, for an HTTP function: its integrated response (reference §6.4). */
export interface InvokeResult {
  readonly durationMs: number;
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

function processUsage(): ProcessUsage {
  const usage = process.resourceUsage();
  return { maxRssMb: usage.maxRSS / 1024, cpuUserMs: usage.userCPUTime / 1000, cpuSystemMs: usage.systemCPUTime / 1000 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRequestMessage(value: unknown): value is RequestMessage {
  return isRecord(value) && typeof value.id === 'number' && typeof value.kind === 'string';
}

function isReplyMessage(value: unknown): value is ReplyMessage {
  return isRecord(value) && value.kind === 'reply' && typeof value.id === 'number' && typeof value.ok === 'boolean';
}

function isReadyMessage(value: unknown): value is ReadyMessage {
  return isRecord(value) && value.kind === 'ready';
}

/** The integrated response fields of an HTTP function's answer; anything else is reported as a 0 status. */
function toInvokeResult({ response, durationMs }: RawInvokeResult): InvokeResult {
  const fields = isRecord(response) ? response : {};
  const headers = isRecord(fields.headers) ? Object.fromEntries(Object.entries(fields.headers).map(([name, value]) => [name, String(value)])) : {};
  return {
    durationMs,
    statusCode: typeof fields.statusCode === 'number' ? fields.statusCode : 0,
    headers,
    body: typeof fields.body === 'string' ? fields.body : '',
  };
}

export { isReadyMessage, isRecord, isReplyMessage, isRequestMessage, processUsage, toInvokeResult };
