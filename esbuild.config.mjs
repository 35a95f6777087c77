/**
 * Build script (`npm run build`).
 *
 * 1. One minified CommonJS bundle per SCF function: every `functions/<name>/handler.ts` becomes
 *    `dist/functions/<name>.js`, holding only the code that function imports (its handler, the parts
 *    of lib/ it uses, and the SDK's CVM client by its deep path). The modules the SDK requires at its
 *    top level but our functions never reach (multipart, proxy agent, URL polyfill) are initialized
 *    only on first use (build/deferred-requires.mjs): that takes them off every cold start.
 * 2. The deploy artifact `dist/cvm-scf.zip` that serverless.yml names as `package.artifact`: the
 *    serverless-tencent-scf plugin uploads only that service-level zip, so it holds every function's
 *    bundle at its root under the function's own name, and each function's `handler` is
 *    `<name>.main_handler`.
 * 3. The local tools (emulator, harness, invoke, inventory runner, benchmarks) into `dist/local/`,
 *    with npm packages left external: they run on a developer machine and are never deployed.
 * 4. The OpenAPI document `dist/openapi.json`, written by the bundled generator (local/openapi/) from
 *    the route table and the routes' zod schemas; the harness serves it at GET /api/openapi.json.
 *
 * Every file is replaced atomically (written beside its target, then renamed), so a harness or test
 * that loads bundles while a rebuild runs never sees a missing or half-written file; files that a
 * build no longer produces are removed. Reports go to stderr, so `npm run invoke --silent` prints only
 * the function's result on stdout.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { deferredRequires } from './build/deferred-requires.mjs';

const distDir = 'dist';
const functionsOutDir = join(distDir, 'functions');
const localOutDir = join(distDir, 'local');
const artifactPath = join(distDir, 'cvm-scf.zip');
const SCF_NODE_TARGET = 'node18';

const localEntryPoints = {
  start: 'local/start.ts',
  emulator: 'local/emulator/main.ts',
  harness: 'local/harness/main.ts',
  invoke: 'local/invoke/main.ts',
  inventory: 'local/inventory/main.ts',
  bench: 'bench/main.ts',
  openapi: 'local/openapi/main.ts',
};

function functionNames() {
  return readdirSync('functions', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join('functions', entry.name, 'handler.ts')))
    .map((entry) => entry.name)
    .sort();
}

function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporaryPath = `${path}.${process.pid}.tmp`;
  writeFileSync(temporaryPath, contents);
  renameSync(temporaryPath, path);
}

/** Writes a build's output files into `directory` and removes the files earlier builds left there. */
function replaceOutputs(directory, outputFiles) {
  const written = new Set(outputFiles.map((file) => resolve(file.path)));
  for (const file of outputFiles) writeAtomically(file.path, file.contents);
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = resolve(directory, entry.name);
    if (entry.isFile() && !written.has(path)) rmSync(path);
  }
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
    write: false,
    logLevel: 'warning',
    plugins: [deferredRequires()],
  });
  replaceOutputs(functionsOutDir, result.outputFiles);
  return result;
}

function writeArtifact(outputFiles) {
  const files = Object.fromEntries(outputFiles.map((file) => [basename(file.path), file.contents]));
  writeAtomically(artifactPath, zipSync(files, { level: 9 }));
}

async function buildLocalTools() {
  const entries = Object.entries(localEntryPoints).filter(([, path]) => existsSync(path));
  const result = await build({
    entryPoints: Object.fromEntries(entries),
    outdir: localOutDir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    write: false,
    logLevel: 'warning',
  });
  replaceOutputs(localOutDir, result.outputFiles);
}

function printSizes(metafile) {
  const rows = Object.entries(metafile.outputs)
    .filter(([path]) => path.endsWith('.js'))
    .map(([path, output]) => `  ${path.padEnd(42)} ${(output.bytes / 1024).toFixed(1).padStart(8)} KiB`);
  console.error(`function bundles (${SCF_NODE_TARGET}, minified):\n${rows.join('\n')}`);
  console.error(`deploy artifact: ${artifactPath}`);
}

mkdirSync(functionsOutDir, { recursive: true });
mkdirSync(localOutDir, { recursive: true });
const functionsBuild = await buildFunctions(functionNames());
writeArtifact(functionsBuild.outputFiles);
await buildLocalTools();
// Run as its own bundle rather than imported here, so this script stays plain JavaScript (no TS loader).
execFileSync(process.execPath, [join(localOutDir, 'openapi.js'), join(distDir, 'openapi.json')], { stdio: 'inherit' });
printSizes(functionsBuild.metafile);
