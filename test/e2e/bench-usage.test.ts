import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { USAGE } from '../../bench/cli-options';
import { REPO_ROOT } from '../helpers/harness';

/** `npm run bench -- …` is `node dist/local/bench.js …`; a usage mistake stops before any scenario runs. */

const BENCH_SCRIPT = join(REPO_ROOT, 'dist', 'local', 'bench.js');

describe('npm run bench usage mistakes (dist/local/bench.js)', () => {
  it.each([
    [['--bogus'], 'bench: unknown option --bogus (try --help)'],
    [['--only', 'nosuch'], 'bench: unknown scenario nosuch; known: cold-start, warm-overhead, cache, images-paging, inventory, load'],
  ])('answers %j with one message and the usage line, no stack, exit 2', (args, message) => {
    if (!existsSync(BENCH_SCRIPT)) {
      throw new Error(`${BENCH_SCRIPT} missing: run npm run build first (npm test does)`);
    }
    const run = spawnSync(process.execPath, [BENCH_SCRIPT, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 10_000 });

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${message}\n${USAGE}\n`);
  });
});
