/**
 * An esbuild plugin that defers, until first use, the initialization of modules that a bundled
 * dependency requires at its top level but that our functions never reach at run time.
 *
 * The SDK's HTTP layer requires `form-data` (multipart uploads, which no CVM action uses) and
 * `https-proxy-agent` (only when no agent is given; lib/cvm/client.ts always gives one), and node-fetch
 * requires `whatwg-url` (only where Node lacks a global URL). Evaluating them, with `mime-db`, `tr46`
 * and `debug` behind them, costs several milliseconds of every cold start for nothing. The modules stay
 * in the bundle, unchanged: the importer gets a stand-in whose members load the real module on first
 * access, so a code path that does reach one still works.
 *
 * Each entry names the specifier, the packages whose files may import it (no other importer is
 * touched), and how the importer uses it:
 * - `default`: through TypeScript's `__importDefault` (the SDK): the stand-in is flagged `__esModule`
 *   and its `default` is the real module's export;
 * - a list of member names: read as properties (node-fetch's `whatwgUrl.URL`), with no `default`, so
 *   node-fetch's `_interopDefault` keeps the stand-in itself.
 */

import { dirname } from 'node:path';

const NAMESPACE = 'deferred-require';

/** @typedef {{ specifier: string, importers: readonly string[], access: 'default' | readonly string[] }} DeferredRequire */

/** @type {readonly DeferredRequire[]} */
const SDK_DEFERRED_REQUIRES = [
  { specifier: 'form-data', importers: ['tencentcloud-sdk-nodejs'], access: 'default' },
  { specifier: 'https-proxy-agent', importers: ['tencentcloud-sdk-nodejs'], access: 'default' },
  { specifier: 'whatwg-url', importers: ['node-fetch'], access: ['URL'] },
];

function importedFrom(importer, packageName) {
  return importer.split(/[\\/]/).includes(packageName);
}

function standInSource(realPath, access) {
  const load = `let real;\nconst load = () => (real ??= require(${JSON.stringify(realPath)}));\n`;
  if (access === 'default') {
    return `${load}module.exports = { __esModule: true, get default() { const loaded = load(); return loaded && loaded.__esModule ? loaded.default : loaded; } };\n`;
  }
  const members = access.map((name) => `get ${JSON.stringify(name)}() { return load()[${JSON.stringify(name)}]; }`);
  return `${load}module.exports = { ${members.join(', ')} };\n`;
}

/**
 * @param {readonly DeferredRequire[]} deferred
 * @returns {import('esbuild').Plugin}
 */
function deferredRequires(deferred = SDK_DEFERRED_REQUIRES) {
  const bySpecifier = new Map(deferred.map((entry) => [entry.specifier, entry]));
  const filter = new RegExp(`^(${deferred.map((entry) => entry.specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
  return {
    name: 'deferred-requires',
    setup(build) {
      const deferredThisBuild = new Set();
      build.onStart(() => deferredThisBuild.clear());
      build.onResolve({ filter }, async (args) => {
        const entry = bySpecifier.get(args.path);
        if (entry === undefined || args.pluginData?.[NAMESPACE] === true) return undefined;
        if (!entry.importers.some((name) => importedFrom(args.importer, name))) return undefined;
        deferredThisBuild.add(entry.specifier);
        const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { [NAMESPACE]: true } });
        if (real.errors.length > 0) return { errors: real.errors };
        return { path: real.path, namespace: NAMESPACE, pluginData: { access: entry.access } };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: standInSource(args.path, args.pluginData.access),
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
      // An entry that no longer matches means a dependency changed how it imports the module: the
      // build says so rather than quietly putting the cost back on every cold start.
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        const unmatched = deferred.filter((entry) => !deferredThisBuild.has(entry.specifier));
        if (unmatched.length > 0) {
          throw new Error(`deferred-requires: no ${unmatched.map((entry) => `${entry.importers.join('/')} import of "${entry.specifier}"`).join(', ')} in this build; update build/deferred-requires.mjs`);
        }
      });
    },
  };
}

export { deferredRequires, SDK_DEFERRED_REQUIRES };
