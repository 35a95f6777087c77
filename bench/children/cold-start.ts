/**
 * One cold start, in a fresh process: load a function bundle, call its `main_handler` once with the
 * event in `BENCH_EVENT`, report the timings to the runner and exit. Usage (by bench/scenarios/cold-start.ts):
 *
 *   node dist/bench/children/cold-start.js <bundle.js> <functionName>
 *
 * `performance.now()` counts from the process's own start, so `totalMs` is "fresh process → first
 * answer" with node's bootstrap included and the runner's spawn overhead excluded.
 */
import { createRequire } from 'node:module';
import { createScfContext } from '../../local/events/context';
import { isRecord } from './protocol';

export interface ColdStartResult {
  readonly kind: 'cold-start';
  /** Process start → this script running (node's bootstrap). */
  readonly bootMs: number;
  /** `require` of the bundle: parsing and running its top level. */
  readonly loadMs: number;
  /** The first `main_handler` call, upstream call included. */
  readonly firstCallMs: number;
  /** Process start → first answer. */
  readonly totalMs: number;
  readonly statusCode: number;
}

async function coldStart(): Promise<ColdStartResult> {
  const bootMs = performance.now();
  const [bundlePath = '', functionName = 'bench'] = process.argv.slice(2);
  const event: unknown = JSON.parse(process.env.BENCH_EVENT ?? '{}');
  const exported: unknown = createRequire(__filename)(bundlePath);
  const handler = isRecord(exported) ? exported.main_handler : undefined;
  if (typeof handler !== 'function') throw new Error(`${bundlePath} exports no main_handler`);
  const loadedMs = performance.now();
  const context = createScfContext({ functionName, requestId: crypto.randomUUID(), timeoutMs: 20_000, memoryMb: 256, region: 'ap-guangzhou' });
  const response: unknown = await handler(event, context);
  const answeredMs = performance.now();
  return {
    kind: 'cold-start',
    bootMs,
    loadMs: loadedMs - bootMs,
    firstCallMs: answeredMs - loadedMs,
    totalMs: answeredMs,
    statusCode: isRecord(response) && typeof response.statusCode === 'number' ? response.statusCode : 0,
  };
}

coldStart().then(
  // The SDK's keep-alive sockets would hold the process open: a container is frozen, this one exits.
  (result) => process.send?.(result, () => process.exit(0)),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
