/**
 * A full end-to-end run with marker secrets: the emulator knows only marker key pairs (one permanent,
 * one temporary with a session token), and every route is called through the harness with the keys in
 * every place a caller can put them (Authorization: Basic, query string, JSON body, X-TC-Token), with a
 * wrong key, with a marker login password, with bad input and under every upstream fault kind, all at
 * debug log level. Every byte the run writes — the functions' log lines on stdout and stderr, the
 * harness's access log — and every answer (status line, headers, body) is captured; no marker, no
 * Basic header that encodes one and no TC3 signature may appear in any of it.
 */
import { httpRoutes, type HttpRoute } from '../../functions/routes';
import type { FaultSpec } from '../../local/emulator/control/faults';
import { createCvmClient, type CvmTestClient } from '../helpers/cvm-client';
import { type LocalStack, startLocalStack } from '../helpers/harness';
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
import { send } from './support/send';

const MARKER_ID = 'AKIDSECRETSRUNMARKER0000000000000000';
const MARKER_KEY = 'SecretsRunMarkerSecretKey0000001';
const TEMP_ID = 'AKIDSECRETSRUNTEMPORARY0000000000000';
const TEMP_KEY = 'SecretsRunMarkerTemporaryKey0002';
const TEMP_TOKEN = 'SecretsRunMarkerSessionToken00000000003';
const WRONG_KEY = 'SecretsRunMarkerWrongSecretKey04';
const PASSWORD = 'SecretsRun#MarkerPassw0rd5';

const encodedBasic = (secretId: string, secretKey: string): string => basicAuthorization(secretId, secretKey).slice('Basic '.length);
const FORBIDDEN = [
  MARKER_KEY,
  TEMP_KEY,
  TEMP_TOKEN,
  WRONG_KEY,
  PASSWORD,
  encodedBasic(MARKER_ID, MARKER_KEY),
  encodedBasic(MARKER_ID, WRONG_KEY),
  encodedBasic(TEMP_ID, TEMP_KEY),
];
/** A TC3 signature as the SDK writes it into the Authorization header (reference §2.4). */
const TC3_SIGNATURE = /Signature=[0-9a-f]{64}/;
/** One fault of each kind; the injected error's message quotes the key, as a careless upstream might. */
const FAULTS: readonly Omit<FaultSpec, 'action'>[] = [
  { kind: 'latency', latencyMs: 600 },
  { kind: 'error', code: 'InternalError', message: `internal error near ${MARKER_KEY}` },
  { kind: 'error', code: 'InvalidParameterValue', message: `bad value ${MARKER_KEY}` },
  { kind: 'malformed' },
  { kind: 'truncated' },
  { kind: 'http5xx', status: 503 },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
];
/** Both key pairs in one account, so that either can change the instances the other made. */
const ACCOUNT = '100000000777';

function withCredentialsInPlace(route: HttpRoute, target: string, init: RequestInit, place: 'query' | 'body'): [string, RequestInit] {
  const headers = { ...(init.headers as Record<string, string>) };
  delete headers.Authorization;
  if (place === 'query') {
    const separator = target.includes('?') ? '&' : '?';
    return [`${target}${separator}secretId=${MARKER_ID}&secretKey=${MARKER_KEY}`, { ...init, headers }];
  }
  const body = { ...(JSON.parse(String(init.body ?? '{}')) as Record<string, unknown>), secretId: MARKER_ID, secretKey: MARKER_KEY };
  return [target, { ...init, method: route.method, headers, body: JSON.stringify(body) }];
}

