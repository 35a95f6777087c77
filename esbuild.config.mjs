/**
 * Build script (`npm run build`).
 *
 * 1. One minified CommonJS bundle per SCF function: every `functions/<name>/handler.ts` becomes
 *    `dist/functions/<name>.js`, holding only the code that function imports (its handler, the parts
 *    of lib/ it uses, and the SDK's CVM client by its deep path).
 * 2. The deploy artifact `dist/cvm-scf.zip` that serverless.yml names as `package.artifact`: the
 *    serverless-tencent-scf plugin uploads only that service-level zip, so it holds every function's
 *    bundle at its root under the function's own name, and each function's `handler` is
 *    `<name>.main_handler`.
 * 3. The local tools (emulator, harness, invoke, inventory runner, benchmarks) into `dist/local/`,
 *    with npm packages left external: they run on a developer machine and are never deployed.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';

const distDir = 'dist';
const functionsOutDir = join(distDir, 'functions');
const artifactPath = join(distDir, 'cvm-scf.zip');
const SCF_NODE_TARGET = 'node18';

const localEntryPoints = {
  start: 'local/start.ts',
  emulator: 'local/emulator/main.ts',
  harness: 'local/harness/main.ts',
  invoke: 'local/invoke/main.ts',
  inventory: 'local/inventory/main.ts',
  bench: 'bench/main.ts',
};

function functionNames() {
  return readdirSync('functions', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join('functions', entry.name, 'handler.ts')))
    .map((entry) => entry.name)
    .sort();
}

async function buildFunctions(names) {
  const result = await build({
    entryPoints: Object.fromEntries(names.map((name) => [name, join('functions', name, 'handler.ts')])),
    outdir: functionsOutDir,
    bundle: true,
    minify: true,
    platform: 'node',
    target: SCF_NODE_TARGET,
    format: 'cjs',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

function writeArtifact(names) {
  const files = Object.fromEntries(
    names.map((name) => [`${name}.js`, readFileSync(join(functionsOutDir, `${name}.js`))]),
  );
  writeFileSync(artifactPath, zipSync(files, { level: 9 }));
}

async function buildLocalTools() {
  const entries = Object.entries(localEntryPoints).filter(([, path]) => existsSync(path));
  await build({
    entryPoints: Object.fromEntries(entries),
    outdir: join(distDir, 'local'),
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

function printSizes(metafile) {
  const rows = Object.entries(metafile.outputs)
    .filter(([path]) => path.endsWith('.js'))
    .map(([path, output]) => `  ${path.padEnd(42)} ${(output.bytes / 1024).toFixed(1).padStart(8)} KiB`);
  console.log(`function bundles (${SCF_NODE_TARGET}, minified):\n${rows.join('\n')}`);
  console.log(`deploy artifact: ${artifactPath}`);
}

rmSync(distDir, { recursive: true, force: true });
mkdirSync(functionsOutDir, { recursive: true });
const names = functionNames();
const metafile = await buildFunctions(names);
writeArtifact(names);
await buildLocalTools();
printSizes(metafile);
