import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { httpRoutes } from '../../functions/routes';
import { startCvmTarget } from '../harness/cvm-target';
import { createFunctionRunner } from '../harness/function-runner';
import { readServiceSettings } from '../harness/function-settings';
import { createEnvironmentOverlay } from '../harness/process-environment';
import { localInventoryEnvironment } from '../inventory/local-environment';
import { parseInvokeArguments, UsageError } from './arguments';
import { buildInvokeEvent } from './build-event';
import { formatInvocationResult } from './format-result';
import { warningsFor } from './service-warnings';
import { redirectStdoutToStderr } from './stdout-for-result';

/**
 * `npm run invoke -- <function> [options]`: one bundled handler, one SCF event, the result printed
 * the way `serverless invoke local` prints it (JSON, 4-space indent, a JSON body parsed) and the same
 * exit codes: 0 whenever the function returned, whatever its statusCode; 1 when it threw or timed out;
 * 2 for a usage mistake. stdout carries only the result (so it can be piped or saved as JSON); the
 * function's own log lines and a one-line status summary go to stderr. Against the emulator started
 * for the run, the functions get what `npm start` gives them (local/inventory/local-environment.ts: a
 * local inventory store and the emulator's first key pair as the role), so `inventory` runs as is;
 * with `CVM_ENDPOINT` set, only that endpoint is added to the shell's variables.
 */

const functionsDir = resolve('dist', 'functions');

function bundledFunctions(): string[] {
  try {
    return readdirSync(functionsDir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
      .map((entry) => entry.name.slice(0, -'.js'.length));
  } catch {
    return [];
  }
}

async function main(): Promise<number> {
  const args = parseInvokeArguments(process.argv.slice(2));
  const functions = [...new Set([...httpRoutes.map((route) => route.functionName), ...bundledFunctions()])].sort();
  if (!functions.includes(args.functionName)) {
    throw new UsageError(`unknown function "${args.functionName}"; the functions are: ${functions.join(', ')}`);
  }
  const service = readServiceSettings(resolve('serverless.yml'));
  for (const warning of warningsFor(args.functionName, service.warnings)) {
    process.stderr.write(`warning: ${warning}\n`);
  }
  const route = httpRoutes.find((candidate) => candidate.functionName === args.functionName);
  const requestId = randomUUID();
  const target = await startCvmTarget({ emulatorPort: 0 });
  let variables: Record<string, string>;
  try {
    variables = target.emulated ? localInventoryEnvironment(process.env, target) : { CVM_ENDPOINT: target.endpoint };
  } catch (error) {
    await target.close();
    throw error;
  }
  const environment = createEnvironmentOverlay(variables);
  const output = redirectStdoutToStderr();
  try {
    const runner = createFunctionRunner({ functionsDir, service, environment });
    const event = buildInvokeEvent(args, route, runner.settingsFor(args.functionName), requestId);
    const printed = formatInvocationResult(args.functionName, await runner.invoke(args.functionName, event, requestId));
    process.stderr.write(`${printed.statusLine}\n`);
    await output.writeResult(`${printed.json}\n`);
    return printed.exitCode;
  } finally {
    output.restore();
    environment.restore();
    await target.close();
  }
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    // Every error raised before the invocation is a setup problem with a message meant for the user
    // (usage, port in use, bad credentials syntax); none of them carries a secret.
    process.stderr.write(`invoke: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
