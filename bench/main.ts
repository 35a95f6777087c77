/**
 * `npm run bench`: builds the baselines and child scripts, runs the scenarios one after another
 * (each starts and stops its own emulator and processes), prints the table (or `--json`), and with
 * `--strict` exits 1 when a target fails. Progress goes to stderr. Options: bench/cli-options.ts.
 */
import { resolve } from 'node:path';
import { buildBenchArtifacts } from './artifacts';
import { checkScenarioNames, CliOptionsError, parseCliOptions, usageErrorText, USAGE, type CliOptions } from './cli-options';
import { buildReport, formatReport } from './report';
import type { BenchContext, BenchScenario, ScenarioResult } from './scenario';
import { DEFAULT_SCENARIOS, OPTIONAL_SCENARIOS } from './scenarios';

/** dist/local/bench.js → the repository root. */
const REPO_ROOT = resolve(__dirname, '..', '..');

function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function selectScenarios(options: CliOptions): BenchScenario[] {
  const known = [...DEFAULT_SCENARIOS, ...OPTIONAL_SCENARIOS];
  const wanted = (scenario: BenchScenario): boolean => (scenario.name === 'load' && options.load) || (options.only?.includes(scenario.name) ?? DEFAULT_SCENARIOS.includes(scenario));
  if (options.only !== undefined) checkScenarioNames(options.only, known.map((scenario) => scenario.name));
  return known.filter(wanted);
}

function helpText(): string {
  const names = [...DEFAULT_SCENARIOS, ...OPTIONAL_SCENARIOS].map((scenario) => scenario.name).join(', ');
  return [
    USAGE,
    '  --json    one JSON object with every figure, ratio and verdict (use npm run -s to drop npm\'s banner)',
    '  --strict  exit 1 when a target fails',
    '  --only    run only these scenarios (comma-separated; --load adds load)',
    '  --load    also run the load scenario',
    `scenarios: ${names}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const options = parseCliOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${helpText()}\n`);
    return 0;
  }
  const scenarios = selectScenarios(options);
  const startedAt = new Date();
  progress('building the baselines and child scripts');
  const context: BenchContext = { repoRoot: REPO_ROOT, artifacts: await buildBenchArtifacts(REPO_ROOT), progress };
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    progress(`scenario ${scenario.name}`);
    results.push(await scenario.run(context));
  }
  const report = buildReport(results, startedAt, Date.now());
  process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
  return options.strict && !report.pass ? 1 : 0;
}

main().then(
  (code) => {
    // Keep-alive sockets and emulator timers must not hold the process once the report is out.
    process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof CliOptionsError) {
      process.stderr.write(usageErrorText(error));
      process.exit(2);
    }
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
