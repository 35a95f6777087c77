import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { startCvmTarget } from '../harness/cvm-target';
import { createFunctionRunner } from '../harness/function-runner';
import { readServiceSettings } from '../harness/function-settings';
import { printableEndpoint } from '../harness/printable-endpoint';
import { createEnvironmentOverlay } from '../harness/process-environment';
import { parseInventoryArguments, UsageError } from './arguments';
import { fireTimer, timerEventFor, type TimerFiring } from './fire-timer';
import { localInventoryEnvironment } from './local-environment';
import { captureStdoutLog } from './log-capture';
import { ANSI, failureText, PLAIN, progressLine, summaryLines } from './report';

/**
 * `npm run inventory -- [--time ISO] [--verbose]`: fires the inventory function's timer once, locally.
 * The bundle `dist/functions/inventory.js` runs in this process with the real timer event of its
 * serverless.yml trigger, against the emulator (started for the run unless `CVM_ENDPOINT` is set),
 * storing in `.inventory/` unless `INVENTORY_STORE` says otherwise. Progress is read from the
 * function's own log lines, one line per region; at the end, where the snapshot and diff went.
 * Exit codes: 0 the function returned; 1 it failed or timed out; 2 a usage mistake.
 */

const FUNCTION_NAME = 'inventory';

async function main(): Promise<number> {
  const args = parseInventoryArguments(process.argv.slice(2), new Date());
  const palette = process.stdout.isTTY ? ANSI : PLAIN;
  const service = readServiceSettings(resolve('serverless.yml'));
  const target = await startCvmTarget({ emulatorPort: 0 });
  const environment = createEnvironmentOverlay(localInventoryEnvironment(process.env, target));
  try {
    const runner = createFunctionRunner({ functionsDir: resolve('dist', 'functions'), service, environment });
    const event = timerEventFor(runner, FUNCTION_NAME, args.firedAt);
    const where = target.emulated ? `the emulator at ${target.endpoint} (started for this run)` : printableEndpoint(target.endpoint);
    process.stdout.write(`Inventory: timer "${event.TriggerName}" fired for ${event.Time}, CVM API at ${where}\n`);

    let failure: string | undefined;
    const capture = captureStdoutLog((record) => {
      const line = progressLine(record, palette);
      if (line !== undefined) capture.write(`${line}\n`);
      failure = failureText(record) ?? failure;
      if (args.verbose) capture.write(`${palette.dim(JSON.stringify(record))}\n`);
    });
    let firing: TimerFiring;
    try {
      firing = await fireTimer(runner, FUNCTION_NAME, args.firedAt, randomUUID());
    } finally {
      capture.stop();
    }

    const { outcome } = firing;
    switch (outcome.kind) {
      case 'returned':
        process.stdout.write(`${summaryLines(outcome.value, palette).join('\n')}\n`);
        return 0;
      case 'threw':
        process.stderr.write(`inventory failed: ${failure ?? outcome.errorName}\n`);
        return 1;
      case 'timed-out':
        process.stderr.write(`inventory timed out after ${outcome.timeoutMs} ms (serverless.yml timeout)\n`);
        return 1;
      case 'load-failed':
        process.stderr.write(`inventory: ${outcome.message}\n`);
        return 1;
    }
  } finally {
    environment.restore();
    await target.close();
  }
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    // Errors before the invocation are setup problems whose message says what to do; none holds a secret.
    process.stderr.write(`inventory: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
