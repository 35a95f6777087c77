/**
 * Keeps stdout for the result alone, so `npm run invoke -- f > result.json` holds one JSON document:
 * while the redirect is on, everything written to stdout (the bundle's log lines, lib/log/logger.ts)
 * goes to stderr instead, where the status line is.
 */

export interface StdoutRedirect {
  /** Writes to the real stdout; resolves once the text is flushed, so exiting right after loses nothing. */
  writeResult(text: string): Promise<void>;
  restore(): void;
}

function redirectStdoutToStderr(): StdoutRedirect {
  const original = process.stdout.write;
  const writeToStdout = original.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  return {
    writeResult: (text) =>
      new Promise<void>((resolve, reject) => {
        writeToStdout(text, (error) => (error ? reject(error) : resolve()));
      }),
    restore: () => {
      process.stdout.write = original;
    },
  };
}

export { redirectStdoutToStderr };