describe('a full run with marker secrets', () => {
  let stack: LocalStack;
  let sdk: CvmTestClient;
  let fixtures: InstanceFixtures;
  const captured: string[] = [];
  const restores: (() => void)[] = [];

  async function call(target: string, init: RequestInit): Promise<number> {
    const answer = await send(stack.url, target, init);
    captured.push(`${answer.status} ${JSON.stringify([...answer.headers.entries()])} ${answer.text}`);
    return answer.status;
  }

  beforeAll(async () => {
    stack = await startLocalStack({
      emulator: { rateLimits: false, credentials: `${MARKER_ID}:${MARKER_KEY}@${ACCOUNT},${TEMP_ID}:${TEMP_KEY}:${TEMP_TOKEN}@${ACCOUNT}` },
      env: { LOG_LEVEL: 'debug', CVM_REQUEST_TIMEOUT_MS: '300', CVM_RETRY_BUDGET_MS: '700' },
    });
    sdk = createCvmClient({ endpoint: stack.emulator.endpoint, secretId: MARKER_ID, secretKey: MARKER_KEY });
    fixtures = instanceFixtures(stack.emulator.control, sdk);
    for (const stream of [process.stdout, process.stderr]) {
      const spy = jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        captured.push(String(chunk));
        return true;
      });
      restores.push(() => spy.mockRestore());
    }
  });

  afterAll(async () => {
    for (const restore of restores) restore();
    sdk.close();
    await stack.close();
  });

  it('calls every route successfully with the keys in the Authorization header, the query or the body, and with a session token', async () => {
    const statuses: number[] = [];
    for (const route of httpRoutes) {
      const basic = await routeCallFor(route, basicAuthorization(MARKER_ID, MARKER_KEY), fixtures);
      statuses.push(await call(basic.target, basic.init));
      const inline = await routeCallFor(route, '', fixtures);
      statuses.push(await call(...withCredentialsInPlace(route, inline.target, inline.init, route.method === 'GET' ? 'query' : 'body')));
      const temporary = await routeCallFor(route, basicAuthorization(TEMP_ID, TEMP_KEY), fixtures);
      const headers = { ...(temporary.init.headers as Record<string, string>), 'X-TC-Token': TEMP_TOKEN };
      statuses.push(await call(temporary.target, { ...temporary.init, headers }));
    }

    expect(statuses).toEqual(statuses.map(() => 200));
  });

  it('refuses every route a wrong key and a wrong token, and answers bad input without a 5xx, repeating none of them', async () => {
    const refusals: number[] = [];
    const badInput: number[] = [];
    for (const route of httpRoutes) {
      const wrong = await routeCallFor(route, basicAuthorization(MARKER_ID, WRONG_KEY), fixtures);
      refusals.push(await call(wrong.target, wrong.init));
      const badToken = await routeCallFor(route, basicAuthorization(TEMP_ID, TEMP_KEY), fixtures);
      const badTokenHeaders = { ...(badToken.init.headers as Record<string, string>), 'X-TC-Token': `${TEMP_TOKEN}x` };
      refusals.push(await call(badToken.target, { ...badToken.init, headers: badTokenHeaders }));
      const target = `${route.path}?region=${encodeURIComponent(MARKER_KEY)}&secretKey=${MARKER_KEY}&secretId=${MARKER_ID}&limit=-1`;
      const init = route.method === 'GET' ? {} : { method: route.method, headers: { 'Content-Type': 'application/json' }, body: `{"secretKey":"${MARKER_KEY}",` };
      badInput.push(await call(target, init));
    }

    expect(refusals).toEqual(refusals.map(() => 401));
    expect(badInput.filter((status) => status >= 500)).toEqual([]);
  });

  it('creates an instance with a marker login password, and refuses a weak one, without repeating either', async () => {
    const body = { region: REGION, zone: ZONE, imageId: IMAGE_ID, instanceType: INSTANCE_TYPE, password: PASSWORD };
    const headers = { Authorization: basicAuthorization(MARKER_ID, MARKER_KEY), 'Content-Type': 'application/json' };

    expect(await call('/api/instances', { method: 'POST', headers, body: JSON.stringify(body) })).toBe(200);
    expect(await call('/api/instances', { method: 'POST', headers, body: JSON.stringify({ ...body, password: `${PASSWORD.slice(0, 5)}` }) })).toBe(400);
  });

  const faultRows = FAULTS.map((fault) => [fault.code ?? fault.kind, fault] as const);

  it.each(faultRows)('fails every route under the %s fault without repeating a secret', async (_name, fault) => {
    const statuses: number[] = [];
    for (const route of httpRoutes) {
      const faulted = await routeCallFor(route, basicAuthorization(MARKER_ID, MARKER_KEY), fixtures);
      await stack.emulator.control.addFault({ action: '*', ...fault });
      statuses.push(await call(faulted.target, faulted.init));
      await stack.emulator.control.clearFaults();
    }

    expect(statuses.filter((status) => status < 400)).toEqual([]);
  });

  it('wrote and answered nothing that holds a marker secret, a Basic header encoding one, or a TC3 signature', () => {
    const everything = [...captured, ...stack.accessLog].join('\n');

    expect(captured.filter((text) => text.startsWith('{')).length).toBeGreaterThan(100);
    expect(FORBIDDEN.filter((secret) => everything.includes(secret))).toEqual([]);
    expect(everything).not.toMatch(TC3_SIGNATURE);
  });
});
