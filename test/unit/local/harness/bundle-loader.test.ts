import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BundleLoadError, createBundleLoader } from '../../../../local/harness/bundle-loader';

/**
 * The bundle loader against small CommonJS fixtures: one module instance per loader (a warm container),
 * a fresh one for every other loader, even in one Jest test file (whose own require shares modules).
 */

const fixtures: Record<string, string> = {
  counter: 'let invocations = 0; exports.main_handler = () => { invocations += 1; return invocations; };',
  // Reads a variable when the bundle is evaluated, as lib/config.ts keeps its settings per container.
  'reads-env-at-load': 'const mode = process.env.BUNDLE_LOADER_FIXTURE_MODE; exports.main_handler = () => mode;',
  'commonjs-scope': `
    const { createHash } = require('node:crypto');
    const topLevelThis = this;
    module.exports.main_handler = () => ({
      hash: createHash('sha256').update('x').digest('hex').slice(0, 8),
      filename: __filename,
      dirname: __dirname,
      thisIsExports: topLevelThis === module.exports,
    });`,
  'syntax-error': 'exports.main_handler = () => {',
  'init-fails': "throw new RangeError('bad configuration value SecretKey=abc');",
  'no-handler': 'exports.handler = () => 1;',
};

describe('createBundleLoader', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'bundle-loader-'));
    for (const [name, source] of Object.entries(fixtures)) {
      writeFileSync(join(directory, `${name}.js`), source);
    }
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  afterEach(() => {
    delete process.env.BUNDLE_LOADER_FIXTURE_MODE;
  });

  it('evaluates a bundle once per loader and reuses its handler, like a warm container', () => {
    const loader = createBundleLoader(directory);
    const handler = loader.load('counter');

    expect([handler(undefined, undefined), handler(undefined, undefined)]).toEqual([1, 2]);
    expect(loader.load('counter')).toBe(handler);
    expect(loader.load('counter')(undefined, undefined)).toBe(3);
  });

  it('gives every loader its own module instance of the same bundle', () => {
    const first = createBundleLoader(directory).load('counter');
    const second = createBundleLoader(directory).load('counter');

    expect(first(undefined, undefined)).toBe(1);
    expect(first(undefined, undefined)).toBe(2);
    expect(second(undefined, undefined)).toBe(1);
    expect(second).not.toBe(first);
  });

  it('lets each loader see the environment of its own first load', () => {
    process.env.BUNDLE_LOADER_FIXTURE_MODE = 'cache-on';
    const first = createBundleLoader(directory).load('reads-env-at-load');
    process.env.BUNDLE_LOADER_FIXTURE_MODE = 'cache-off';
    const second = createBundleLoader(directory).load('reads-env-at-load');

    expect(first(undefined, undefined)).toBe('cache-on');
    expect(second(undefined, undefined)).toBe('cache-off');
  });

  it("runs the bundle in Node's CommonJS scope: require, module, __filename, __dirname, this", () => {
    const path = join(directory, 'commonjs-scope.js');

    expect(createBundleLoader(directory).load('commonjs-scope')(undefined, undefined)).toEqual({
      hash: '2d711642',
      filename: path,
      dirname: directory,
      thisIsExports: true,
    });
  });

  it.each([
    ['missing', /missing\.js not found: run npm run build$/],
    ['syntax-error', /syntax-error\.js failed to initialise \(SyntaxError\)$/],
    ['init-fails', /init-fails\.js failed to initialise \(RangeError\)$/],
    ['no-handler', /no-handler\.js does not export a main_handler function$/],
  ])('refuses bundle %s with a BundleLoadError that quotes no message of its own', (name, message) => {
    const load = (): unknown => createBundleLoader(directory).load(name);

    expect(load).toThrow(BundleLoadError);
    expect(load).toThrow(message);
    expect(load).not.toThrow(/SecretKey|bad configuration/);
  });

  it('names the bundle path', () => {
    expect(createBundleLoader(directory).bundlePath('regions')).toBe(join(directory, 'regions.js'));
  });
});
