import type { FaultSpec } from '../../../local/emulator/control/faults';
import { callFailure, createCvmClient, sdkException, type CvmTestClient } from '../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RUN_REQUEST = { Placement: { Zone: 'ap-guangzhou-3' }, ImageId: 'img-eb30mz89', InstanceType: 'S1.SMALL1' };

describe('injected faults, as the real SDK client sees them', () => {
  let emulator: TestEmulator;
  let cvm: CvmTestClient;

  const instanceCount = async (): Promise<number> => (await cvm.client.DescribeInstances({})).TotalCount ?? -1;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    cvm = createCvmClient({ endpoint: emulator.endpoint });
  });

  beforeEach(async () => {
    await emulator.control.reset();
  });

  afterAll(async () => {
    cvm.close();
    await emulator.close();
  });

  it('error: answers the injected code and message in the real envelope, without running the action', async () => {
    await emulator.control.addFault({ action: 'RunInstances', kind: 'error', code: 'ResourceInsufficient', message: 'No stock.' });
    const error = await sdkException(cvm.client.RunInstances(RUN_REQUEST));
    expect([error.code, error.message, error.httpCode]).toEqual(['ResourceInsufficient', 'No stock.', undefined]);
    expect(error.requestId).toMatch(UUID);
    expect(await instanceCount()).toBe(0);
  });

  it.each([
    [502, 'Bad Gateway', {}],
    [503, 'Service Unavailable', { status: 503 }],
  ])('http5xx: the SDK reports httpCode %i, no code, and the action does not run', async (status, statusText, extra) => {
    await emulator.control.addFault({ action: 'RunInstances', kind: 'http5xx', ...extra });
    const error = await sdkException(cvm.client.RunInstances(RUN_REQUEST));
    expect([error.httpCode, error.message, error.code, error.requestId]).toEqual([status, statusText, undefined, '']);
    expect(await instanceCount()).toBe(0);
  });

  it.each([
    ['drop-before', 0],
    ['drop-after', 1],
  ] as const)('%s: the SDK sees a network error; instances created afterwards: %i', async (kind, created) => {
    await emulator.control.addFault({ action: 'RunInstances', kind });
    const error = await sdkException(cvm.client.RunInstances(RUN_REQUEST));
    expect(error.message).toBe(`request to ${emulator.endpoint}/ failed, reason: socket hang up`);
    expect([error.code, error.httpCode, error.requestId]).toEqual([undefined, undefined, '']);
    expect(await instanceCount()).toBe(created);
  });

  it.each([['malformed'], ['truncated']] as const)(
    '%s: the SDK fails to parse the body (a FetchError, not its own exception) after the action ran',
    async (kind) => {
      await emulator.control.addFault({ action: 'RunInstances', kind });
      const error = await callFailure(cvm.client.RunInstances(RUN_REQUEST));
      expect(error).toMatchObject({ name: 'FetchError', type: 'invalid-json' });
      expect((error as Error).message).toMatch(new RegExp(`^invalid json response body at ${emulator.endpoint}/ reason: `));
      expect(await instanceCount()).toBe(1);
    },
  );

  it('latency: delays the answer, which still succeeds', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', kind: 'latency', latencyMs: 150 });
    const started = Date.now();
    const answer = await cvm.client.DescribeZones();
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    expect(answer.ZoneSet?.length).toBeGreaterThan(0);
  });

  it('latency beyond the client timeout: the SDK times out while the action has already run', async () => {
    const impatient = createCvmClient({ endpoint: emulator.endpoint, reqTimeout: 0.2 });
    await emulator.control.addFault({ action: 'RunInstances', kind: 'latency', latencyMs: 5000 });
    const error = await sdkException(impatient.client.RunInstances(RUN_REQUEST));
    impatient.close();
    expect(error.message).toBe(`network timeout at: ${emulator.endpoint}/`);
    await emulator.control.clearFaults();
    expect(await instanceCount()).toBe(1);
  });

  it('applies only to the matching action and region', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', region: 'ap-beijing', kind: 'http5xx' });
    await expect(cvm.client.DescribeZones()).resolves.toMatchObject({ RequestId: expect.stringMatching(UUID) });
    await expect(cvm.client.DescribeRegions()).resolves.toMatchObject({ RequestId: expect.stringMatching(UUID) });
    const beijing = createCvmClient({ endpoint: emulator.endpoint, region: 'ap-beijing' });
    const error = await sdkException(beijing.client.DescribeZones());
    beijing.close();
    expect(error.httpCode).toBe(502);
  });

  it('honours rate deterministically and stops after `times`', async () => {
    await emulator.control.addFault({ action: '*', kind: 'error', code: 'InternalError', rate: 0.5, times: 2 });
    const outcomes: string[] = [];
    for (let call = 0; call < 6; call += 1) {
      outcomes.push(
        await cvm.client.DescribeRegions().then(
          () => 'ok',
          (error: { code?: string }) => error.code ?? 'no code',
        ),
      );
    }
    expect(outcomes).toEqual(['ok', 'InternalError', 'ok', 'InternalError', 'ok', 'ok']);
    expect(await emulator.control.faults()).toEqual([
      expect.objectContaining({ kind: 'error', matched: 4, applied: 2, remaining: 0 }),
    ]);
  });

  it('stops applying a fault once it is removed by id, and all once cleared', async () => {
    const kept = await emulator.control.addFault({ action: 'DescribeRegions', kind: 'http5xx' });
    const removed = await emulator.control.addFault({ action: 'DescribeZones', kind: 'http5xx' });
    await emulator.control.removeFault(removed.id);
    await expect(cvm.client.DescribeZones()).resolves.toMatchObject({ RequestId: expect.stringMatching(UUID) });
    expect((await emulator.control.faults()).map((fault) => fault.id)).toEqual([kept.id]);
    await emulator.control.clearFaults();
    await expect(cvm.client.DescribeRegions()).resolves.toMatchObject({ RequestId: expect.stringMatching(UUID) });
  });

  it('counts applied faults per action and kind', async () => {
    const faults: FaultSpec[] = [
      { action: 'DescribeRegions', kind: 'latency', latencyMs: 1 },
      { action: 'DescribeRegions', kind: 'http5xx', times: 1 },
    ];
    for (const fault of faults) {
      await emulator.control.addFault(fault);
    }
    await callFailure(cvm.client.DescribeRegions());
    await cvm.client.DescribeRegions();
    expect((await emulator.control.counters()).DescribeRegions).toEqual({
      received: 2,
      invoked: 1,
      succeeded: 1,
      errors: {},
      faults: { latency: 2, http5xx: 1 },
    });
  });
});
