/**
 * `npm run bench -- [options]`:
 *   --json          print one JSON object (every figure, ratio and verdict) instead of the table
 *   --strict        exit 1 when a target fails (without it the exit code is 0 whatever the figures)
 *   --only a,b      run only the named scenarios (see --help for the names)
 *   --load          also run the load scenario (bench/load.ts)
 *   --help          print this and the scenario names
 */

export interface CliOptions {
  readonly json: boolean;
  readonly strict: boolean;
  /** Undefined: every default scenario. */
  readonly only: readonly string[] | undefined;
  readonly load: boolean;
  readonly help: boolean;
}

export class CliOptionsError extends Error {
  override readonly name = 'CliOptionsError';
}

const USAGE = 'usage: npm run bench -- [--json] [--strict] [--only name,...] [--load] [--help]';

/**
 * @example
 * parseCliOptions(['--json', '--only', 'cache,cold-start']) // { json: true, strict: false, only: ['cache', 'cold-start'], load: false, help: false }
 */
function parseCliOptions(argv: readonly string[]): CliOptions {
  let json = false;
  let strict = false;
  let load = false;
  let help = false;
  let only: string[] | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const [flag, inlineValue] = argument.startsWith('--only=') ? ['--only', argument.slice('--only='.length)] : [argument, undefined];
    switch (flag) {
      case '--json':
        json = true;
        break;
      case '--strict':
        strict = true;
        break;
      case '--load':
        load = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      case '--only': {
        const value = inlineValue ?? argv[(index += 1)];
        const names = (value ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
        if (names.length === 0) throw new CliOptionsError('--only needs a comma-separated list of scenario names');
        only = [...(only ?? []), ...names];
        break;
      }
      default:
        throw new CliOptionsError(`unknown option ${argument} (try --help)`);
    }
  }
  return { json, strict, only, load, help };
}

/** Throws when `--only` names a scenario that is not among `known`, listing the known ones. */
function checkScenarioNames(only: readonly string[] | undefined, known: readonly string[]): void {
  const unknown = (only ?? []).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new CliOptionsError(`unknown scenario ${unknown.join(', ')}; known: ${known.join(', ')}`);
  }
}

/** What the command prints for a usage mistake: the message and the usage line, no stack. */
function usageErrorText(error: CliOptionsError): string {
  return `bench: ${error.message}\n${USAGE}\n`;
}

export { checkScenarioNames, parseCliOptions, USAGE, usageErrorText };
