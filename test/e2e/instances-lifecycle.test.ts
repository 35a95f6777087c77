import { startLocalStack, type LocalStack } from '../helpers/harness';
import type { CvmTestClient } from '../helpers/cvm-client';
import {
  FIRST_ZONE_SELLING_TYPE,
  IMAGE_ID,
  INSTANCE_TYPE,
  REGION,
  actionBody,
  createBody,
  emulatorClient,
  instanceCount,
  listInstances,
  listUntil,
  sendJson,
  statesOf,
  type CreatedBody,
  type ErrorBody,
} from './instances-client';

/**
 * The instance routes over HTTP through the harness and the real bundles to the emulator, with the
 * emulator's lifecycle shortened to a few hundred milliseconds (reference §4.13 state machine).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANCE_ID = /^ins-[a-z0-9]{8}$/;
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const INSTANCE_KEYS = [
  'instanceId',
  'instanceName',
  'instanceState',
  'instanceType',
  'cpu',
  'memory',
  'zone',
  'imageId',
  'osName',
  'privateIpAddresses',
  'publicIpAddresses',
  'instanceChargeType',
  'createdTime',
  'expiredTime',
];
/** Short enough that a `wait` ends at its second poll (250 ms). */
const TRANSITION_MS = 100;
/** Long enough to see a transitional state through the harness on a busy machine. */
const OBSERVABLE_TRANSITION_MS = 1000;

