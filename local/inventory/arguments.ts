import { parseArgs } from 'node:util';

/** Command line of `npm run inventory -- [--time ISO] [--verbose]`. */

export interface InventoryArguments {
  /** The firing time to replay (a second run for the same time records nothing new); default now. */
  readonly firedAt: Date;
  /** Echo the function's own log lines as well as the progress. */
  readonly verbose: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = 'usage: npm run inventory -- [--time 2024-05-01T00:30:00Z] [--verbose]';

function parseInventoryArguments(argv: readonly string[], now: Date): InventoryArguments {
  let values: { time?: string | undefined; verbose?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { time: { type: 'string', short: 't' }, verbose: { type: 'boolean', short: 'v' } },
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const firedAt = values.time === undefined ? now : new Date(values.time);
  if (Number.isNaN(firedAt.getTime())) {
    throw new UsageError(`--time must be an ISO 8601 time such as 2024-05-01T00:30:00Z, got "${values.time ?? ''}"\n${USAGE}`);
  }
  return { firedAt, verbose: values.verbose ?? false };
}

export { parseInventoryArguments };
