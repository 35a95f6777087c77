/**
 * Reads a bundled function's structured log while it runs in this process: every line it writes to
 * stdout (one JSON object per line, lib/log/logger.ts) is handed to `onLine` instead of the terminal;
 * text that is not a JSON object goes to the terminal untouched.
 */

export type LogRecord = Readonly<Record<string, unknown>>;

export interface LogCapture {
  /** The original stdout, for the tool's own output while the capture is on. */
  write(text: string): void;
  stop(): void;
}

function parseRecord(line: string): LogRecord | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as LogRecord) : undefined;
  } catch {
    return undefined;
  }
}

function captureStdoutLog(onLine: (record: LogRecord) => void): LogCapture {
  const original = process.stdout.write.bind(process.stdout);
  let pending = '';
  const capture = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const record = parseRecord(line);
      if (record === undefined) original(`${line}\n`);
      else onLine(record);
    }
    const callback = rest.find((argument): argument is () => void => typeof argument === 'function');
    callback?.();
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  return {
    write: (text) => {
      original(text);
    },
    stop: () => {
      process.stdout.write = original;
      if (pending !== '') original(pending);
    },
  };
}

export { captureStdoutLog };
