/**
 * `wait` never outlives INSTANCE_WAIT_BUDGET_MS, even while a DescribeInstancesStatus poll is still in
 * flight: the BUILT create bundle, its budget set small for this container, against an emulator whose
 * status polls answer late (a latency fault).
 */
import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../local/emulator/accounts';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { apiGatewayEvent, bodyOf, loadFunction, type FunctionContainer } from '../support/function-bundles';

const REGION = 'ap-guangzhou';
const WAIT_BUDGET_MS = 800;
/** Far past the budget: without a bound on the poll in flight, the answer would come this late. */
const POLL_LATENCY_MS = 4000;

let emulator: TestEmulator;
let create: FunctionContainer;

beforeAll(async () => {
  emulator = await startTestEmulator({ rateLimits: false });
  create = loadFunction('instances-create', { CVM_ENDPOINT: emulator.endpoint, INSTANCE_WAIT_BUDGET_MS: String(WAIT_BUDGET_MS), LOG_LEVEL: 'error' });
});

afterAll(async () => {
  await emulator.close();
});

function createWaiting() {
  const body = { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY, region: REGION, imageId: 'img-8toqc6s3', instanceType: 'S5.MEDIUM4', instanceCount: 2 };
  return apiGatewayEvent({ method: 'POST', path: '/api/instances', rawQuery: 'wait=true', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

describe('POST /api/instances?wait=true with slow status polls', () => {
  beforeEach(async () => {
    await emulator.control.reset();
    await emulator.control.setLifecycle({ transitionMs: 60_000, terminatedRetentionMs: 0 });
  });

  it('answers 202 at the budget while the first poll is still in flight, every state unknown', async () => {
    await emulator.control.addFault({ action: 'DescribeInstancesStatus', kind: 'latency', latencyMs: POLL_LATENCY_MS });
    const started = Date.now();

    const response = await create.invoke(createWaiting());
    const elapsedMs = Date.now() - started;

    expect(response.statusCode).toBe(202);
    const body = bodyOf(response);
    const instanceIds = Array.isArray(body.instanceIds) ? body.instanceIds.map(String) : [];
    expect(instanceIds).toHaveLength(2);
    expect(body).toMatchObject({
      instances: instanceIds.map((instanceId) => ({ instanceId, instanceState: '' })),
      targetState: 'RUNNING',
      waitOutcome: 'time-out',
    });
    expect(elapsedMs).toBeGreaterThanOrEqual(WAIT_BUDGET_MS - 50);
    expect(elapsedMs).toBeLessThan(WAIT_BUDGET_MS + 1000);
  });

  it('answers 202 at the budget with the states of the last answered poll when a later poll hangs', async () => {
    // Every second status poll answers late: the first sees PENDING, the second is still out at the budget.
    await emulator.control.addFault({ action: 'DescribeInstancesStatus', kind: 'latency', latencyMs: POLL_LATENCY_MS, rate: 0.5 });
    const started = Date.now();

    const response = await create.invoke(createWaiting());
    const elapsedMs = Date.now() - started;

    expect(response.statusCode).toBe(202);
    const body = bodyOf(response);
    const instanceIds = Array.isArray(body.instanceIds) ? body.instanceIds.map(String) : [];
    expect(body).toMatchObject({ instances: instanceIds.map((instanceId) => ({ instanceId, instanceState: 'PENDING' })), waitOutcome: 'time-out' });
    expect(elapsedMs).toBeLessThan(WAIT_BUDGET_MS + 1000);
  });
});
