/**
 * One structured logger: one JSON object per line on stdout (SCF collects stdout into the function's
 * logs), each with time, level, message, function name and request id, everything passed through
 * `redact` first. One logger is made per invocation; it learns the invocation's secrets as soon as the
 * credentials are known, so that they are scrubbed from every later line.
 */
import type { LogLevel } from '../config';
import { REDACTED, isSecretKeyName, redactFieldValue, scrubText } from './redact';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Values to scrub from every later line (the caller's SecretKey and token). */
  addSecrets(secrets: readonly string[]): void;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Fields on every line, e.g. `{ function: 'regions', requestId }`. */
  readonly base: LogFields;
  /** Where lines go; defaults to stdout. Tests pass a collector. */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Adds `fields` to `line` as `redact` would render them; a later field replaces an earlier one. */
function addRedacted(line: Record<string, unknown>, fields: LogFields, secrets: readonly string[]): void {
  for (const key of Object.keys(fields)) line[key] = isSecretKeyName(key) ? REDACTED : redactFieldValue(fields[key], secrets);
}

function writeToStdout(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * @example
 * const log = createLogger({ level: 'info', base: { function: 'regions', requestId: 'abc' } });
 * log.info('request', { status: 200, durationMs: 12 });
 * // {"time":"…","level":"info","msg":"request","function":"regions","requestId":"abc","status":200,"durationMs":12}
 */
function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? writeToStdout;
  const now = options.now ?? (() => new Date());
  const secrets: string[] = [];
  const threshold = LEVEL_RANK[options.level];

  function emit(level: LogLevel, message: string, fields?: LogFields): void {
    if (LEVEL_RANK[level] < threshold) return;
    // One object, redacted as it is built: no merged copy for `redact` to copy again (bench/, warm path).
    const line: Record<string, unknown> = { time: now().toISOString(), level, msg: scrubText(message, secrets) };
    addRedacted(line, options.base, secrets);
    if (fields !== undefined) addRedacted(line, fields, secrets);
    write(JSON.stringify(line));
  }

  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    addSecrets: (values) => {
      secrets.push(...values.filter((value) => value !== ''));
    },
  };
}

export { createLogger };
