/**
 * serverless.yml, functions/routes.ts, the folders under functions/ and the built artifact must agree:
 * every route is one function whose handler is `<name>.main_handler`, served by an API Gateway trigger
 * with the route's method and path, and shipped as `<name>.js` at the root of dist/cvm-scf.zip (the
 * only file the serverless-tencent-scf plugin uploads, reference §7 "Packaging"). The plugin itself
 * must never be loaded offline (it reports usage over the network on load and crashes without one,
 * §7), so this test reads the file as plain YAML and proves no offline code can reach the plugin.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { parse } from 'yaml';
import { httpRoutes } from '../../functions/routes';

const repoRoot = resolve(__dirname, '..', '..');

interface ApigwParameters {
  readonly serviceId?: unknown;
  readonly stageName?: unknown;
  readonly httpMethod?: unknown;
  readonly path?: unknown;
  readonly integratedResponse?: unknown;
  readonly enable?: unknown;
}

interface FunctionDefinition {
  readonly handler?: unknown;
  readonly events?: readonly Readonly<Record<string, { readonly name?: unknown; readonly parameters?: ApigwParameters }>>[];
}

interface ServiceDefinition {
  readonly provider: { readonly name: unknown; readonly runtime: unknown; readonly region: unknown; readonly timeout: unknown; readonly environment: { readonly variables: Readonly<Record<string, unknown>> } };
  readonly plugins: readonly unknown[];
  readonly package: { readonly artifact: unknown };
  readonly functions: Readonly<Record<string, FunctionDefinition>>;
}

const service = parse(readFileSync(join(repoRoot, 'serverless.yml'), 'utf8')) as ServiceDefinition;
const declared = Object.entries(service.functions);

function apigwEvents(definition: FunctionDefinition): ApigwParameters[] {
  return (definition.events ?? []).flatMap((event) => (event.apigw === undefined ? [] : [event.apigw.parameters ?? {}]));
}

function hasTimer(definition: FunctionDefinition): boolean {
  return (definition.events ?? []).some((event) => event.timer !== undefined);
}

function functionFolders(): string[] {
  return readdirSync(join(repoRoot, 'functions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repoRoot, 'functions', entry.name, 'handler.ts')))
    .map((entry) => entry.name)
    .sort();
}

function filesUnder(directory: string, extension: string): string[] {
  return readdirSync(join(repoRoot, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('serverless.yml', () => {
  it('deploys with the Tencent provider, the runtime the bundles target and the service artifact', () => {
    expect(service.provider.name).toBe('tencent');
    expect(service.plugins).toEqual(['serverless-tencent-scf']);
    expect(service.package.artifact).toBe('dist/cvm-scf.zip');
    const esbuildTarget = /const SCF_NODE_TARGET = 'node(\d+)'/.exec(readFileSync(join(repoRoot, 'esbuild.config.mjs'), 'utf8'))?.[1];
    expect(service.provider.runtime).toBe(`Nodejs${esbuildTarget}.15`);
  });

  it('gives the functions time for the SDK timeout twice over (first images page, then the rest)', () => {
    const variables = service.provider.environment.variables;
    expect(Number(service.provider.timeout) * 1000).toBeGreaterThan(2 * Number(variables.CVM_REQUEST_TIMEOUT_MS));
    expect(variables).toMatchObject({ ALLOW_QUERY_CREDENTIALS: 'true', USE_FUNCTION_ROLE_CREDENTIALS: 'false' });
  });

  it.each(httpRoutes.map((route) => [route.functionName, route] as const))('declares %s as its route says', (name, route) => {
    const definition = service.functions[name];
    expect(definition?.handler).toBe(`${name}.main_handler`);
    expect(apigwEvents(definition ?? {})).toEqual([
      {
        serviceId: '${self:custom.apigwServiceId}',
        stageName: 'release',
        httpMethod: route.method,
        path: route.path,
        integratedResponse: true,
        serviceTimeout: '${self:custom.apigwTimeoutSeconds}',
        enable: true,
      },
    ]);
  });

  it('declares no HTTP function the route table does not know, and only timer functions besides', () => {
    const routed = new Set(httpRoutes.map((route) => route.functionName));
    for (const [name, definition] of declared) {
      if (routed.has(name)) continue;
      expect([name, apigwEvents(definition)]).toEqual([name, []]);
      expect([name, hasTimer(definition)]).toEqual([name, true]);
      expect(definition.handler).toBe(`${name}.main_handler`);
    }
  });

  it('names exactly the folders under functions/ that have a handler', () => {
    expect(declared.map(([name]) => name).sort()).toEqual(functionFolders());
  });

  it('routes no (method, path) twice', () => {
    const keys = httpRoutes.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the built artifact (npm run build)', () => {
  const artifact = unzipSync(readFileSync(join(repoRoot, 'dist', 'cvm-scf.zip')));

  it('holds <name>.js at its root for every declared function and nothing else', () => {
    expect(Object.keys(artifact).sort()).toEqual(declared.map(([name]) => `${name}.js`).sort());
  });

  it.each(declared.map(([name]) => [name]))('ships %s exactly as dist/functions built it, exporting main_handler', (name) => {
    const bundle = readFileSync(join(repoRoot, 'dist', 'functions', `${name}.js`));
    expect(Buffer.from(artifact[`${name}.js`] ?? new Uint8Array()).equals(bundle)).toBe(true);
    expect(bundle.toString('utf8')).toContain('main_handler');
  });
});

describe('the serverless-tencent-scf plugin is never loaded offline', () => {
  it('is imported by no source of functions/, lib/ or local/', () => {
    const sources = [...filesUnder('functions', '.ts'), ...filesUnder('lib', '.ts'), ...filesUnder('local', '.ts')];
    expect(sources.length).toBeGreaterThan(10);
    const importing = sources.filter((file) => /(?:from\s+|require\(\s*|import\(\s*)['"](?:@?serverless)[^'"]*['"]/.test(readFileSync(file, 'utf8')));
    expect(importing).toEqual([]);
  });

  it('is bundled into no built file (nor the usage reporter it loads)', () => {
    const bundles = filesUnder('dist', '.js');
    expect(bundles.length).toBeGreaterThan(declared.length - 1);
    const carrying = bundles.filter((file) => /serverless-tencent|dataReport|service-ocnymoks/.test(readFileSync(file, 'utf8')));
    expect(carrying).toEqual([]);
  });

  it('is not in Node’s module cache after every function bundle is loaded and every HTTP one invoked', () => {
    const routed = new Set(httpRoutes.map((route) => route.functionName));
    const bundles = declared.map(([name]) => ({ path: join(repoRoot, 'dist', 'functions', `${name}.js`), http: routed.has(name) }));
    const script = `
      const bundles = ${JSON.stringify(bundles)};
      (async () => {
        for (const bundle of bundles) {
          const { main_handler } = require(bundle.path);
          if (bundle.http) await main_handler({ httpMethod: 'GET', path: '/', queryString: {}, headers: {}, body: '' }, {});
        }
        const loaded = Object.keys(require.cache).filter((path) => /node_modules[\\\\/](serverless|@serverless)/.test(path));
        process.stdout.write(JSON.stringify({ bundles: bundles.length, loaded }));
      })();
    `;
    const output = execFileSync(process.execPath, ['-e', script], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error' }, encoding: 'utf8' });
    expect(JSON.parse(output.slice(output.lastIndexOf('{"bundles"')))).toEqual({ bundles: declared.length, loaded: [] });
  });
});
