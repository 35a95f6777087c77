import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Bundle weight guard. esbuild keeps the whole `z` namespace object (every schema kind and locale
 * helper) when a file writes `import { z } from 'zod/mini'`, and the classic `zod` entry point cannot be
 * tree-shaken at all: either adds ~415–450 KB to a function bundle. `import * as z from 'zod/mini'`
 * lets esbuild keep only the schema kinds a function uses (~13 KB).
 */

const repoRoot = resolve(__dirname, '..', '..');
const zodImport = /from\s+['"](zod(?:\/[^'"]*)?)['"]/g;

function zodImportsIn(directory: string): { file: string; line: string }[] {
  return readdirSync(join(repoRoot, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .flatMap((entry) => {
      const file = relative(repoRoot, join(entry.parentPath, entry.name));
      return readFileSync(join(repoRoot, file), 'utf8')
        .split('\n')
        .filter((line) => [...line.matchAll(zodImport)].length > 0)
        .map((line) => ({ file, line: line.trim() }));
    });
}

const allowedForms = [/^import \* as z from 'zod\/mini';$/, /^import type \* as z from 'zod\/mini';$/];

describe('zod import form in deployable code', () => {
  it.each(['functions', 'lib'])('%s imports zod only as a zod/mini namespace', (directory) => {
    const offending = zodImportsIn(directory).filter(({ line }) => !allowedForms.some((form) => form.test(line)));
    expect(offending).toEqual([]);
  });

  it('recognises the forms it must refuse', () => {
    const refused = ["import { z } from 'zod/mini';", "import { z } from 'zod';", "import * as z from 'zod';"];
    expect(refused.filter((line) => allowedForms.some((form) => form.test(line)))).toEqual([]);
  });
});
