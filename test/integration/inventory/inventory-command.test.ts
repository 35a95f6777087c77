import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { InventoryDiff } from '../../../functions/inventory/diff';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

const REPO = resolve(__dirname, '..', '..', '..');
const COMMAND = join(REPO, 'dist', 'local', 'inventory.js');
const ROLE = { secretId: 'AKIDinventorycommand0000000000000000', secretKey: 'InventoryCommandSecretKeyInvento' };

interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runCommand(args: readonly string[], env: Record<string, string>): Promise<CommandResult> {
  return new Promise((done) => {
    execFile(process.execPath, [COMMAND, ...args], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

describe('npm run inventory (dist/local/inventory.js)', () => {
  let storeDir: string;

  beforeEach(async () => {
    expect(existsSync(COMMAND)).toBe(true);
    storeDir = await mkdtemp(join(tmpdir(), 'inventory-command-'));
  });

  afterEach(async () => {
    await rm(storeDir, { recursive: true, force: true });
  });

  it('starts an emulator for the run, shows one line per region and says where the snapshot and diff went', async () => {
    const { code, stdout } = await runCommand(['--time', '2024-08-01T00:00:00Z'], { INVENTORY_STORE: `dir:${storeDir}` });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Inventory: timer "inventory" fired for 2024-08-01T00:00:00Z, CVM API at the emulator at http:\/\/127\.0\.0\.1:\d+ \(started for this run\)$/m);
    const progress = stdout.split('\n').filter((line) => /^ {2}\[\s*\d+\/\d+\] /.test(line));
    expect(progress).toHaveLength(19);
    expect(progress.every((line) => / ok /.test(line))).toBe(true);
    expect(stdout).toContain('Run 20240801T000000Z-inventory: recorded');
    expect(stdout).toContain('  regions: 19 of 19 ok');
    expect(stdout).toContain(`Snapshot: ${join(storeDir, 'snapshots', '20240801T000000Z-inventory.json')}`);
    expect(stdout).toContain(`Diff:     ${join(storeDir, 'diffs', '20240801T000000Z-inventory.json')}`);
    expect(existsSync(join(storeDir, 'snapshots', '20240801T000000Z-inventory.json'))).toBe(true);

    const again = await runCommand(['--time', '2024-08-01T00:00:00Z'], { INVENTORY_STORE: `dir:${storeDir}` });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Run 20240801T000000Z-inventory: already recorded for this firing; nothing collected or written');
  }, 30_000);

  describe('against the emulator CVM_ENDPOINT names', () => {
    let emulator: TestEmulator;

    beforeAll(async () => {
      emulator = await startTestEmulator({ credentials: `${ROLE.secretId}:${ROLE.secretKey}` });
    });

    afterAll(async () => {
      await emulator.close();
    });

    const env = (): Record<string, string> => ({
      CVM_ENDPOINT: emulator.endpoint,
      TENCENTCLOUD_SECRETID: ROLE.secretId,
      TENCENTCLOUD_SECRETKEY: ROLE.secretKey,
      INVENTORY_STORE: `dir:${storeDir}`,
    });

    it('reports the catalogue change made between two runs', async () => {
      expect((await runCommand(['--time', '2024-08-01T00:00:00Z'], env())).code).toBe(0);
      await emulator.control.setRateLimits({});
      await emulator.control.changeCatalogue({ kind: 'removeZone', region: 'ap-nanjing', zone: 'ap-nanjing-3' });
      const second = await runCommand(['--time', '2024-08-01T00:30:00Z'], env());
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('  changes: 1 zone removed since 20240801T000000Z-inventory');
      const diff = JSON.parse(await readFile(join(storeDir, 'diffs', '20240801T003000Z-inventory.json'), 'utf8')) as InventoryDiff;
      expect(diff.zones.removed).toEqual([{ region: 'ap-nanjing', zone: 'ap-nanjing-3', zoneName: expect.any(String) }]);
    }, 30_000);

    it('marks the failing region in the progress and exits 0, since the run was recorded', async () => {
      await emulator.control.setRateLimits({});
      await emulator.control.addFault({ action: 'DescribeZones', region: 'eu-frankfurt', kind: 'error', code: 'UnauthorizedOperation' });
      const { code, stdout } = await runCommand(['--time', '2024-08-02T00:00:00Z'], env());
      await emulator.control.clearFaults();
      expect(code).toBe(0);
      expect(stdout).toMatch(/\] eu-frankfurt\s+FAILED {2}UnauthorizedOperation/);
      expect(stdout).toContain('  regions: 18 of 19 ok; failed: eu-frankfurt UnauthorizedOperation');
    }, 30_000);

    it('exits 1 with the function\'s error code when the run fails', async () => {
      const { code, stderr } = await runCommand([], { ...env(), TENCENTCLOUD_SECRETKEY: 'NotTheRightSecretKeyNotTheRightK' });
      expect(code).toBe(1);
      expect(stderr).toMatch(/^inventory failed: AuthFailure\.SignatureFailure: /m);
      expect(stderr).not.toContain('NotTheRightSecretKey');
    }, 30_000);
  });

  it('exits 2 for a usage mistake', async () => {
    const { code, stderr } = await runCommand(['--time', 'soon'], {});
    expect(code).toBe(2);
    expect(stderr).toContain('--time must be an ISO 8601 time');
  });
});
