import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../local/emulator/accounts';
import { createCvmClient } from '../../helpers/cvm-client';

/** `npm run emulator` runs the esbuild bundle of local/emulator/main.ts; build the same entry point here. */
describe('standalone emulator process (local/emulator/main.ts)', () => {
  let outDir: string;
  let bundle: string;

  const launch = (env: Record<string, string>): ChildProcessWithoutNullStreams =>
    // The bundle leaves npm packages external and lives outside the repository: NODE_PATH finds them.
    spawn(process.execPath, [bundle], { env: { PATH: process.env.PATH ?? '', NODE_PATH: join(process.cwd(), 'node_modules'), ...env } });

  const output = (child: ChildProcessWithoutNullStreams, stream: 'stdout' | 'stderr', until: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      let text = '';
      child[stream].on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (until.test(text)) {
          resolve(text);
        }
      });
      child.on('exit', () => (until.test(text) ? resolve(text) : reject(new Error(`exited before printing ${until}: ${text}`))));
    });

  const exitCode = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) {
        resolve(child.exitCode);
      } else {
        child.on('exit', (code) => resolve(code));
      }
    });

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'cvm-emulator-'));
    bundle = join(outDir, 'emulator.js');
    buildSync({
      entryPoints: ['local/emulator/main.ts'],
      outfile: bundle,
      bundle: true,
      packages: 'external',
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'silent',
    });
  });

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it.each([['SIGINT'], ['SIGTERM']] as const)(
    'prints its endpoint and the demo pair, serves the SDK, and exits 0 on %s',
    async (signal) => {
      const child = launch({ CVM_EMULATOR_PORT: '0' });
      const banner = await output(child, 'stdout', /Ctrl-C to stop\./);
      const endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? '';
      expect(endpoint).not.toBe('');
      expect(banner).toContain(`SecretId  ${DEMO_SECRET_ID}`);
      expect(banner).toContain(`SecretKey ${DEMO_SECRET_KEY}`);
      const cvm = createCvmClient({ endpoint });
      expect((await cvm.client.DescribeRegions()).TotalCount).toBeGreaterThan(0);
      cvm.close();
      child.kill(signal);
      expect(await exitCode(child)).toBe(0);
    },
  );

  it.each([
    [{ CVM_EMULATOR_CREDENTIALS: 'AKIDgood:key1,AKIDbad' }, 'cvm-emulator: CVM_EMULATOR_CREDENTIALS entry 2 is not of the form'],
    [{ CVM_EMULATOR_PORT: 'eighty' }, 'cvm-emulator: CVM_EMULATOR_PORT must be an integer from 0 to 65535 (got "eighty").'],
    [{ CVM_EMULATOR_RATE_LIMITS: 'maybe' }, 'cvm-emulator: CVM_EMULATOR_RATE_LIMITS must be "on" or "off" (got "maybe").'],
  ])('refuses to start with %p and says why', async (env, message) => {
    const child = launch({ CVM_EMULATOR_PORT: '0', ...env });
    const errors = await output(child, 'stderr', /\n/);
    expect(errors).toContain(message);
    expect(await exitCode(child)).toBe(1);
  });

  it('never prints the secret key of a configured pair that is not the demo pair', async () => {
    const child = launch({ CVM_EMULATOR_PORT: '0', CVM_EMULATOR_CREDENTIALS: 'AKIDcustom:CustomSecretValue:CustomToken@100000000001' });
    const banner = await output(child, 'stdout', /Ctrl-C to stop\./);
    expect(banner).toContain('SecretId  AKIDcustom   (account 100000000001, temporary)');
    expect(banner).not.toContain('CustomSecretValue');
    expect(banner).not.toContain('CustomToken');
    child.kill('SIGTERM');
    expect(await exitCode(child)).toBe(0);
  });
});
