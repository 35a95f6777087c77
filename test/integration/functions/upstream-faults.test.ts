/**
 * Upstream failures of every shape the SDK produces (reference §3.3, style-anchors "Traps"), injected
 * by the emulator's fault API and answered by the BUILT bundles: each becomes the contract's status,
 * never a 500.
 */
import { DEMO_SECRET_ID, DEMO_SECRET_KEY, parseCredentials } from '../../../local/emulator/accounts';
import type { FaultSpec } from '../../../local/emulator/control/faults';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { apiGatewayEvent, bodyOf, loadFunction, seedQuery, type FunctionContainer } from '../support/function-bundles';

const demo = { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY };
/** Short, so that the timeout case needs only a short injected delay. */
const TIMEOUT_MS = 300;

let emulator: TestEmulator;
let zones: FunctionContainer;
let images: FunctionContainer;
let stdout: jest.SpyInstance;

beforeAll(async () => {
  // The functions log every failure at error level; the assertions here are on the responses.
  stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  emulator = await startTestEmulator({ rateLimits: false });
  const env = { CVM_ENDPOINT: emulator.endpoint, CVM_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS), LOG_LEVEL: 'error' };
  zones = loadFunction('zones', env);
  images = loadFunction('images', env);
});

afterEach(() => emulator.control.clearFaults());
afterAll(async () => {
  stdout.mockRestore();
  await emulator.close();
});

function zonesRequest() {
  return apiGatewayEvent({ path: '/api/zones', rawQuery: seedQuery(demo, { region: 'ap-guangzhou' }) });
}

describe('upstream failures', () => {
  it.each<[string, number, string, FaultSpec]>([
    ['an API error code (shape 1)', 409, 'UnsupportedOperation', { action: 'DescribeZones', kind: 'error', code: 'UnsupportedOperation', message: 'not now' }],
    ['InternalError (shape 1)', 502, 'InternalError', { action: 'DescribeZones', kind: 'error', code: 'InternalError', message: 'boom' }],
    ['an undocumented code (shape 1)', 502, 'FailedOperation', { action: 'DescribeZones', kind: 'error', code: 'FailedOperation', message: 'nope' }],
    ['ResourceNotFound (shape 1)', 404, 'ResourceNotFound', { action: 'DescribeZones', kind: 'error', code: 'ResourceNotFound', message: 'gone' }],
    ['UnauthorizedOperation (shape 1)', 403, 'UnauthorizedOperation', { action: 'DescribeZones', kind: 'error', code: 'UnauthorizedOperation', message: 'CAM says no' }],
    ['an HTTP 503 (shape 2)', 502, 'UpstreamHttpError', { action: 'DescribeZones', kind: 'http5xx', status: 503 }],
    ['a dropped connection (shape 3)', 502, 'UpstreamUnreachable', { action: 'DescribeZones', kind: 'drop-before' }],
    ['an answer later than the timeout (shape 3)', 504, 'UpstreamTimeout', { action: 'DescribeZones', kind: 'latency', latencyMs: TIMEOUT_MS + 400 }],
    ['a body that is not JSON (shape 4)', 502, 'UpstreamInvalidResponse', { action: 'DescribeZones', kind: 'malformed' }],
    ['a truncated body (shape 4)', 502, 'UpstreamInvalidResponse', { action: 'DescribeZones', kind: 'truncated' }],
  ])('%s → %i %s', async (_, status, code, fault) => {
    // Lasting: the read routes retry a one-off failure (lib/cvm/retry-policy.ts) and would answer 200.
    await emulator.control.addFault(fault);
    const response = await zones.invoke(zonesRequest());
    expect(response.statusCode).toBe(status);
    const body = bodyOf(response);
    expect((body.error as { code: string }).code).toBe(code);
    expect(typeof body.requestId).toBe('string');
  });

  it('a rate limit → 429 with Retry-After and the upstream RequestId', async () => {
    await emulator.control.addFault({ action: 'DescribeZones', kind: 'error', code: 'RequestLimitExceeded', message: 'slow down' });
    const response = await zones.invoke(zonesRequest());
    expect(response.statusCode).toBe(429);
    expect(response.headers['Retry-After']).toBe('1');
    expect(bodyOf(response).requestId).not.toBe(response.headers['X-Request-Id']);
  });

  it('the emulator’s own per-second limit → 429 RequestLimitExceeded', async () => {
    await emulator.control.setRateLimits({ enabled: true, perSecond: { DescribeZones: 1 } });
    try {
      // Throttled calls are retried for at most ~1.4 s of waits: of six at once under 1/s, some still fail.
      const answers = await Promise.all(Array.from({ length: 6 }, () => zones.invoke(zonesRequest())));
      const statuses = answers.map((answer) => answer.statusCode);
      expect(statuses).toContain(429);
      expect(statuses).toContain(200);
    } finally {
      await emulator.control.setRateLimits({ enabled: false });
    }
  });

  it('a failure on a later images page fails the whole answer, not with partial data', async () => {
    const accountId = parseCredentials(undefined).findKeyPair(DEMO_SECRET_ID)?.accountId ?? '';
    await emulator.control.changeCatalogue({ kind: 'seedPrivateImages', accountId, region: 'ap-seoul', count: 150 });
    // Rate 0.99 spares exactly the first call (the first page) and fails the next 99: every retry too.
    await emulator.control.addFault({ action: 'DescribeImages', kind: 'error', code: 'InternalError', message: 'page lost', rate: 0.99 });
    const response = await images.invoke(apiGatewayEvent({ path: '/api/images', rawQuery: seedQuery(demo, { region: 'ap-seoul' }) }));
    expect(response.statusCode).toBe(502);
    expect(bodyOf(response).error).toEqual({ code: 'InternalError', message: 'page lost' });
  });
});
