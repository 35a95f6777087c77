/**
 * Loads the BUILT function bundles (dist/functions/<name>.js, `npm run build`) the way SCF does: a
 * fresh module per "container", `main_handler` called with an SCF event and context built by the same
 * local/events builders the harness uses. Each load is isolated, so a container's settings (read once,
 * lib/config.ts) come from the environment given to it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IntegratedResponse } from '../../../lib/http/response';
import { buildApiGatewayEvent } from '../../../local/events/api-gateway-event';
import { createScfContext } from '../../../local/events/context';
import { buildFunctionUrlEvent } from '../../../local/events/function-url-event';
import type { ScfContext } from '../../../local/events/types';

export type BundleHandler = (event: unknown, context: ScfContext) => Promise<IntegratedResponse>;

export type Environment = Readonly<Record<string, string | undefined>>;

export interface FunctionContainer {
  /** Calls `main_handler` with `env` applied to process.env for the call's duration. */
  invoke(event: unknown, context?: ScfContext): Promise<IntegratedResponse>;
}

export interface HttpCall {
  readonly method?: string;
  readonly path: string;
  /** Raw query string without `?`, exactly as a curl URL carries it. */
  readonly rawQuery?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

const repoRoot = resolve(__dirname, '..', '..', '..');

function bundlePath(name: string): string {
  return join(repoRoot, 'dist', 'functions', `${name}.js`);
}

function isHandlerModule(value: unknown): value is { main_handler: BundleHandler } {
  return typeof value === 'object' && value !== null && 'main_handler' in value && typeof value.main_handler === 'function';
}

async function withEnvironment<T>(env: Environment, action: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const apply = (values: Environment) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(env);
  try {
    return await action();
  } finally {
    apply(previous);
  }
}

/** A fresh container of the named function. */
function loadFunction(name: string, env: Environment): FunctionContainer {
  const path = bundlePath(name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  let loaded: unknown;
  jest.isolateModules(() => {
    loaded = require(path);
  });
  if (!isHandlerModule(loaded)) throw new Error(`${path} does not export main_handler`);
  const handler = loaded.main_handler;
  return {
    // The response cache is off unless `env` turns it on: these suites check what happens upstream.
    invoke: (event, context = contextFor(name)) => withEnvironment({ CACHE_ENABLED: 'false', ...env }, () => handler(event, context)),
  };
}

function contextFor(functionName: string): ScfContext {
  return createScfContext({ functionName, requestId: crypto.randomUUID(), timeoutMs: 20_000, memoryMb: 256, region: 'ap-guangzhou' });
}

function snapshot(call: HttpCall) {
  return {
    method: call.method ?? 'GET',
    path: call.path,
    rawQuery: call.rawQuery ?? '',
    headers: Object.fromEntries(Object.entries(call.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
    body: Buffer.from(call.body ?? '', 'utf8'),
    sourceIp: '127.0.0.1',
  };
}

/** The API Gateway trigger event (§6.3) for a request, as the harness builds it. */
function apiGatewayEvent(call: HttpCall): unknown {
  return buildApiGatewayEvent(snapshot(call), {
    templatePath: call.path,
    templateMethod: call.method ?? 'GET',
    requestId: crypto.randomUUID(),
  });
}

/** The Function URL event (§7b.2) for a request. */
function functionUrlEvent(call: HttpCall): unknown {
  return buildFunctionUrlEvent(snapshot(call));
}

/** The query string of the seed's curl commands. */
function seedQuery(credentials: { secretId: string; secretKey: string }, extra: Readonly<Record<string, string>> = {}): string {
  return new URLSearchParams({ secretId: credentials.secretId, secretKey: credentials.secretKey, ...extra }).toString();
}

/** The parsed JSON body of a response. */
function bodyOf(response: IntegratedResponse): Record<string, unknown> {
  const parsed: unknown = JSON.parse(response.body);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`not a JSON object: ${response.body}`);
  return { ...parsed };
}

export { apiGatewayEvent, bodyOf, functionUrlEvent, loadFunction, seedQuery };
