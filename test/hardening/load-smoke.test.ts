/**
 * The load scenario of `npm run bench -- --load` (bench/load.ts), run small and short so that the suite
 * notices when it stops working: a few clients cycling through every route for a second and a half
 * get nothing but 200s, and the figures the report prints are filled in.
 */
import { join } from 'node:path';
import { runMixedLoad } from '../../bench/load';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { FUNCTIONS_DIR, REPO_ROOT } from '../helpers/harness';

describe('runMixedLoad', () => {
  let emulator: TestEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: false });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('drives every route with a few clients and sees only 200s', async () => {
    const figures = await runMixedLoad({
      clients: 4,
      warmupMs: 300,
      durationMs: 1500,
      sampleEveryMs: 100,
      emulatorEndpoint: emulator.endpoint,
      functionsDir: FUNCTIONS_DIR,
      serviceConfigPath: join(REPO_ROOT, 'serverless.yml'),
    });

    expect(figures.unexpected).toEqual({});
    expect(figures.functionErrorLines).toBe(0);
    expect(figures.steps).toHaveLength(10);
    expect(figures.steps.every((step) => step.answered > 0 && step.p50Ms > 0)).toBe(true);
    expect(figures.memory.samples.length).toBeGreaterThanOrEqual(5);
    expect(figures.memory.heapGrowth).toBeGreaterThan(0);
  });
});
