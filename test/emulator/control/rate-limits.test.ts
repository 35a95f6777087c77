import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../local/emulator/accounts';
import { createCvmClient, sdkException, type CvmTestClient } from '../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const OTHER_ID = 'AKIDOTHERACCOUNTKEY00000000000000000';
const OTHER_KEY = 'OtherAccountSecretKey00000000000';

describe('per-account, per-action rate limits (reference §4.0)', () => {
  let emulator: TestEmulator;
  let demo: CvmTestClient;
  let other: CvmTestClient;

  const outcomes = (results: PromiseSettledResult<unknown>[]): string[] =>
    results.map((result) => (result.status === 'fulfilled' ? 'ok' : String((result.reason as { code?: string }).code)));

  beforeAll(async () => {
    emulator = await startTestEmulator({ credentials: `${DEMO_SECRET_ID}:${DEMO_SECRET_KEY},${OTHER_ID}:${OTHER_KEY}` });
    demo = createCvmClient({ endpoint: emulator.endpoint });
    other = createCvmClient({ endpoint: emulator.endpoint, secretId: OTHER_ID, secretKey: OTHER_KEY });
  });

  beforeEach(async () => {
    await emulator.control.setRateLimits({ enabled: true, perSecond: {} });
    await emulator.control.reset();
  });

  afterAll(async () => {
    demo.close();
    other.close();
    await emulator.close();
  });

  it('admits the documented 20 DescribeRegions calls in a second and refuses the 21st', async () => {
    const results = await Promise.allSettled(Array.from({ length: 21 }, () => demo.client.DescribeRegions()));
    expect(outcomes(results).filter((outcome) => outcome === 'ok')).toHaveLength(20);
    expect(outcomes(results).filter((outcome) => outcome === 'RequestLimitExceeded')).toHaveLength(1);
  });

  it('answers RequestLimitExceeded with the real envelope once a lowered limit is reached', async () => {
    await emulator.control.setRateLimits({ perSecond: { DescribeZones: 2 } });
    await demo.client.DescribeZones();
    await demo.client.DescribeZones();
    const error = await sdkException(demo.client.DescribeZones());
    expect(error.code).toBe('RequestLimitExceeded');
    expect(error.message).toBe(
      'Your current request count for `DescribeZones` is 3 in one second, which exceeds the frequency limit of 2 per second. Please reduce the frequency of calls.',
    );
    expect(error.requestId).toMatch(UUID);
    expect((await emulator.control.counters()).DescribeZones).toMatchObject({ received: 3, invoked: 2, errors: { RequestLimitExceeded: 1 } });
  });

  it('counts each account and each action separately', async () => {
    await emulator.control.setRateLimits({ perSecond: { DescribeZones: 1, DescribeRegions: 1 } });
    await demo.client.DescribeZones();
    await expect(other.client.DescribeZones()).resolves.toMatchObject({ RequestId: expect.stringMatching(UUID) });
    await expect(demo.client.DescribeRegions()).resolves.toMatchObject({ RequestId: expect.stringMatching(UUID) });
    expect((await sdkException(demo.client.DescribeZones())).code).toBe('RequestLimitExceeded');
  });

  it('admits everything once disabled, and reports the settings', async () => {
    const settings = await emulator.control.setRateLimits({ enabled: false, perSecond: { DescribeZones: 1 } });
    expect(settings).toMatchObject({ enabled: false, perSecond: { DescribeZones: 1, RunInstances: 10 } });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => demo.client.DescribeZones()));
    expect(outcomes(results)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('keeps its settings across a reset, which only clears the windows', async () => {
    await emulator.control.setRateLimits({ perSecond: { DescribeZones: 1 } });
    await demo.client.DescribeZones();
    await emulator.control.reset();
    await expect(demo.client.DescribeZones()).resolves.toMatchObject({ RequestId: expect.stringMatching(UUID) });
    expect((await sdkException(demo.client.DescribeZones())).code).toBe('RequestLimitExceeded');
  });

  it('starts disabled when the emulator is started with rate limits off', async () => {
    const unlimited = await startTestEmulator({ rateLimits: false });
    expect(await unlimited.control.rateLimits()).toMatchObject({ enabled: false });
    await unlimited.close();
  });
});
