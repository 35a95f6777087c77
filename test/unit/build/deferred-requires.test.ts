/**
 * build/deferred-requires.mjs: a deferred module runs on first use of what the importer reads from it,
 * not when the bundle loads; the importer gets the real export; other packages' imports are untouched;
 * and a build fails, rather than shipping a bundle that breaks or silently puts the cost back, when an
 * entry matches nothing or its importer uses the module in a way the stand-in cannot serve.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const runner = join(__dirname, '..', '..', 'fixtures', 'deferred-requires', 'build-and-run.mjs');

function run(...args: string[]): Record<string, unknown> {
  return JSON.parse(execFileSync(process.execPath, [runner, ...args], { encoding: 'utf8' })) as Record<string, unknown>;
}

describe('deferredRequires', () => {
  const observed = run();

  it('runs no deferred module when the bundle loads; a bystander importing the same specifier loads as usual', () => {
    expect(observed.afterLoad).toEqual(['bystander']);
    expect(observed.bystanderValue).toBe('bystander');
  });

  it('runs a __importDefault module when `default` is first read, and hands over its real export', () => {
    expect(observed.defaultValue).toBe('the real default export');
    expect(observed.afterDefault).toEqual(['bystander', 'default-export']);
  });

  it('runs a member-read module when the member is first read, and gives the real value', () => {
    expect(observed.memberValue).toBe(42);
    expect(observed.afterMember).toEqual(['bystander', 'default-export', 'member-export']);
  });

  it('runs each module once', () => {
    expect(observed.afterRepeat).toEqual(['bystander', 'default-export', 'member-export']);
  });

  it('fails a build in which an entry matched no import', () => {
    expect(String(run('unmatched').failure)).toContain('consumer import of "never-imported"');
  });

  it('fails a build in which the importer calls the deferred module directly instead of through `default`', () => {
    const failure = String(run('misused').failure);
    expect(failure).toContain('imports "./default-export.js" in a way its stand-in does not serve');
    expect(failure).toContain('expected exactly one "<name> = __importDefault(require("./default-export.js"))"');
  });

  it('fails a build in which the importer reads a member the stand-in does not have', () => {
    expect(String(run('other-member').failure)).toContain('"memberImport" is used other than as memberImport.question');
  });
});
