/**
 * Builds, in the same run, what the scenarios compare against and the child processes they start:
 * - the baseline bundle: bench/baselines/sdk-only-handler.ts with exactly the options esbuild.config.mjs
 *   uses for the function bundles (bundled SDK, minified CommonJS for node18), so sizes and load
 *   times compare like with like; and the same again with our build's deferred requires
 *   (build/deferred-requires.mjs), to tell what our code adds from what that plugin saves;
 * - the child scripts (bench/children, the plain-server baseline and the event floor): local tools, npm
 *   packages external.
 * Output goes to dist/bench/ (git-ignored, rebuilt every run).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { deferredRequires } from '../build/deferred-requires.mjs';

export interface BenchArtifacts {
  /** dist/functions/<name>.js */
  functionBundle(name: string): string;
  readonly baselineBundle: string;
  readonly deferredBaselineBundle: string;
  readonly coldStartChild: string;
  readonly containerChild: string;
  readonly harnessChild: string;
  readonly emulatorChild: string;
  readonly plainServerBaseline: string;
  readonly eventFloorServer: string;
}

/** Same as the function bundles in esbuild.config.mjs (decisions: node18, CommonJS, minified). */
const FUNCTION_BUNDLE_OPTIONS = {
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
} as const;

const CHILD_ENTRY_POINTS = {
  'cold-start': 'bench/children/cold-start.ts',
  container: 'bench/children/container.ts',
  harness: 'bench/children/harness.ts',
  emulator: 'bench/children/emulator.ts',
  'plain-server': 'bench/baselines/plain-http-server.ts',
  'event-floor-server': 'bench/baselines/event-floor-server.ts',
} as const;

/**
 * @example
 * const artifacts = await buildBenchArtifacts('/work/main');
 */
async function buildBenchArtifacts(repoRoot: string): Promise<BenchArtifacts> {
  const outDir = join(repoRoot, 'dist', 'bench');
  const baselineBundle = join(outDir, 'baselines', 'sdk-only.js');
  const deferredBaselineBundle = join(outDir, 'baselines', 'sdk-only-deferred.js');
  const baselineOptions = { ...FUNCTION_BUNDLE_OPTIONS, absWorkingDir: repoRoot, entryPoints: ['bench/baselines/sdk-only-handler.ts'] };
  await Promise.all([
    build({ ...baselineOptions, outfile: baselineBundle }),
    build({ ...baselineOptions, outfile: deferredBaselineBundle, plugins: [deferredRequires()] }),
    build({
      absWorkingDir: repoRoot,
      entryPoints: CHILD_ENTRY_POINTS,
      outdir: join(outDir, 'children'),
      bundle: true,
      packages: 'external',
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
    }),
  ]);
  const child = (name: keyof typeof CHILD_ENTRY_POINTS): string => join(outDir, 'children', `${name}.js`);
  return {
    functionBundle: (name) => join(repoRoot, 'dist', 'functions', `${name}.js`),
    baselineBundle,
    deferredBaselineBundle,
    coldStartChild: child('cold-start'),
    containerChild: child('container'),
    harnessChild: child('harness'),
    emulatorChild: child('emulator'),
    plainServerBaseline: child('plain-server'),
    eventFloorServer: child('event-floor-server'),
  };
}

/** Size of a file in bytes. */
function fileBytes(path: string): number {
  return statSync(path).size;
}

export { buildBenchArtifacts, fileBytes };
