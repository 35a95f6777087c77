import { parseArgs } from 'node:util';

/**
 * Command line of `npm run invoke -- <function> [options]`, the local counterpart of
 * `serverless invoke local --function <function> [--path event.json]`.
 */

export type TriggerKind = 'apigw' | 'url' | 'timer';

export interface InvokeArguments {
  readonly functionName: string;
  /** A JSON file holding the whole event; excludes the request options below. */
  readonly eventFile: string | undefined;
  /** `k=v` pairs in order; a repeated key stays repeated. */
  readonly query: readonly (readonly [string, string])[];
  readonly headers: readonly (readonly [string, string])[];
  readonly method: string | undefined;
  readonly body: string | undefined;
  readonly trigger: TriggerKind | undefined;
}

/** A mistake on the command line; the message says which option and how to fix it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const USAGE = `usage: npm run invoke -- <function> [--event file.json] [--query k=v ...] [--header k=v ...]
                          [--method M] [--body JSON] [--trigger apigw|url|timer]`;

const TRIGGERS: readonly TriggerKind[] = ['apigw', 'url', 'timer'];

function isTrigger(value: string): value is TriggerKind {
  return TRIGGERS.some((trigger) => trigger === value);
}

function splitPair(option: string, pair: string): readonly [string, string] {
  const equals = pair.indexOf('=');
  if (equals <= 0) {
    throw new UsageError(`--${option} expects key=value, got "${pair}"`);
  }
  return [pair.slice(0, equals), pair.slice(equals + 1)];
}

function parseInvokeArguments(argv: readonly string[]): InvokeArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        event: { type: 'string', short: 'e' },
        query: { type: 'string', short: 'q', multiple: true },
        header: { type: 'string', short: 'H', multiple: true },
        method: { type: 'string', short: 'X' },
        body: { type: 'string', short: 'd' },
        trigger: { type: 'string', short: 't' },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] === undefined) {
    throw new UsageError(`give exactly one function name\n${USAGE}`);
  }
  const requestOptions = ['query', 'header', 'method', 'body'] as const;
  if (values.event !== undefined && requestOptions.some((option) => values[option] !== undefined)) {
    throw new UsageError('--event gives the whole event; it cannot be combined with --query, --header, --method or --body');
  }
  if (values.trigger !== undefined && !isTrigger(values.trigger)) {
    throw new UsageError(`--trigger must be one of ${TRIGGERS.join(', ')}, got "${values.trigger}"`);
  }
  return {
    functionName: positionals[0],
    eventFile: values.event,
    query: (values.query ?? []).map((pair) => splitPair('query', pair)),
    headers: (values.header ?? []).map((pair) => splitPair('header', pair)),
    method: values.method?.toUpperCase(),
    body: values.body,
    trigger: values.trigger,
  };
}

export { parseInvokeArguments, USAGE };
