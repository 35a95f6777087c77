/**
 * A warm function container (bench/children/container.ts) seen from the runner: start it with the
 * function's environment, load a bundle, invoke it.
 */
import { startChild, type BenchChild } from './child-process';
import { toInvokeResult, type InvokeResult, type ProcessUsage, type RawInvokeResult } from './children/protocol';
import type { BenchContext } from './scenario';

export interface FunctionContainer {
  /** For HTTP functions: the integrated response. */
  invokeHttp(event: unknown): Promise<InvokeResult>;
  /** Each event in turn, back to back inside the container (no runner message between them). */
  invokeHttpSeries(events: readonly unknown[]): Promise<InvokeResult[]>;
  /** For timer functions: whatever `main_handler` returned. */
  invoke(event: unknown): Promise<RawInvokeResult>;
  usage(): Promise<ProcessUsage>;
  stop(): Promise<void>;
}

export interface ContainerOptions {
  readonly functionName: string;
  readonly env: Readonly<Record<string, string>>;
  /** The function's timeout (serverless.yml), for the context's remaining time. */
  readonly timeoutMs: number;
}

/**
 * @example
 * const images = await startFunctionContainer(context, { functionName: 'images', env: { CVM_ENDPOINT }, timeoutMs: 20_000 });
 * const answer = await images.invokeHttp(apiGatewayEvent({ method: 'GET', path: '/api/images', query }));
 */
async function startFunctionContainer(context: BenchContext, options: ContainerOptions): Promise<FunctionContainer> {
  const child: BenchChild = await startChild(context.artifacts.containerChild, { cwd: context.repoRoot, env: options.env });
  try {
    await child.call('load', { bundlePath: context.artifacts.functionBundle(options.functionName), functionName: options.functionName, timeoutMs: options.timeoutMs });
  } catch (error) {
    await child.stop();
    throw error;
  }
  const invoke = (event: unknown): Promise<RawInvokeResult> => child.call<RawInvokeResult>('invoke', { event });
  return {
    invoke,
    invokeHttp: async (event) => toInvokeResult(await invoke(event)),
    invokeHttpSeries: async (events) => (await child.call<RawInvokeResult[]>('invokeSeries', { events })).map(toInvokeResult),
    usage: child.usage,
    stop: child.stop,
  };
}

export { startFunctionContainer };
