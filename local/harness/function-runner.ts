import { createScfContext } from '../events/context';
import { BundleLoadError, createBundleLoader, type ScfHandler } from './bundle-loader';
import type { FunctionSettings, ServiceSettings } from './function-settings';
import { invokeHandler, type InvocationOutcome } from './invoke-handler';
import type { EnvironmentOverlay } from './process-environment';

/**
 * Invokes bundled functions as SCF would: the function's serverless.yml variables in the environment,
 * a fresh context per invocation (§6.2) with the function's timeout and memory, and the bundle kept
 * warm between invocations. Shared by the harness and `npm run invoke`.
 */

export type RunOutcome = InvocationOutcome | { readonly kind: 'load-failed'; readonly message: string };

export interface FunctionRunner {
  settingsFor(functionName: string): FunctionSettings;
  bundlePath(functionName: string): string;
  invoke(functionName: string, event: unknown, requestId: string): Promise<RunOutcome>;
}

export interface FunctionRunnerOptions {
  readonly functionsDir: string;
  readonly service: ServiceSettings;
  readonly environment: EnvironmentOverlay;
}

function createFunctionRunner(options: FunctionRunnerOptions): FunctionRunner {
  const loader = createBundleLoader(options.functionsDir);
  const settingsFor = (functionName: string): FunctionSettings =>
    options.service.functions.get(functionName) ?? options.service.undeclaredFunction;
  return {
    settingsFor,
    bundlePath: loader.bundlePath,
    async invoke(functionName, event, requestId) {
      const settings = settingsFor(functionName);
      options.environment.applyFunctionVariables(settings.environment);
      let handler: ScfHandler;
      try {
        handler = loader.load(functionName);
      } catch (error) {
        if (error instanceof BundleLoadError) {
          return { kind: 'load-failed', message: error.message };
        }
        throw error;
      }
      const context = createScfContext({
        functionName,
        requestId,
        timeoutMs: settings.timeoutMs,
        memoryMb: settings.memoryMb,
        region: options.service.region,
      });
      return invokeHandler(handler, event, context, settings.timeoutMs);
    },
  };
}

export { createFunctionRunner };
