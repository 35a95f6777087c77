import type { IncomingMessage } from 'node:http';

/** One line per request. Only the path is logged, never the query string: it may hold a SecretKey. */
export interface AccessLogEntry {
  readonly method: string;
  readonly path: string;
  /** The status answered; `aborted` when the client went away before its request was complete. */
  readonly statusCode: number | 'aborted';
  readonly durationMs: number;
  /** The function that ran; undefined (`-`) for an answer the harness made itself. */
  readonly functionName: string | undefined;
  readonly requestId: string;
}

/**
 * Whether the client disconnected before sending its whole request (e.g. mid-body): no answer reaches
 * it, so the request is logged as aborted rather than with the status of a reply nobody read.
 */
function clientAborted(request: IncomingMessage): boolean {
  return request.destroyed && !request.complete;
}

/**
 * `<time> <method> <path> <status> <duration>ms <function|-> <requestId>`; an aborted request shows
 * status 499 (nginx's "client closed request") and ends with `aborted`.
 */
function formatAccessLogLine(entry: AccessLogEntry, at: Date): string {
  const aborted = entry.statusCode === 'aborted';
  return [
    at.toISOString(),
    entry.method,
    entry.path,
    aborted ? '499' : String(entry.statusCode),
    `${entry.durationMs}ms`,
    entry.functionName ?? '-',
    entry.requestId,
    ...(aborted ? ['aborted'] : []),
  ].join(' ');
}

export { clientAborted, formatAccessLogLine };
