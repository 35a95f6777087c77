import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Loads function bundles (`dist/functions/<name>.js`, never source) the way a warm SCF container
 * holds them: each bundle is evaluated once per loader and its `main_handler` reused for every later
 * invocation, so module-level state (SDK clients, caches) behaves as it does deployed.
 */

export type ScfHandler = (event: unknown, context: unknown) => unknown;

export interface BundleLoader {
  /** The bundle's `main_handler`; throws {@link BundleLoadError} when the bundle is missing or malformed. */
  load(functionName: string): ScfHandler;
  /** Absolute path of a function's bundle. */
  bundlePath(functionName: string): string;
}

export class BundleLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleLoadError';
  }
}

// Node's own require, not a test runner's: bundles are plain CommonJS built for the SCF runtime.
const nodeRequire = createRequire(__filename);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isHandler(value: unknown): value is ScfHandler {
  return typeof value === 'function';
}

function evaluateBundle(path: string): ScfHandler {
  let exported: unknown;
  try {
    exported = nodeRequire(path);
  } catch (error) {
    // SCF reports this as an initialisation failure; only the error's class is repeated, since its
    // message could quote configuration values.
    const kind = error instanceof Error ? error.name : typeof error;
    throw new BundleLoadError(`${path} failed to initialise (${kind})`);
  } finally {
    // Each loader is its own container: dropping Node's cache entry lets a second loader (another
    // harness in the same process) evaluate the bundle afresh instead of sharing this instance.
    delete nodeRequire.cache[path];
  }
  const handler = isRecord(exported) ? exported.main_handler : undefined;
  if (!isHandler(handler)) {
    throw new BundleLoadError(`${path} does not export a main_handler function`);
  }
  return handler;
}

function createBundleLoader(functionsDir: string): BundleLoader {
  const handlers = new Map<string, ScfHandler>();
  const bundlePath = (functionName: string): string => join(functionsDir, `${functionName}.js`);
  return {
    bundlePath,
    load(functionName) {
      const cached = handlers.get(functionName);
      if (cached !== undefined) {
        return cached;
      }
      const path = bundlePath(functionName);
      if (!existsSync(path)) {
        throw new BundleLoadError(`${path} not found: run npm run build`);
      }
      const handler = evaluateBundle(path);
      handlers.set(functionName, handler);
      return handler;
    },
  };
}

export { createBundleLoader };
