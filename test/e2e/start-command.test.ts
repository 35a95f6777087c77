import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY, REPO_ROOT } from '../helpers/harness';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';

/**
 * `npm start` is `npm run build && node dist/local/start.js`; these tests run the built script as a
 * child process, as a developer would, and call the curl lines it prints.
 */

const START_SCRIPT = join(REPO_ROOT, 'dist', 'local', 'start.js');
const READY_LINE = 'Ctrl-C to stop.';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('no port assigned');
  }
  return address.port;
}

interface StartedProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function runStart(env: Record<string, string | undefined>): StartedProcess {
  if (!existsSync(START_SCRIPT)) {
    throw new Error(`${START_SCRIPT} missing: run npm run build first (npm test does)`);
  }
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete childEnv.CVM_ENDPOINT;
  const child = spawn(process.execPath, [START_SCRIPT], { cwd: REPO_ROOT, env: { ...childEnv, ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(started: StartedProcess, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!started.output().includes(text)) {
    if (Date.now() > deadline || started.child.exitCode !== null) {
      throw new Error(`"${text}" never appeared; output so far:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function printedCurlUrls(output: string): string[] {
  return [...output.matchAll(/^ {2}curl --location --request GET '([^']+)'$/gm)].map((match) => match[1] ?? '');
}

describe('npm start (dist/local/start.js)', () => {
  it('starts the emulator and the harness, prints demo credentials and curl lines that answer 200, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const emulatorPort = await freePort();
    const started = runStart({ PORT: String(port), CVM_EMULATOR_PORT: String(emulatorPort) });
    try {
      await waitForOutput(started, READY_LINE);

      const output = started.output();
      expect(output).toContain(`Local harness listening on http://127.0.0.1:${port}`);
      expect(output).toContain(`CVM emulator on http://127.0.0.1:${emulatorPort}`);
      expect(output).toContain(`SecretId  ${DEMO_SECRET_ID}`);
      expect(output).toContain(`SecretKey ${DEMO_SECRET_KEY}`);
      const urls = printedCurlUrls(output);
      expect(urls.map((url) => new URL(url).pathname)).toEqual(['/api/regions', '/api/zones', '/api/images', '/api/instance-types']);
      for (const url of urls) {
        expect((await fetch(url)).status).toBe(200);
      }
      const basic = /curl -H 'Authorization: (Basic [^']+)' '([^']+)'/.exec(output);
      expect(basic).not.toBeNull();
      expect((await fetch(basic?.[2] ?? '', { headers: { Authorization: basic?.[1] ?? '' } })).status).toBe(200);
    } finally {
      started.child.kill('SIGTERM');
    }

    expect(await started.exited).toBe(0);
    expect(started.output()).toContain('SIGTERM received, shutting down');
  });

  it('with ALLOW_QUERY_CREDENTIALS=false prints only Authorization: Basic curl lines, one per read route, each answering 200', async () => {
    const port = await freePort();
    const started = runStart({ PORT: String(port), CVM_EMULATOR_PORT: String(await freePort()), ALLOW_QUERY_CREDENTIALS: 'false' });
    try {
      await waitForOutput(started, READY_LINE);

      const output = started.output();
      expect(printedCurlUrls(output)).toEqual([]);
      expect(output).not.toContain('secretKey=');
      expect(output).toContain('secretId/secretKey in the query string are refused by this deployment setting (ALLOW_QUERY_CREDENTIALS=false: 403)');
      const basicLines = [...output.matchAll(/^ {2}curl -H 'Authorization: (Basic [^']+)' '([^']+)'$/gm)];
      expect(basicLines.map((match) => new URL(match[2] ?? '').pathname)).toEqual([
        '/api/regions',
        '/api/zones',
        '/api/images',
        '/api/instance-types',
      ]);
      for (const [, authorization, url] of basicLines) {
        expect((await fetch(url ?? '', { headers: { Authorization: authorization ?? '' } })).status).toBe(200);
      }
      const refused = await fetch(`http://127.0.0.1:${port}/api/regions?secretId=${DEMO_SECRET_ID}&secretKey=${DEMO_SECRET_KEY}`);
      expect(refused.status).toBe(403);
    } finally {
      started.child.kill('SIGTERM');
    }
    expect(await started.exited).toBe(0);
  });

  it('fires the inventory timer on demand against the emulator, storing the snapshot locally', async () => {
    const port = await freePort();
    const store = mkdtempSync(join(tmpdir(), 'start-inventory-'));
    const started = runStart({ PORT: String(port), CVM_EMULATOR_PORT: String(await freePort()), INVENTORY_STORE: `dir:${store}` });
    try {
      await waitForOutput(started, READY_LINE);
      const answer = await fetch(`http://127.0.0.1:${port}/_harness/timers/inventory`, { method: 'POST' });
      const body = (await answer.json()) as { function: string; result: { regions: { total: number; failed: string[] } } };

      expect(answer.status).toBe(200);
      expect(body.function).toBe('inventory');
      expect(body.result.regions).toMatchObject({ total: 19, failed: [] });
      expect(readdirSync(join(store, 'snapshots'))).toHaveLength(1);
    } finally {
      started.child.kill('SIGTERM');
      rmSync(store, { recursive: true, force: true });
    }
    expect(await started.exited).toBe(0);
  });

  it('says which port is taken and how to change it, and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const takenPort = address !== null && typeof address !== 'string' ? address.port : 0;
    try {
      const started = runStart({ PORT: String(takenPort), CVM_EMULATOR_PORT: String(await freePort()) });

      expect(await started.exited).toBe(1);
      expect(started.output()).toContain(
        `127.0.0.1:${takenPort} is already in use; stop what is listening there or set PORT to another port`,
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('refuses a PORT that is not a port number', async () => {
    const started = runStart({ PORT: 'eighty' });

    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('PORT must be a port number between 0 and 65535, got "eighty"');
  });

  describe('with CVM_ENDPOINT set', () => {
    let emulator: TestEmulator;

    beforeAll(async () => {
      emulator = await startTestEmulator();
    });

    afterAll(async () => {
      await emulator.close();
    });

    it('uses that endpoint instead of starting an emulator, and prints no key', async () => {
      const port = await freePort();
      const started = runStart({ PORT: String(port), CVM_ENDPOINT: emulator.endpoint });
      try {
        await waitForOutput(started, READY_LINE);

        const output = started.output();
        expect(output).toContain(`Functions call the CVM API at ${emulator.endpoint} (CVM_ENDPOINT); use your own keys.`);
        expect(output).not.toContain('CVM emulator on');
        expect(output).not.toContain(DEMO_SECRET_KEY);
        expect(output).toContain(`'http://127.0.0.1:${port}/api/regions?secretId=<yourSecretId>&secretKey=<yourSecretKey>'`);
        const answer = await fetch(`http://127.0.0.1:${port}/api/regions?secretId=${DEMO_SECRET_ID}&secretKey=${DEMO_SECRET_KEY}`);
        expect(answer.status).toBe(200);
      } finally {
        started.child.kill('SIGTERM');
      }
      expect(await started.exited).toBe(0);
    });
  });
});
