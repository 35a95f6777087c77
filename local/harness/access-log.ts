/** One line per request. Only the path is logged, never the query string: it may hold a SecretKey. */
export interface AccessLogEntry {
  readonly method: string;
  readonly path: string;
  readonly statusCode: number;
  readonly durationMs: number;
  readonly functionName: string | undefined;
  readonly requestId: string;
}

function formatAccessLogLine(entry: AccessLogEntry, at: Date): string {
  return [
    at.toISOString(),
    entry.method,
    entry.path,
    String(entry.statusCode),
    `${entry.durationMs}ms`,
    entry.functionName ?? '-',
    entry.requestId,
  ].join(' ');
}

export { formatAccessLogLine };
