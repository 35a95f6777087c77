import { main_handler as rebootHandler } from '../../../../functions/instances-reboot/handler';
import { main_handler as startHandler } from '../../../../functions/instances-start/handler';
import { main_handler as stopHandler } from '../../../../functions/instances-stop/handler';
import { main_handler as terminateHandler } from '../../../../functions/instances-terminate/handler';
import type { ScfHttpHandler } from '../../../../lib/http/http-handler';
import { createCvmClient, type CvmTestClient } from '../../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator';
import { BODY_CREDENTIALS, DEMO_SECRET_KEY, captureLogLines, invoke, useEmulator, type ErrorBody } from '../instances-shared/invoke';

/**
 * PUT /api/instances/{start|stop|reboot|terminate} in-process against the emulator's state machine
 * (reference §4.13): refused bodies, upstream state refusals, unknown ids, lost answers that are never
 * retried, and `wait`.
 */

const REGION = 'ap-guangzhou';

interface Route {
  readonly name: string;
  readonly action: string;
  readonly handler: ScfHttpHandler;
  readonly path: string;
  /** A state the operation is accepted in, and one it is refused in with this code. */
  readonly acceptedIn: 'RUNNING' | 'STOPPED';
  readonly refusedIn: 'RUNNING' | 'STOPPED';
  readonly refusalCode: string;
}

const start: Route = { name: 'start', action: 'StartInstances', handler: startHandler, path: '/api/instances/start', acceptedIn: 'STOPPED', refusedIn: 'RUNNING', refusalCode: 'UnsupportedOperation.InstanceStateRunning' };
const stop: Route = { name: 'stop', action: 'StopInstances', handler: stopHandler, path: '/api/instances/stop', acceptedIn: 'RUNNING', refusedIn: 'STOPPED', refusalCode: 'UnsupportedOperation.InstanceStateStopped' };
const reboot: Route = { name: 'reboot', action: 'RebootInstances', handler: rebootHandler, path: '/api/instances/reboot', acceptedIn: 'RUNNING', refusedIn: 'STOPPED', refusalCode: 'UnsupportedOperation.InstanceStateStopped' };
const terminate: Route = { name: 'terminate', action: 'TerminateInstances', handler: terminateHandler, path: '/api/instances/terminate', acceptedIn: 'RUNNING', refusedIn: 'RUNNING', refusalCode: '' };
const routes: readonly Route[] = [start, stop, reboot, terminate];
const routeRows = routes.map((route) => [route.name, route] as const);
const refusingRoutes = routes.filter((route) => route.refusalCode !== '').map((route) => [route.name, route] as const);

const ids = (count: number): string[] => Array.from({ length: count }, (_, index) => `ins-${String(index).padStart(8, '0')}`);

function put<Body = { requestId: string }>(route: Route, body: unknown, query: Record<string, string> = {}) {
  return invoke<Body>(route.handler, { method: 'PUT', path: route.path, body, query });
}

