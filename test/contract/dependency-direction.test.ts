import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The architecture's import rules, checked on every source file:
 * functions/ → lib/ → npm; the emulator shares no code with functions/ or lib/ (a shared bug would
 * hide on both sides of every test); nothing deployable reaches into local/, test/ or bench/.
 */

const repoRoot = resolve(__dirname, '..', '..');

function sourceFiles(directory: string): string[] {
  return readdirSync(join(repoRoot, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)));
}

const importSpecifier = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Repository-relative targets of a file's relative imports (npm packages are left out). */
function localImports(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  return [...text.matchAll(importSpecifier)]
    .map((match) => match[1] ?? match[2] ?? match[3] ?? '')
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(repoRoot, resolve(repoRoot, dirname(file), specifier)));
}

function violations(directory: string, forbiddenRoots: readonly string[]): string[] {
  return sourceFiles(directory).flatMap((file) =>
    localImports(file)
      .filter((target) => forbiddenRoots.some((root) => target === root || target.startsWith(`${root}/`)))
      .map((target) => `${file} imports ${target}`),
  );
}

describe('dependency direction', () => {
  it.each([
    ['lib', ['functions', 'local', 'test', 'bench', 'tools']],
    ['functions', ['local', 'test', 'bench', 'tools']],
    ['local/emulator', ['functions', 'lib', 'local/harness', 'local/invoke', 'local/events', 'test', 'bench']],
  ])('%s imports nothing from %j', (directory, forbidden) => {
    expect(violations(directory, forbidden)).toEqual([]);
  });

  it('finds relative imports in every form the rule must catch', () => {
    const parsed = [
      "import { a } from '../lib/x';",
      "export { b } from './y';",
      "const c = require('../../local/z');",
      "const d = await import('./w');",
      "import type { E } from 'tencentcloud-sdk-nodejs';",
    ]
      .join('\n')
      .matchAll(importSpecifier);
    expect([...parsed].map((match) => match[1] ?? match[2] ?? match[3])).toEqual([
      '../lib/x',
      './y',
      '../../local/z',
      './w',
      'tencentcloud-sdk-nodejs',
    ]);
  });
});
