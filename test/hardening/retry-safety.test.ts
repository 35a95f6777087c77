/**
 * Retries through the harness against one-off faults (`times: 1`): reads recover from every transient
 * failure; the ClientToken-carrying create is retried after a lost answer without creating anything
 * twice; the other writes are retried only after a failure proving nothing ran (throttling), never
 * after a lost answer, whose effect may exist. Every retry is one warn line without secrets.
 */
import { httpRoutes } from '../../functions/routes';
import type { FaultSpec } from '../../local/emulator/control/faults';
import { createCvmClient, type CvmTestClient } from '../helpers/cvm-client';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY, type LocalStack, startLocalStack } from '../helpers/harness';
import {
  basicAuthorization,
  IMAGE_ID,
  INSTANCE_TYPE,
  REGION,
  ZONE,
  instanceFixtures,
  routeCallFor,
  type InstanceFixtures,
} from './support/route-calls';
import { errorEnvelope, send } from './support/send';

const AUTHORIZATION = basicAuthorization(DEMO_SECRET_ID, DEMO_SECRET_KEY);

const transientFaults: readonly (readonly [string, Omit<FaultSpec, 'action'>])[] = [
  ['a time-out', { kind: 'latency', latencyMs: 900 }],
  ['HTTP 502', { kind: 'http5xx' }],
  ['a malformed body', { kind: 'malformed' }],
  ['a truncated body', { kind: 'truncated' }],
  ['a connection reset', { kind: 'drop-before' }],
  ['RequestLimitExceeded', { kind: 'error', code: 'RequestLimitExceeded' }],
  ['InternalError', { kind: 'error', code: 'InternalError' }],
];

const reads = httpRoutes.filter((route) => route.method === 'GET');

interface LogLine {
  readonly msg?: string;
  readonly [field: string]: unknown;
}

describe('retry safety through the harness', () => {
  let stack: LocalStack;
  let sdk: CvmTestClient;
  let fixtures: InstanceFixtures;
  const written: string[] = [];
  let stdout: jest.SpyInstance;

  function retryLines(): LogLine[] {
    return written
      .filter((chunk) => chunk.startsWith('{'))
      .map((chunk) => JSON.parse(chunk) as LogLine)
      .filter((line) => line.msg === 'retrying upstream call');
  }

  async function received(action: string): Promise<number> {
    return (await stack.emulator.control.counters())[action]?.received ?? 0;
  }

  beforeAll(async () => {
    stack = await startLocalStack({ emulator: { rateLimits: false }, env: { LOG_LEVEL: 'warn', CVM_REQUEST_TIMEOUT_MS: '300' } });
    sdk = createCvmClient({ endpoint: stack.emulator.endpoint });
    fixtures = instanceFixtures(stack.emulator.control, sdk);
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });

  afterEach(async () => {
    written.length = 0;
    await stack.emulator.control.reset();
  });

  afterAll(async () => {
    stdout.mockRestore();
    sdk.close();
    await stack.close();
  });

  const readRows = reads.flatMap((route) => transientFaults.map(([fault, spec]) => [route.functionName, fault, route, spec] as const));

  it.each(readRows)('%s recovers from one %s with a retry, logged once without secrets', async (_name, _fault, route, spec) => {
    const call = await routeCallFor(route, AUTHORIZATION, fixtures);
    await stack.emulator.control.addFault({ action: route.cvmAction, ...spec, times: 1 });

    const answer = await send(stack.url, call.target, call.init);

    expect(answer.status).toBe(200);
    expect(await received(route.cvmAction)).toBe(2);
    expect(retryLines()).toEqual([expect.objectContaining({ level: 'warn', action: route.cvmAction, policy: 'safe-read', retry: 1 })]);
    expect(written.join('')).not.toContain(DEMO_SECRET_KEY);
  });

  it('retries a create whose answer was lost with the same ClientToken, and creates its instances once', async () => {
    await stack.emulator.control.addFault({ action: 'RunInstances', kind: 'drop-after', times: 1 });
    const body = { region: REGION, zone: ZONE, imageId: IMAGE_ID, instanceType: INSTANCE_TYPE, instanceCount: 2 };

    const answer = await send(stack.url, '/api/instances', {
      method: 'POST',
      headers: { Authorization: AUTHORIZATION, 'Content-Type': 'application/json', 'Idempotency-Key': 'retry-safety-create-1' },
      body: JSON.stringify(body),
    });
    const listed = await sdk.client.DescribeInstances({ Limit: 100 });

    expect(answer.status).toBe(200);
    expect(await received('RunInstances')).toBe(2);
    expect(listed.TotalCount).toBe(2);
    const createdIds = [...(answer.body as { instanceIds: string[] }).instanceIds].sort();
    expect(createdIds).toEqual((listed.InstanceSet ?? []).map((instance) => instance.InstanceId).sort());
    expect(retryLines()).toEqual([expect.objectContaining({ action: 'RunInstances', policy: 'idempotent-write', failure: 'lost-answer' })]);
  });

  it.each(httpRoutes.filter((route) => route.method === 'PUT').map((route) => [route.functionName, route] as const))(
    '%s is not retried after a lost answer: the 502 tells the caller, and the change happened once',
    async (_name, route) => {
      const call = await routeCallFor(route, AUTHORIZATION, fixtures);
      await stack.emulator.control.addFault({ action: route.cvmAction, kind: 'drop-after', times: 1 });

      const answer = await send(stack.url, call.target, call.init);

      expect(answer.status).toBe(502);
      expect(errorEnvelope(answer.body)?.error.code).toBe('UpstreamUnreachable');
      expect(await received(route.cvmAction)).toBe(1);
      // The action ran (its effect exists) though no answer was written.
      expect((await stack.emulator.control.counters())[route.cvmAction]?.invoked).toBe(1);
      expect(retryLines()).toEqual([]);
    },
  );

  it.each(httpRoutes.filter((route) => route.method === 'PUT').map((route) => [route.functionName, route] as const))(
    '%s is retried after throttling, which proves nothing ran, and succeeds',
    async (_name, route) => {
      const call = await routeCallFor(route, AUTHORIZATION, fixtures);
      await stack.emulator.control.addFault({ action: route.cvmAction, kind: 'error', code: 'RequestLimitExceeded', times: 1 });

      const answer = await send(stack.url, call.target, call.init);

      expect(answer.status).toBe(200);
      expect(await received(route.cvmAction)).toBe(2);
      expect(retryLines()).toEqual([expect.objectContaining({ action: route.cvmAction, policy: 'non-idempotent-write', failure: 'throttled' })]);
    },
  );
});