describe('instance state-change routes', () => {
  let emulator: TestEmulator;
  let sdk: CvmTestClient;
  let log: ReturnType<typeof captureLogLines>;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    sdk = createCvmClient({ endpoint: emulator.endpoint, region: REGION });
    useEmulator(emulator.endpoint);
  });

  afterAll(async () => {
    sdk.close();
    await emulator.close();
  });

  beforeEach(async () => {
    log = captureLogLines();
    await emulator.control.reset();
    await emulator.control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
  });

  afterEach(() => log.restore());

  async function instancesIn(state: 'RUNNING' | 'STOPPED', count = 1): Promise<string[]> {
    const created = await sdk.client.RunInstances({ Placement: { Zone: 'ap-guangzhou-3' }, ImageId: 'img-8toqc6s3', InstanceCount: count });
    const instanceIds = created.InstanceIdSet ?? [];
    if (state === 'STOPPED') await sdk.client.StopInstances({ InstanceIds: instanceIds });
    return instanceIds;
  }

  async function statesOf(instanceIds: readonly string[]): Promise<string[]> {
    const answer = await sdk.client.DescribeInstancesStatus({ InstanceIds: [...instanceIds] });
    return (answer.InstanceStatusSet ?? []).map((row) => row.InstanceState ?? '');
  }

  describe.each(routeRows)('%s', (_name, route) => {
    it.each<[string, unknown, { field: string; message: string }[]]>([
      ['an empty id list', { ...BODY_CREDENTIALS, region: REGION, instanceIds: [] }, [{ field: 'instanceIds', message: 'must list at least one instance id' }]],
      [
        'more ids than one call takes',
        { ...BODY_CREDENTIALS, region: REGION, instanceIds: ids(101) },
        [{ field: 'instanceIds', message: "must list at most 100 instance ids (the CVM API's limit per call)" }],
      ],
      [
        'a malformed id, in snake_case',
        { ...BODY_CREDENTIALS, region: REGION, instance_ids: ['ins-1122'] },
        [{ field: 'instance_ids.0', message: 'must be an instance id such as ins-r8hr2upy' }],
      ],
      ['a repeated id', { ...BODY_CREDENTIALS, region: REGION, instanceIds: ['ins-r8hr2upy', 'ins-r8hr2upy'] }, [{ field: 'instanceIds.1', message: 'repeats ins-r8hr2upy' }]],
      ['no ids and no region', BODY_CREDENTIALS, [{ field: 'region', message: 'is required' }, { field: 'instanceIds', message: 'is required' }]],
      ['an unknown field', { ...BODY_CREDENTIALS, region: REGION, instanceIds: ['ins-r8hr2upy'], force: true }, [{ field: 'force', message: 'is not a known parameter' }]],
    ])('refuses %s with 400 naming the field', async (_case, body, fields) => {
      const answer = await put<ErrorBody>(route, body);

      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'InvalidParameter', fields });
      expect((await emulator.control.counters())[route.action]).toBeUndefined();
    });

    it('acts on every instance and answers 200 with the upstream RequestId', async () => {
      const instanceIds = await instancesIn(route.acceptedIn, 2);

      const answer = await put(route, { ...BODY_CREDENTIALS, region: REGION, instanceIds });

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      const described = await sdk.client.DescribeInstances({ InstanceIds: instanceIds });
      const operations = (described.InstanceSet ?? []).map((instance) => [instance.LatestOperation, instance.LatestOperationRequestId]);
      // A terminated instance is gone at once (lifecycle 0 ms, no retention); the others record the call.
      expect(operations).toEqual(route.name === 'terminate' ? [] : instanceIds.map(() => [route.action, answer.body.requestId]));
    });

    it('answers 404 InvalidInstanceId.NotFound for an unknown id and acts on none of the batch', async () => {
      const instanceIds = await instancesIn(route.acceptedIn);

      const answer = await put<ErrorBody>(route, { ...BODY_CREDENTIALS, region: REGION, instanceIds: [...instanceIds, 'ins-zzzzzzzz'] });

      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('InvalidInstanceId.NotFound');
      expect(await statesOf(instanceIds)).toEqual([route.acceptedIn]);
    });

    it('does not retry a call whose answer was lost, and does not report success', async () => {
      const instanceIds = await instancesIn(route.acceptedIn);
      const { action } = route;
      await emulator.control.addFault({ action, kind: 'drop-after', times: 1 });

      const answer = await put<ErrorBody>(route, { ...BODY_CREDENTIALS, region: REGION, instanceIds });

      expect(answer.status).toBe(502);
      expect(answer.body.error.code).toBe('UpstreamUnreachable');
      expect((await emulator.control.counters())[action]).toMatchObject({ received: 1, invoked: 1 });
    });

    it('retries a call the API refused for throttling, and acts once', async () => {
      const instanceIds = await instancesIn(route.acceptedIn);
      const { action } = route;
      await emulator.control.addFault({ action, kind: 'error', code: 'RequestLimitExceeded', times: 1 });

      const answer = await put(route, { ...BODY_CREDENTIALS, region: REGION, instanceIds });

      expect(answer.status).toBe(200);
      expect((await emulator.control.counters())[action]).toMatchObject({ received: 2, invoked: 1 });
    });

    it('never logs or answers the SecretKey', async () => {
      const instanceIds = await instancesIn(route.acceptedIn);

      const answer = await put(route, { ...BODY_CREDENTIALS, region: REGION, instanceIds });

      expect([answer.text, ...log.lines].join('\n')).not.toContain(DEMO_SECRET_KEY);
    });
  });

  describe.each(refusingRoutes)('%s in a state that forbids it', (_name, route) => {
    it('answers 409 with the upstream code and changes nothing', async () => {
      const instanceIds = await instancesIn(route.refusedIn, 2);

      const answer = await put<ErrorBody>(route, { ...BODY_CREDENTIALS, region: REGION, instanceIds });

      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe(route.refusalCode);
      expect(await statesOf(instanceIds)).toEqual([route.refusedIn, route.refusedIn]);
    });
  });

  it('answers 409 while an instance is still PENDING', async () => {
    await emulator.control.setLifecycle({ transitionMs: 60_000, terminatedRetentionMs: 0 });
    const created = await sdk.client.RunInstances({ Placement: { Zone: 'ap-guangzhou-3' }, ImageId: 'img-8toqc6s3' });

    const answer = await put<ErrorBody>(terminate, { ...BODY_CREDENTIALS, region: REGION, instanceIds: created.InstanceIdSet });

    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('UnsupportedOperation.InstanceStatePending');
  });

  describe('wait', () => {
    it.each<[string, Route, 'RUNNING' | 'STOPPED', Record<string, string>, Record<string, unknown>, string[]]>([
      ['stop', stop, 'RUNNING', { wait: 'true' }, {}, ['STOPPED']],
      ['start', start, 'STOPPED', {}, { wait: true }, ['RUNNING']],
      ['terminate', terminate, 'RUNNING', {}, { wait: true }, []],
    ])('%s answers 200 only once the instances reached the target', async (_name, route, from, query, extra, expected) => {
      await emulator.control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
      const instanceIds = await instancesIn(from);
      await emulator.control.setLifecycle({ transitionMs: 200, terminatedRetentionMs: 0 });

      const answer = await put(route, { ...BODY_CREDENTIALS, region: REGION, instanceIds, ...extra }, query);

      expect(answer.status).toBe(200);
      expect(await statesOf(instanceIds)).toEqual(expected);
    });

    it('answers 202 with the current states when the wait budget runs out first', async () => {
      const instanceIds = await instancesIn('RUNNING');
      await emulator.control.setLifecycle({ transitionMs: 60_000, terminatedRetentionMs: 0 });
      process.env.INSTANCE_WAIT_BUDGET_MS = '300';
      jest.resetModules();
      const { main_handler } = await import('../../../../functions/instances-stop/handler');

      const answer = await invoke(main_handler, { method: 'PUT', path: '/api/instances/stop', body: { ...BODY_CREDENTIALS, region: REGION, instanceIds, wait: true } });
      delete process.env.INSTANCE_WAIT_BUDGET_MS;

      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({
        instances: [{ instanceId: instanceIds[0], instanceState: 'STOPPING' }],
        targetState: 'STOPPED',
        waitOutcome: 'time-out',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    });

    it('refuses wait on reboot, whose end a state cannot show', async () => {
      const answer = await put<ErrorBody>(reboot, { ...BODY_CREDENTIALS, region: REGION, instanceIds: ['ins-r8hr2upy'], wait: true });

      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([{ field: 'wait', message: 'is not a known parameter' }]);
    });

    it('refuses ?wait=true on reboot as it refuses the body field, and reboots nothing', async () => {
      const instanceIds = await instancesIn('RUNNING');

      const answer = await put<ErrorBody>(reboot, { ...BODY_CREDENTIALS, region: REGION, instanceIds }, { wait: 'true' });

      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([{ field: 'wait', message: 'is not a known parameter' }]);
      expect((await emulator.control.counters()).RebootInstances?.received ?? 0).toBe(0);
    });

    it.each(routeRows.filter(([name]) => name !== 'reboot'))(
      '%s refuses a query wait that contradicts the body’s, naming wait, and changes nothing',
      async (_name, route) => {
        const instanceIds = await instancesIn(route.acceptedIn);

        const answer = await put<ErrorBody>(route, { ...BODY_CREDENTIALS, region: REGION, instanceIds, wait: true }, { wait: 'false' });

        expect(answer.status).toBe(400);
        expect(answer.body.error.fields).toEqual([
          { field: 'wait', message: 'is false in the query string but true in the body: send one, or the same value in both' },
        ]);
        expect(await statesOf(instanceIds)).toEqual([route.acceptedIn]);
      },
    );

    it.each(routeRows)('%s refuses an unknown query parameter with 400 naming it, and changes nothing', async (_name, route) => {
      const instanceIds = await instancesIn(route.acceptedIn);

      const answer = await put<ErrorBody>(route, { ...BODY_CREDENTIALS, region: REGION, instanceIds }, { stopType: 'HARD' });

      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('InvalidParameter');
      expect(answer.body.error.fields).toEqual([{ field: 'stopType', message: 'is not a known parameter' }]);
      expect(await statesOf(instanceIds)).toEqual([route.acceptedIn]);
    });
  });

  it('passes stopType and stoppedMode through to StopInstances', async () => {
    const instanceIds = await instancesIn('RUNNING');

    const answer = await put(stop, { ...BODY_CREDENTIALS, region: REGION, instanceIds, stop_type: 'HARD', stoppedMode: 'STOP_CHARGING' });

    expect(answer.status).toBe(200);
    const described = await sdk.client.DescribeInstances({ InstanceIds: instanceIds });
    expect(described.InstanceSet?.[0]).toMatchObject({ InstanceState: 'STOPPED', StopChargingMode: 'STOP_CHARGING' });
  });

  it.each<[string, Route, string, unknown, string]>([
    ['stop', stop, 'stopType', 'GENTLE', 'must be one of SOFT, HARD, SOFT_FIRST'],
    ['stop', stop, 'stoppedMode', 'FREE', 'must be one of KEEP_CHARGING, STOP_CHARGING'],
    ['reboot', reboot, 'stopType', 'GENTLE', 'must be one of SOFT, HARD, SOFT_FIRST'],
    ['start', start, 'wait', 'yes', 'must be true or false'],
  ])('%s refuses %s %j', async (_name, route, field, value, message) => {
    const answer = await put<ErrorBody>(route, { ...BODY_CREDENTIALS, region: REGION, instanceIds: ['ins-r8hr2upy'], [field]: value });

    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([{ field, message }]);
  });
});
