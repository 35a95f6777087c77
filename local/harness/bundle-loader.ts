import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Loads function bundles (`dist/functions/<name>.js`, never source) the way a warm SCF container
 * holds them: each bundle is evaluated once per loader and its `main_handler` reused for every later
 * invocation, so module-level state (SDK clients, caches, the settings read on first use) behaves as it
 * does deployed. Each loader is its own container: two loaders (two harnesses in one process, each
 * with its own environment) each evaluate the bundle afresh and never share a module instance.
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

/** What a CommonJS bundle sees as `module`. */
interface BundleModule {
  exports: unknown;
  readonly id: string;
  readonly filename: string;
}

type CommonJsWrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: BundleModule,
  filename: string,
  directory: string,
) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isHandler(value: unknown): value is ScfHandler {
  return typeof value === 'function';
}

/**
 * Compiles the bundle as a new CommonJS module, with Node's module wrapper parameters, so every call
 * yields a fresh module. `require`'s cache cannot give that: under Jest `createRequire` returns Jest's
 * registry, which ignores `delete require.cache[…]` and hands every loader of a test file the same
 * module. `Function` is used rather than `vm` or `Module.prototype._compile` because it compiles in the
 * caller's realm: under Jest that is the test's sandbox, whose `process.env` the harness sets for the
 * functions; `vm` and `_compile` compile in Node's main context, which would not see those variables.
 * `sourceURL` names the bundle in stack traces.
 */
function compileBundle(path: string): CommonJsWrapper {
  const source = `${readFileSync(path, 'utf8')}\n//# sourceURL=${path}`;
  return new Function('exports', 'require', 'module', '__filename', '__dirname', source) as CommonJsWrapper;
}

function evaluateBundle(path: string): ScfHandler {
  const module: BundleModule = { exports: {}, id: path, filename: path };
  try {
    compileBundle(path).call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
  } catch (error) {
    // SCF reports this as an initialisation failure; only the error's class is repeated, since its
    // message could quote configuration values. Read structurally: a built-in module's error may come
    // from another realm than the bundle's.
    const kind = isRecord(error) && typeof error.name === 'string' ? error.name : typeof error;
    throw new BundleLoadError(`${path} failed to initialise (${kind})`);
  }
  const handler = isRecord(module.exports) ? module.exports.main_handler : undefined;
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
