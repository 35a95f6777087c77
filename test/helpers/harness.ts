/**
 * The whole local stack in-process for end-to-end tests: an emulator and the harness on free ports,
 * the harness running the real bundles from dist/functions/ (so `npm run build` must have run: `npm test`
 * builds first) with `CVM_ENDPOINT` pointed at the emulator. Every answer `request` returns is first
 * checked against the OpenAPI document (test/helpers/openapi-validator.ts): a test that sees an answer
 * the document does not describe fails, so the document cannot drift from the functions' behaviour.
 *
 * @example
 * let stack: LocalStack;
 * beforeAll(async () => { stack = await startLocalStack(); });
 * afterAll(() => stack.close());
 * const answer = await stack.get(`/api/regions?${DEMO_QUERY_CREDENTIALS}`);
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { httpRoutes } from '../../functions/routes';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../local/emulator/accounts';
import type { EmulatorOptions } from '../../local/emulator/server';
import { startHarness } from '../../local/harness/server';
import { startTestEmulator, type TestEmulator } from './emulator';
import { BUILT_DOCUMENT_PATH, assertConformsToDocument } from './openapi-validator';

export { DEMO_SECRET_ID, DEMO_SECRET_KEY };

/** The seed's `secretId=…&secretKey=…` with the emulator's demo pair. */
export const DEMO_QUERY_CREDENTIALS = `secretId=${DEMO_SECRET_ID}&secretKey=${DEMO_SECRET_KEY}`;

export const DEMO_BASIC_AUTHORIZATION = `Basic ${Buffer.from(`${DEMO_SECRET_ID}:${DEMO_SECRET_KEY}`).toString('base64')}`;

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const FUNCTIONS_DIR = join(REPO_ROOT, 'dist', 'functions');

/** An HTTP answer with its body parsed as JSON (`undefined` when the body is empty). */
export interface JsonAnswer<Body = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Body;
}

export interface LocalStack {
  /** The harness, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly emulator: TestEmulator;
  /** The harness's access log lines so far. */
  readonly accessLog: readonly string[];
  /** Sends a request to the harness and parses the JSON answer. */
  request<Body = unknown>(path: string, init?: RequestInit): Promise<JsonAnswer<Body>>;
  close(): Promise<void>;
}

export interface LocalStackOptions {
  readonly emulator?: EmulatorOptions;
  /** Extra variables for the functions (over serverless.yml and the shell). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Fails fast, with the fix, when the bundles a test needs have not been built. */
function assertBundlesBuilt(): void {
  const missing = [...httpRoutes.map((route) => join(FUNCTIONS_DIR, `${route.functionName}.js`)), BUILT_DOCUMENT_PATH].filter(
    (path) => !existsSync(path),
  );
  if (missing.length > 0) {
    throw new Error(`missing bundles (run npm run build first; npm test does): ${missing.join(', ')}`);
  }
}

async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  assertBundlesBuilt();
  const emulator = await startTestEmulator(options.emulator);
  const accessLog: string[] = [];
  const harness = await startHarness({
    port: 0,
    functionsDir: FUNCTIONS_DIR,
    serviceConfigPath: join(REPO_ROOT, 'serverless.yml'),
    // The functions' own info lines would flood the test output; tests that read them lower this.
    // The response cache is off unless a test turns it on: the suites check what happens upstream.
    env: { LOG_LEVEL: 'warn', CACHE_ENABLED: 'false', ...options.env, CVM_ENDPOINT: emulator.endpoint },
    openApiPath: BUILT_DOCUMENT_PATH,
    demoCredentials: { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY },
    log: (line) => accessLog.push(line),
  });
  return {
    url: harness.url,
    emulator,
    accessLog,
    async request<Body>(path: string, init?: RequestInit): Promise<JsonAnswer<Body>> {
      const response = await fetch(`${harness.url}${path}`, init);
      const text = await response.text();
      const answer = { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as Body };
      assertConformsToDocument({ method: init?.method ?? 'GET', path: path.split('?')[0] ?? path, ...answer });
      return answer;
    },
    async close() {
      await harness.close();
      await emulator.close();
    },
  };
}

export { startLocalStack };
