/**
 * An esbuild plugin that defers, until first use, the initialization of modules that a bundled
 * dependency requires at its top level but that our functions never reach at run time.
 *
 * The SDK's HTTP layer requires `form-data` (multipart uploads, which no CVM action uses) and
 * `https-proxy-agent` (used only when no agent is given and a proxy is set; lib/cvm/client.ts always
 * gives an agent), and node-fetch requires `whatwg-url` (used only where `require('url').URL` is
 * missing, which no supported Node is). Evaluating them, with `mime-db`, `tr46` and `debug` behind
 * them, costs about 20 ms of every cold start for nothing. The modules stay in the bundle, unchanged:
 * the importer gets a stand-in whose members load the real module on first access, so a code path
 * that does reach one still works.
 *
 * Each entry names the specifier, the npm packages whose own files get the stand-in (the package after
 * the last `node_modules/` of the importer's path; any other importer is left alone), and how the
 * importer uses it:
 * - `default`: through TypeScript's `__importDefault` (the SDK): the stand-in is flagged `__esModule`
 *   and its `default` is the real module's export;
 * - a list of member names: read as properties (node-fetch's `whatwgUrl.URL`), with no `default`, so
 *   node-fetch's `_interopDefault` keeps the stand-in itself.
 * The build fails when an entry matches no import, or when the importer's source uses the module in
 * any other way (see `usageProblem`): a dependency upgrade that changes either cannot ship a bundle
 * that breaks on the first multipart upload, or quietly put the cost back.
 */

import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const NAMESPACE = 'deferred-require';

/** @typedef {{ specifier: string, importers: readonly string[], access: 'default' | readonly string[] }} DeferredRequire */

/** @type {readonly DeferredRequire[]} */
const SDK_DEFERRED_REQUIRES = [
  { specifier: 'form-data', importers: ['tencentcloud-sdk-nodejs'], access: 'default' },
  { specifier: 'https-proxy-agent', importers: ['tencentcloud-sdk-nodejs'], access: 'default' },
  { specifier: 'whatwg-url', importers: ['node-fetch'], access: ['URL'] },
];

/** The npm package a file belongs to: the name after the last `node_modules/` of its path. */
function owningPackage(path) {
  const parts = path.replace(/\\/g, '/').split('/node_modules/');
  if (parts.length < 2) return undefined;
  const [scopeOrName = '', name = ''] = (parts.at(-1) ?? '').split('/');
  return scopeOrName.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Why the stand-in would not serve `importerSource`'s use of `specifier`, or undefined when it would:
 * exactly one `require` of it (however spaced or quoted), as a whole declaration
 * `<binding> = __importDefault(require(specifier));` for `default` access, or
 * `<binding> = _interopDefault(require(specifier));` / `<binding> = require(specifier);` for members,
 * and the binding read only through the members the stand-in has. Anything else (a second require,
 * a call or member read on the require itself, another member) is a build error, not a TypeError on
 * the first multipart upload or an eager load that quietly puts the cost back.
 */
function usageProblem(importerSource, specifier, access) {
  const quoted = `\\s*[\`'"]${escapeRegExp(specifier)}[\`'"]\\s*`;
  const requires = importerSource.match(new RegExp(`\\brequire\\(${quoted}\\)`, 'g')) ?? [];
  const call = `require\\(${quoted}\\)`;
  const initializer = access === 'default' ? `(?:[\\w$]+\\.)?__importDefault\\(\\s*${call}\\s*\\)` : `(?:(?:[\\w$]+\\.)?_interopDefault\\(\\s*${call}\\s*\\)|${call})`;
  const declaration = new RegExp(`(?:var|let|const)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*${initializer}\\s*(?=[;,\\n])`);
  const declared = declaration.exec(importerSource);
  if (requires.length !== 1 || declared === null) {
    const expected = access === 'default' ? '<name> = __importDefault(require(…))' : '<name> = _interopDefault(require(…)) or <name> = require(…)';
    return `expected exactly one require of it, as a declaration "${expected}" on its own`;
  }
  const binding = declared[1] ?? '';
  const members = access === 'default' ? ['default'] : access;
  const rest = importerSource.slice(0, declared.index) + importerSource.slice(declared.index + declared[0].length);
  for (const use of rest.matchAll(new RegExp(`(?<![\\w$.])${escapeRegExp(binding)}(?![\\w$])(\\s*\\.\\s*([\\w$]+))?`, 'g'))) {
    if (use[2] === undefined || !members.includes(use[2])) return `"${binding}" is used other than as ${members.map((member) => `${binding}.${member}`).join(' or ')}`;
  }
  return undefined;
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
  const filter = new RegExp(`^(${deferred.map((entry) => escapeRegExp(entry.specifier)).join('|')})$`);
  return {
    name: 'deferred-requires',
    setup(build) {
      const deferredThisBuild = new Set();
      build.onStart(() => deferredThisBuild.clear());
      build.onResolve({ filter }, async (args) => {
        const entry = bySpecifier.get(args.path);
        if (entry === undefined || args.namespace !== 'file' || args.pluginData?.[NAMESPACE] === true) return undefined;
        const importer = owningPackage(args.importer);
        if (importer === undefined || !entry.importers.includes(importer)) return undefined;
        const problem = usageProblem(await readFile(args.importer, 'utf8'), entry.specifier, entry.access);
        if (problem !== undefined) {
          return { errors: [{ text: `deferred-requires: ${args.importer} imports "${entry.specifier}" in a way its stand-in does not serve: ${problem}` }] };
        }
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
