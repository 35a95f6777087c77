/**
 * A warm function container in its own process: `load` evaluates a bundle once, `invoke` calls its
 * `main_handler` with an event and a fresh SCF context and reports the call's duration (measured
 * here, around the call only) and what it returned; `invokeSeries` does the same for a list of events,
 * back to back. The function's settings come from this
 * process's environment, as SCF sets them; its log lines go to stdout, which the runner discards.
 */
import { createRequire } from 'node:module';
import { createScfContext } from '../../local/events/context';
import { isRecord, type RawInvokeResult } from './protocol';
import { serveRequests } from './serve';

export interface LoadRequest {
  readonly bundlePath: string;
  readonly functionName: string;
  readonly timeoutMs: number;
}

export interface InvokeRequest {
  readonly event: unknown;
}

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

let loaded: { readonly handler: Handler; readonly request: LoadRequest } | undefined;

function isLoadRequest(value: unknown): value is LoadRequest {
  return isRecord(value) && typeof value.bundlePath === 'string' && typeof value.functionName === 'string' && typeof value.timeoutMs === 'number';
}

async function load(payload: unknown): Promise<{ loadMs: number }> {
  if (!isLoadRequest(payload)) throw new Error('load needs bundlePath, functionName and timeoutMs');
  const started = performance.now();
  const exported: unknown = createRequire(__filename)(payload.bundlePath);
  const handler = isRecord(exported) ? exported.main_handler : undefined;
  if (typeof handler !== 'function') throw new Error(`${payload.bundlePath} exports no main_handler`);
  loaded = { handler: (event, context) => Promise.resolve(handler(event, context)), request: payload };
  return { loadMs: performance.now() - started };
}

async function invokeOnce(event: unknown): Promise<RawInvokeResult> {
  if (loaded === undefined) throw new Error('invoke before load');
  const context = createScfContext({
    functionName: loaded.request.functionName,
    requestId: crypto.randomUUID(),
    timeoutMs: loaded.request.timeoutMs,
    memoryMb: 256,
    region: 'ap-guangzhou',
  });
  const started = performance.now();
  const response = await loaded.handler(event, context);
  return { durationMs: performance.now() - started, response };
}

async function invoke(payload: unknown): Promise<RawInvokeResult> {
  return invokeOnce(isRecord(payload) ? payload.event : undefined);
}

/** `{ events }`: one invocation after the other, with no message from the runner in between. */
async function invokeSeries(payload: unknown): Promise<RawInvokeResult[]> {
  const events = isRecord(payload) && Array.isArray(payload.events) ? payload.events : [];
  const results: RawInvokeResult[] = [];
  for (const event of events) results.push(await invokeOnce(event));
  return results;
}

serveRequests({ load, invoke, invokeSeries });