describe('instance routes through the harness', () => {
  let stack: LocalStack;
  let cvm: CvmTestClient;

  beforeAll(async () => {
    stack = await startLocalStack();
    cvm = emulatorClient(stack);
    // Load every bundle once (the harness keeps them), so no test's timing includes a cold start.
    await Promise.all([
      sendJson(stack, 'POST', '/api/instances', createBody({ dryRun: true })),
      listInstances(stack),
      ...['start', 'stop', 'reboot', 'terminate'].map((action) => sendJson(stack, 'PUT', `/api/instances/${action}`, actionBody([]))),
    ]);
  });

  afterAll(async () => {
    cvm.close();
    await stack.close();
  });

  beforeEach(async () => {
    await stack.emulator.control.reset();
    await stack.emulator.control.setLifecycle({ transitionMs: TRANSITION_MS, terminatedRetentionMs: 0 });
  });

  it('creates, lists PENDING then RUNNING, stops, starts, reboots and terminates until the list is empty', async () => {
    await stack.emulator.control.setLifecycle({ transitionMs: OBSERVABLE_TRANSITION_MS, terminatedRetentionMs: 0 });
    const created = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody({ instanceCount: 2, instanceName: 'e2e-{R:1}' }));

    expect(created.status).toBe(200);
    expect(Object.keys(created.body)).toEqual(['instanceIds', 'requestId']);
    expect(created.body.instanceIds).toHaveLength(2);
    expect(created.body.instanceIds.every((id) => INSTANCE_ID.test(id))).toBe(true);
    expect(created.body.requestId).toMatch(UUID);
    const ids = created.body.instanceIds;

    const pending = await listInstances(stack);
    expect(pending.status).toBe(200);
    expect(Object.keys(pending.body)).toEqual(['instances', 'totalCount', 'requestId']);
    expect(pending.body.totalCount).toBe('2');
    expect(pending.body.instances.map((instance) => instance.instanceId)).toEqual(ids);
    expect(statesOf(pending.body)).toEqual(['PENDING', 'PENDING']);
    const [first] = pending.body.instances;
    expect(Object.keys(first ?? {})).toEqual(INSTANCE_KEYS);
    expect(first).toMatchObject({
      instanceName: 'e2e-1',
      instanceType: INSTANCE_TYPE,
      cpu: '2',
      memory: '4',
      zone: FIRST_ZONE_SELLING_TYPE,
      imageId: IMAGE_ID,
      publicIpAddresses: [],
      instanceChargeType: 'POSTPAID_BY_HOUR',
      expiredTime: '',
    });
    expect(first?.createdTime).toMatch(ISO_SECONDS);
    expect(first?.privateIpAddresses).toEqual([expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/)]);

    await listUntil(stack, ids, 'RUNNING');
    await stack.emulator.control.setLifecycle({ transitionMs: TRANSITION_MS, terminatedRetentionMs: 0 });

    const stopped = await sendJson<{ requestId: string }>(stack, 'PUT', '/api/instances/stop', actionBody(ids, { wait: true }));
    expect(stopped.status).toBe(200);
    expect(Object.keys(stopped.body)).toEqual(['requestId']);
    expect(statesOf((await listInstances(stack)).body)).toEqual(['STOPPED', 'STOPPED']);

    const started = await sendJson<{ requestId: string }>(stack, 'PUT', '/api/instances/start?wait=true', actionBody(ids));
    expect(started.status).toBe(200);
    expect(statesOf((await listInstances(stack)).body)).toEqual(['RUNNING', 'RUNNING']);

    await stack.emulator.control.setLifecycle({ transitionMs: OBSERVABLE_TRANSITION_MS, terminatedRetentionMs: 0 });
    const rebooted = await sendJson<{ requestId: string }>(stack, 'PUT', '/api/instances/reboot', actionBody(ids, { stopType: 'SOFT' }));
    expect(rebooted.status).toBe(200);
    expect(rebooted.body.requestId).toMatch(UUID);
    expect(statesOf((await listInstances(stack)).body)).toEqual(['REBOOTING', 'REBOOTING']);
    await listUntil(stack, ids, 'RUNNING');
    await stack.emulator.control.setLifecycle({ transitionMs: TRANSITION_MS, terminatedRetentionMs: 0 });

    const terminated = await sendJson<{ requestId: string }>(stack, 'PUT', '/api/instances/terminate', actionBody(ids, { wait: true }));
    expect(terminated.status).toBe(200);
    const after = await listInstances(stack);
    expect(after.body).toMatchObject({ instances: [], totalCount: '0' });
    expect(await instanceCount(cvm)).toBe(0);
  });

  it('answers a create with wait only once every instance is RUNNING, in the plain create shape', async () => {
    const created = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody({ instanceCount: 3, wait: true }));

    expect(created.status).toBe(200);
    expect(Object.keys(created.body)).toEqual(['instanceIds', 'requestId']);
    expect(created.body.instanceIds).toHaveLength(3);
    const listed = await listInstances(stack, `instanceIds=${created.body.instanceIds.join(',')}`);
    expect(statesOf(listed.body)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
  });

  it('stops with a stop type and stopped mode that reach the emulator', async () => {
    const { body } = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody({ wait: true }));

    const stopped = await sendJson(stack, 'PUT', '/api/instances/stop?wait=1', actionBody(body.instanceIds, { stopType: 'HARD', stoppedMode: 'STOP_CHARGING' }));

    expect(stopped.status).toBe(200);
    const described = await cvm.client.DescribeInstances({ InstanceIds: [...body.instanceIds] });
    expect(described.InstanceSet?.[0]).toMatchObject({ InstanceState: 'STOPPED', StopChargingMode: 'STOP_CHARGING' });
  });

  it('uses the image size for the system disk and the first zone selling the type when the body gives neither', async () => {
    const { body } = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody());

    const described = await cvm.client.DescribeInstances({ InstanceIds: [...body.instanceIds] });
    expect(described.InstanceSet?.[0]?.SystemDisk?.DiskSize).toBe(50);
    expect(described.InstanceSet?.[0]?.Placement?.Zone).toBe(FIRST_ZONE_SELLING_TYPE);
  });

  it("keeps the caller's zone and system disk, and accepts the earlier revision's snake_case", async () => {
    const created = await sendJson<CreatedBody>(
      stack,
      'POST',
      '/api/instances',
      createBody({ zone: 'ap-guangzhou-6', instanceType: 'S6.MEDIUM4', systemDisk: { disk_type: 'CLOUD_SSD', disk_size: 80 }, instance_count: 1, wait: true }),
    );

    expect(created.status).toBe(200);
    const described = await cvm.client.DescribeInstances({ InstanceIds: [...created.body.instanceIds] });
    expect(described.InstanceSet?.[0]).toMatchObject({
      Placement: expect.objectContaining({ Zone: 'ap-guangzhou-6' }),
      SystemDisk: expect.objectContaining({ DiskType: 'CLOUD_SSD', DiskSize: 80 }),
    });

    const { instanceIds, ...snakeBody } = actionBody(created.body.instanceIds, { wait: true });
    const stopped = await sendJson(stack, 'PUT', '/api/instances/stop', { ...snakeBody, instance_ids: instanceIds });
    expect(stopped.status).toBe(200);
    expect(statesOf((await listInstances(stack)).body)).toEqual(['STOPPED']);
  });

  it('filters the list by name, zone, state and ids, and pages it as DescribeInstances does', async () => {
    await sendJson(stack, 'POST', '/api/instances', createBody({ instanceCount: 3, instanceName: 'web', wait: true }));
    await stack.emulator.control.setLifecycle({ transitionMs: OBSERVABLE_TRANSITION_MS, terminatedRetentionMs: 0 });
    const { body: db } = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody({ instanceName: 'db', zone: 'ap-guangzhou-6', instanceType: 'S6.MEDIUM4' }));

    const byName = await listInstances(stack, 'instanceName=web');
    expect(byName.body.totalCount).toBe('3');
    const byZone = await listInstances(stack, 'zone=ap-guangzhou-6');
    expect(byZone.body.instances.map((instance) => instance.instanceId)).toEqual(db.instanceIds);
    const byState = await listInstances(stack, 'instanceState=PENDING');
    expect(byState.body.instances.map((instance) => instance.instanceId)).toEqual(db.instanceIds);
    const byIdAndZone = await listInstances(stack, `instanceIds=${db.instanceIds.join(',')}&zone=ap-guangzhou-3`);
    expect(byIdAndZone.body).toMatchObject({ instances: [], totalCount: '0' });
    const page = await listInstances(stack, 'offset=1&limit=2');
    expect(page.body.totalCount).toBe('4');
    expect(page.body.instances).toHaveLength(2);
  });

  it('answers 409 with the upstream code when the state forbids the operation, and changes nothing', async () => {
    const { body } = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody({ wait: true }));

    const answer = await sendJson<ErrorBody>(stack, 'PUT', '/api/instances/start', actionBody(body.instanceIds));

    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('UnsupportedOperation.InstanceStateRunning');
    expect(answer.body.requestId).toMatch(UUID);
    expect(statesOf((await listInstances(stack)).body)).toEqual(['RUNNING']);
  });

  it('answers 404 for an unknown id and acts on none of the batch', async () => {
    const { body } = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody({ wait: true }));
    const batch = [...body.instanceIds, 'ins-00000000'];

    const answer = await sendJson<ErrorBody>(stack, 'PUT', '/api/instances/stop', actionBody(batch));

    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('InvalidInstanceId.NotFound');
    expect(answer.body.error.message).toContain('ins-00000000');
    expect(statesOf((await listInstances(stack)).body)).toEqual(['RUNNING']);
  });

  it('answers a passing dry run with 200 {dryRun, requestId} and creates nothing', async () => {
    const answer = await sendJson<{ dryRun: boolean; requestId: string }>(stack, 'POST', '/api/instances', createBody({ dryRun: true, instanceCount: 5 }));

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ dryRun: true, requestId: expect.stringMatching(UUID) });
    expect(await instanceCount(cvm)).toBe(0);
  });

  it("answers a failing dry run with the upstream error, without the caller's password", async () => {
    const password = 'alllowercaseletters';
    const answer = await sendJson<ErrorBody>(stack, 'POST', '/api/instances', createBody({ dryRun: true, password }));

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('InvalidPassword');
    expect(JSON.stringify(answer.body)).not.toContain(password);
    expect(await instanceCount(cvm)).toBe(0);
  });

  it('lets the dry-run form DryRunOperation count as a pass as well', async () => {
    await stack.emulator.control.addFault({ action: 'RunInstances', kind: 'error', code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.' });

    const answer = await sendJson<{ dryRun: boolean; requestId: string }>(stack, 'POST', '/api/instances', createBody({ dryRun: true }));

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ dryRun: true, requestId: expect.stringMatching(UUID) });
  });

  it('answers 400 naming instanceType when no available zone of the region sells it', async () => {
    const answer = await sendJson<ErrorBody>(stack, 'POST', '/api/instances', createBody({ instanceType: 'S5.NOTSOLD99' }));

    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([{ field: 'instanceType', message: `is not sold in any available zone of ${REGION}; choose another type or region` }]);
  });

  it('answers 400 naming imageId when the image is not in the region', async () => {
    const answer = await sendJson<ErrorBody>(stack, 'POST', '/api/instances', createBody({ imageId: 'img-zzzzzzzz' }));

    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([{ field: 'imageId', message: `is not an image available in ${REGION}` }]);
  });
});
