import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpRoutes } from '../../functions/routes';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY, REPO_ROOT } from '../helpers/harness';

/**
 * `npm run invoke -- <function> …` is `node dist/local/invoke.js <function> …` after a build; run as a
 * child process with no CVM_ENDPOINT, so it starts its own emulator for the run.
 */

const INVOKE_SCRIPT = join(REPO_ROOT, 'dist', 'local', 'invoke.js');

interface InvokeRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function invoke(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): InvokeRun {
  if (!existsSync(INVOKE_SCRIPT)) {
    throw new Error(`${INVOKE_SCRIPT} missing: run npm run build first (npm test does)`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...extraEnv };
  delete env.CVM_ENDPOINT;
  delete env.TENCENTCLOUD_SECRETID;
  delete env.TENCENTCLOUD_SECRETKEY;
  delete env.TENCENTCLOUD_SESSIONTOKEN;
  const run = spawnSync(process.execPath, [INVOKE_SCRIPT, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The printed result: stdout holds that one JSON document and its closing newline, nothing else. */
function printedResult(stdout: string): Record<string, unknown> {
  if (!stdout.endsWith('}\n')) {
    throw new Error(`stdout is not one JSON object and a newline:\n${stdout}`);
  }
  return JSON.parse(stdout) as Record<string, unknown>;
}

const credentials = ['--query', `secretId=${DEMO_SECRET_ID}`, '--query', `secretKey=${DEMO_SECRET_KEY}`];

describe('npm run invoke (dist/local/invoke.js)', () => {
  it('runs a bundle with an API Gateway event and prints its integrated response with the body parsed', () => {
    const run = invoke(['zones', ...credentials, '--query', 'region=ap-guangzhou']);

    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^zones: statusCode 200 \(\d+ ms\)$/m);
    const result = printedResult(run.stdout);
    expect(result).toMatchObject({ isBase64Encoded: false, statusCode: 200, body: { totalCount: '7' } });
    expect(Object.keys(result.body as object)).toEqual(['totalCount', 'zones', 'requestId']);
  });

  it('prints a non-2xx result and still exits 0, as serverless invoke local does', () => {
    const run = invoke(['regions']);

    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^regions: statusCode 401/m);
    expect(printedResult(run.stdout)).toMatchObject({ statusCode: 401, body: { error: { code: 'MissingCredentials' } } });
  });

  it('builds a Function URL event with --trigger url', () => {
    const run = invoke(['regions', '--trigger', 'url', ...credentials]);

    expect(run.status).toBe(0);
    expect(printedResult(run.stdout)).toMatchObject({ statusCode: 200, body: { totalCount: '19' } });
  });

  it('sends the event of an --event file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'invoke-e2e-'));
    try {
      const eventPath = join(directory, 'event.json');
      writeFileSync(
        eventPath,
        JSON.stringify({
          httpMethod: 'GET',
          path: '/api/zones',
          queryString: { region: 'ap-beijing', secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY },
          headers: {},
          body: '',
        }),
      );

      const run = invoke(['zones', '--event', eventPath]);

      expect(run.status).toBe(0);
      const result = printedResult(run.stdout) as { body: { zones: { zone: string }[] } };
      expect(result.body.zones.every((zone) => zone.zone.startsWith('ap-beijing-'))).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('runs the inventory function on a plain checkout with the emulator\'s key pair and the store of INVENTORY_STORE', () => {
    const directory = mkdtempSync(join(tmpdir(), 'invoke-inventory-'));
    try {
      const run = invoke(['inventory'], { INVENTORY_STORE: `dir:${directory}`, LOG_LEVEL: 'info' });

      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/^inventory: returned \(\d+ ms\)$/m);
      expect(run.stderr).toContain('warning: functions.inventory: environment variable INVENTORY_COS_BUCKET');
      const result = printedResult(run.stdout);
      expect(result).toMatchObject({ previousRunId: null, regions: { total: 19, ok: 19, failed: [] } });
      expect(String(result.snapshot).startsWith(join(directory, 'snapshots'))).toBe(true);
      expect(readdirSync(join(directory, 'snapshots'))).toHaveLength(1);
      // The function's log lines went to stderr, one per region.
      expect(run.stderr.match(/"msg":"region inventoried"/g)).toHaveLength(19);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('prints no serverless.yml warning about another function (the inventory bucket) for zones', () => {
    const zones = invoke(['zones', ...credentials, '--query', 'region=ap-guangzhou']);

    expect(zones.status).toBe(0);
    expect(zones.stderr).not.toContain('warning:');
  });

  it('keeps the function\'s log lines off stdout and sends them to stderr', () => {
    const run = invoke(['regions', ...credentials], { LOG_LEVEL: 'info' });

    expect(run.status).toBe(0);
    expect(printedResult(run.stdout)).toMatchObject({ statusCode: 200 });
    expect(run.stdout).not.toContain('"level":"info"');
    expect(run.stderr).toMatch(/^\{"time":"[^"]+","level":"info","msg":"request","function":"regions"/m);
  });

  it('names every function when the one asked for does not exist, and exits 2', () => {
    const run = invoke(['no-such-function']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('invoke: unknown function "no-such-function"; the functions are: ');
    for (const route of httpRoutes) {
      expect(run.stderr).toContain(route.functionName);
    }
  });

  it('explains a usage mistake and exits 2', () => {
    const run = invoke(['regions', '--query', 'novalue']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('invoke: --query expects key=value, got "novalue"');
  });
});
