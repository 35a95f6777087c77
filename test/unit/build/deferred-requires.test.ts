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

  it.each([
    ['calls the deferred module directly instead of through `default`', 'misused', 'expected exactly one require of it, as a declaration "<name> = __importDefault(require(…))" on its own'],
    ['requires it a second time, spaced and quoted differently', 'respelled', 'expected exactly one require of it'],
    ['calls the result of the require itself', 'called', 'expected exactly one require of it, as a declaration "<name> = _interopDefault(require(…)) or <name> = require(…)" on its own'],
    ['reads a member the stand-in does not have', 'other-member', '"memberImport" is used other than as memberImport.question'],
  ])('fails a build in which the importer %s', (_case, mode, message) => {
    const failure = String(run(mode).failure);
    expect(failure).toContain('in a way its stand-in does not serve');
    expect(failure).toContain(message);
  });
});
