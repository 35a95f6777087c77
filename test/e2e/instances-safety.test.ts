import { DEMO_SECRET_KEY, startLocalStack, type LocalStack } from '../helpers/harness';
import type { CvmTestClient } from '../helpers/cvm-client';
import {
  actionBody,
  createBody,
  emulatorClient,
  instanceCount,
  listInstances,
  sendJson,
  type CreatedBody,
  type ErrorBody,
} from './instances-client';

/**
 * The instance routes' safety over HTTP through the harness to the emulator: no duplicate purchase
 * (one key twice, a retried network fault), a bounded wait that answers 202, every bad body a 400
 * naming its field, and no secret in any answer or log line.
 */

const WAIT_BUDGET_MS = 400;
const ids = (count: number): string[] => Array.from({ length: count }, (_, index) => `ins-${String(index).padStart(8, '0')}`);

describe('instance routes: safety through the harness', () => {
  let stack: LocalStack;
  let cvm: CvmTestClient;

  beforeAll(async () => {
    stack = await startLocalStack({ env: { LOG_LEVEL: 'debug', INSTANCE_WAIT_BUDGET_MS: String(WAIT_BUDGET_MS) } });
    cvm = emulatorClient(stack);
  });

  afterAll(async () => {
    cvm.close();
    await stack.close();
  });

  beforeEach(async () => {
    await stack.emulator.control.reset();
    await stack.emulator.control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
  });

  describe('no duplicate purchase', () => {
    it('answers the same ids to one create sent twice with one Idempotency-Key, and the emulator holds exactly that many', async () => {
      const headers = { 'Idempotency-Key': 'e2e-order-1' };
      const first = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody({ instanceCount: 3 }), headers);
      const second = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody({ instanceCount: 3 }), headers);

      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      expect(second.body.instanceIds).toEqual(first.body.instanceIds);
      expect(await instanceCount(cvm)).toBe(3);
    });

    it('retries a create whose first upstream attempt was dropped after it ran, with the same token, and makes no duplicate', async () => {
      await stack.emulator.control.addFault({ action: 'RunInstances', kind: 'drop-after', times: 1 });

      const created = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody({ instanceCount: 2 }));

      expect(created.status).toBe(200);
      expect((await stack.emulator.control.counters()).RunInstances).toMatchObject({ received: 2, invoked: 2 });
      const listed = await listInstances(stack);
      expect(listed.body.instances.map((instance) => instance.instanceId)).toEqual(created.body.instanceIds);
      expect(await instanceCount(cvm)).toBe(2);
    });

    it("lets a caller repeat a create whose answer it lost, with its key, without buying twice", async () => {
      await stack.emulator.control.addFault({ action: 'RunInstances', kind: 'drop-after', times: 4 });
      const headers = { 'Idempotency-Key': 'e2e-order-2' };

      const lost = await sendJson<ErrorBody>(stack, 'POST', '/api/instances', createBody({ instanceCount: 2 }), headers);
      const repeated = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody({ instanceCount: 2 }), headers);

      expect(lost.status).toBe(502);
      expect(lost.body.error.code).toBe('UpstreamUnreachable');
      expect(repeated.status).toBe(200);
      expect(repeated.body.instanceIds).toHaveLength(2);
      expect(await instanceCount(cvm)).toBe(2);
    });

    it('does not resend a stop whose answer was lost, and does not report it done', async () => {
      const { body } = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody());
      await stack.emulator.control.addFault({ action: 'StopInstances', kind: 'drop-after', times: 1 });

      const answer = await sendJson<ErrorBody>(stack, 'PUT', '/api/instances/stop', actionBody(body.instanceIds));

      expect(answer.status).toBe(502);
      expect((await stack.emulator.control.counters()).StopInstances).toMatchObject({ received: 1, invoked: 1 });
    });
  });

  describe('wait', () => {
    it('answers a create 202 with the new ids and their states when the wait budget runs out', async () => {
      await stack.emulator.control.setLifecycle({ transitionMs: 60_000, terminatedRetentionMs: 0 });

      const answer = await sendJson<Record<string, unknown>>(stack, 'POST', '/api/instances?wait=true', createBody({ instanceCount: 2 }));

      expect(answer.status).toBe(202);
      const instanceIds = answer.body.instanceIds as string[];
      expect(answer.body).toEqual({
        instanceIds,
        instances: instanceIds.map((instanceId) => ({ instanceId, instanceState: 'PENDING' })),
        targetState: 'RUNNING',
        waitOutcome: 'time-out',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(Object.keys(answer.body)).toEqual(['instanceIds', 'instances', 'targetState', 'waitOutcome', 'requestId']);
    });

    it('answers a start 202 with the states when the wait budget runs out', async () => {
      const { body } = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody());
      await sendJson(stack, 'PUT', '/api/instances/stop', actionBody(body.instanceIds));
      await stack.emulator.control.setLifecycle({ transitionMs: 60_000, terminatedRetentionMs: 0 });

      const answer = await sendJson<Record<string, unknown>>(stack, 'PUT', '/api/instances/start', actionBody(body.instanceIds, { wait: true }));

      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({
        instances: [{ instanceId: body.instanceIds[0], instanceState: 'STARTING' }],
        targetState: 'RUNNING',
        waitOutcome: 'time-out',
      });
    });
  });

  describe('every bad body is a 400 naming the field', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['count 0', { instanceCount: 0 }, 'instanceCount'],
      ['count 101', { instanceCount: 101 }, 'instanceCount'],
      ['an unknown charge type', { instanceChargeType: 'FREE' }, 'instanceChargeType'],
      ['a malformed image id', { imageId: 'ubuntu' }, 'imageId'],
      ['a snake_case disk size out of range', { systemDisk: { disk_size: 4096 } }, 'systemDisk.disk_size'],
      ['a misspelt field', { instanceCont: 2 }, 'instanceCont'],
    ])('create: %s', async (_name, fields, field) => {
      const answer = await sendJson<ErrorBody>(stack, 'POST', '/api/instances', createBody(fields));

      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('InvalidParameter');
      expect(answer.body.error.fields?.map((problem) => problem.field)).toEqual([field]);
    });

    it.each(['start', 'stop', 'reboot', 'terminate'].flatMap((action) =>
      [
        ['an empty id list', actionBody([]), 'instanceIds'],
        ['101 ids', actionBody(ids(101)), 'instanceIds'],
        ['a malformed id', actionBody(['ins-1122']), 'instanceIds.0'],
        ['a malformed snake_case id', { ...actionBody([]), instanceIds: undefined, instance_ids: ['i-123'] }, 'instance_ids.0'],
      ].map(([name, body, field]) => [action, name, body, field] as const),
    ))('%s: %s', async (action, _name, body, field) => {
      const answer = await sendJson<ErrorBody>(stack, 'PUT', `/api/instances/${action}`, body);

      expect(answer.status).toBe(400);
      expect(answer.body.error.fields?.map((problem) => problem.field)).toEqual([field]);
    });

    it.each([
      ['POST', '/api/instances'],
      ['PUT', '/api/instances/start'],
      ['PUT', '/api/instances/terminate'],
    ] as const)('answers 401 on %s %s without credentials, before reading the body', async (method, path) => {
      const { secretId: _id, secretKey: _key, ...withoutCredentials } = createBody({ instanceIds: ['ins-1122'] });
      const answer = await sendJson<ErrorBody>(stack, method, path, withoutCredentials);

      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('MissingCredentials');
    });

    it('refuses a body that is not a JSON object', async () => {
      const answer = await sendJson<ErrorBody>(stack, 'PUT', '/api/instances/stop', '["ins-r8hr2upy"]');

      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
    });
  });

  it('never shows the SecretKey or the login password in answers, access log or function logs', async () => {
    const password = 'Secret-Pass-2024';
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const answers: string[] = [];
    try {
      await stack.emulator.control.addFault({ action: 'RunInstances', kind: 'error', code: 'RequestLimitExceeded', times: 1 });
      const created = await sendJson<CreatedBody>(stack, 'POST', '/api/instances', createBody({ password }));
      const refused = await sendJson(stack, 'POST', '/api/instances', createBody({ password: 'weakweakweak', dryRun: true }));
      const conflict = await sendJson(stack, 'PUT', '/api/instances/start', actionBody(created.body.instanceIds));
      const missing = await sendJson(stack, 'PUT', '/api/instances/stop', actionBody(['ins-zzzzzzzz']));
      answers.push(...[created, refused, conflict, missing].map((answer) => JSON.stringify(answer.body)));
      expect([created.status, refused.status, conflict.status, missing.status]).toEqual([200, 400, 409, 404]);
    } finally {
      spy.mockRestore();
    }

    const everything = [...answers, ...written, ...stack.accessLog].join('\n');
    expect(written.filter((line) => line.includes('retrying upstream call'))).toHaveLength(1);
    expect(everything).not.toContain(DEMO_SECRET_KEY);
    expect(everything).not.toContain(password);
    expect(everything).not.toContain('weakweakweak');
  });
});
