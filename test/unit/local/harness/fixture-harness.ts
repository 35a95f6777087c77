import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpRoute } from '../../../../functions/routes';
import { type RunningHarness, startHarness } from '../../../../local/harness/server';

/**
 * A harness over small fixture bundles (plain CommonJS, as esbuild emits) written to a temporary
 * functions directory with their own serverless.yml, so the harness can be exercised without the real
 * handlers. `close()` stops the harness and removes the directory.
 */

export interface FixtureHarness {
  readonly harness: RunningHarness;
  close(): Promise<void>;
}

export interface FixtureHarnessOptions {
  /** Bundle source by function name, written as `<name>.js`. */
  readonly bundles: Readonly<Record<string, string>>;
  readonly serviceYaml: string;
  readonly routes: readonly HttpRoute[];
  readonly log: (line: string) => void;
}

/** A GET (or `method`) route at `/api/<functionName>`. */
function fixtureRoute(functionName: string, method: HttpRoute['method'] = 'GET'): HttpRoute {
  return { functionName, method, path: `/api/${functionName}`, cvmAction: 'None', summary: functionName };
}

async function startFixtureHarness(options: FixtureHarnessOptions): Promise<FixtureHarness> {
  const directory = mkdtempSync(join(tmpdir(), 'fixture-harness-'));
  for (const [name, source] of Object.entries(options.bundles)) {
    writeFileSync(join(directory, `${name}.js`), source);
  }
  writeFileSync(join(directory, 'serverless.yml'), options.serviceYaml);
  const harness = await startHarness({
    port: 0,
    functionsDir: directory,
    serviceConfigPath: join(directory, 'serverless.yml'),
    routes: options.routes,
    log: options.log,
  });
  return {
    harness,
    async close() {
      await harness.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export { fixtureRoute, startFixtureHarness };
