/**
 * No secret ever reaches a log line or a response (api-contract.md "Errors"): a marker SecretKey and
 * token go through every path — success, upstream refusals, our refusals, malformed input, upstream
 * faults, function-role keys — with debug logging on, and neither they nor the Basic header that
 * encodes them appear in anything the BUILT bundles write or return.
 */
import type { IntegratedResponse } from '../../../lib/http/response';
import { DEMO_CREDENTIALS, DEMO_SECRET_ID } from '../../../local/emulator/accounts';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { apiGatewayEvent, functionUrlEvent, loadFunction, type Environment, type FunctionContainer } from '../support/function-bundles';

const MARKER_ID = 'AKIDMARKERKEYPAIR0000000000000000000';
const MARKER_KEY = 'MarkerSecretKeyNeverLogged000000';
const MARKER_TOKEN = 'MarkerSessionTokenNeverLogged000000000';
const MARKER_BASIC = Buffer.from(`${MARKER_ID}:${MARKER_KEY}`).toString('base64');
const FORBIDDEN = [MARKER_KEY, MARKER_TOKEN, MARKER_BASIC];

const query = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const markerQuery = (extra: Record<string, string> = {}) => query({ secretId: MARKER_ID, secretKey: MARKER_KEY, token: MARKER_TOKEN, ...extra });

let emulator: TestEmulator;
const written: string[] = [];
const responses: IntegratedResponse[] = [];
let restore: () => void;

beforeAll(async () => {
  emulator = await startTestEmulator({ rateLimits: false, credentials: `${DEMO_CREDENTIALS},${MARKER_ID}:${MARKER_KEY}:${MARKER_TOKEN}` });
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  restore = () => {
    stdout.mockRestore();
    stderr.mockRestore();
  };
});

afterAll(async () => {
  restore();
  await emulator.close();
});

const containers = new Map<string, FunctionContainer>();

/** One container per function and deployment settings, as SCF would keep warm. */
async function call(name: string, event: unknown, env: Environment = {}): Promise<IntegratedResponse> {
  const settings = { CVM_ENDPOINT: emulator.endpoint, LOG_LEVEL: 'debug', CVM_REQUEST_TIMEOUT_MS: '300', ...env };
  const key = JSON.stringify([name, settings]);
  const container = containers.get(key) ?? loadFunction(name, settings);
  containers.set(key, container);
  const response = await container.invoke(event);
  responses.push(response);
  return response;
}

describe('secrets', () => {
  it('never appear in logs or responses, whatever happens to the request', async () => {
    const statuses = [
      (await call('regions', apiGatewayEvent({ path: '/api/regions', rawQuery: markerQuery() }))).statusCode,
      (await call('zones', functionUrlEvent({ path: '/api/zones', rawQuery: 'region=ap-guangzhou', headers: { Authorization: `Basic ${MARKER_BASIC}`, 'X-TC-Token': MARKER_TOKEN } }))).statusCode,
      (await call('images', apiGatewayEvent({ path: '/api/images', rawQuery: markerQuery({ region: 'ap-guangzhou' }) }))).statusCode,
      (await call('instance-types', apiGatewayEvent({ path: '/api/instance-types', rawQuery: markerQuery({ region: 'ap-guangzhou' }) }))).statusCode,
      (await call('zones', apiGatewayEvent({ path: '/api/zones', rawQuery: markerQuery({ region: 'ap-atlantis' }) }))).statusCode,
      (await call('zones', apiGatewayEvent({ path: '/api/zones', rawQuery: markerQuery() }))).statusCode,
      (await call('regions', apiGatewayEvent({ path: '/api/regions', rawQuery: query({ secretId: DEMO_SECRET_ID, secretKey: MARKER_KEY }) }))).statusCode,
      (await call('regions', apiGatewayEvent({ path: '/api/regions', rawQuery: query({ secretId: MARKER_ID, secretKey: MARKER_KEY }) }))).statusCode,
      (await call('regions', apiGatewayEvent({ path: '/api/regions', rawQuery: markerQuery() }), { ALLOW_QUERY_CREDENTIALS: 'false' })).statusCode,
      (await call('regions', apiGatewayEvent({ path: '/api/regions', rawQuery: `${markerQuery()}&secretKey=${MARKER_KEY}` }))).statusCode,
      (await call('regions', apiGatewayEvent({ path: '/api/regions', rawQuery: query({ secretId: MARKER_ID, secretKey: `${MARKER_KEY} x` }) }))).statusCode,
      (await call('regions', apiGatewayEvent({ path: '/api/regions', headers: { Authorization: `Basic ${MARKER_BASIC}!` } }))).statusCode,
      (await call('regions', apiGatewayEvent({ path: '/api/regions', headers: { Authorization: `Bearer ${MARKER_KEY}` } }))).statusCode,
      (await call('regions', apiGatewayEvent({ path: '/api/regions' }), {
        USE_FUNCTION_ROLE_CREDENTIALS: 'true',
        TENCENTCLOUD_SECRETID: MARKER_ID,
        TENCENTCLOUD_SECRETKEY: MARKER_KEY,
        TENCENTCLOUD_SESSIONTOKEN: MARKER_TOKEN,
      })).statusCode,
    ];
    // Lasting faults: the read routes retry one-off failures (lib/cvm/retry-policy.ts).
    await emulator.control.addFault({ action: 'DescribeRegions', kind: 'latency', latencyMs: 700 });
    statuses.push((await call('regions', apiGatewayEvent({ path: '/api/regions', rawQuery: markerQuery() }))).statusCode);
    await emulator.control.clearFaults();
    await emulator.control.addFault({ action: 'DescribeRegions', kind: 'drop-before' });
    statuses.push((await call('regions', apiGatewayEvent({ path: '/api/regions', rawQuery: markerQuery() }))).statusCode);

    expect(statuses).toEqual([200, 200, 200, 200, 400, 400, 401, 401, 403, 400, 401, 401, 401, 200, 504, 502]);
    // The capture saw every invocation: one access line each, plus debug and failure lines.
    expect(written.filter((line) => line.includes('"msg":"request"'))).toHaveLength(statuses.length);
    const everything = [...written, ...responses.map((response) => JSON.stringify(response))].join('\n');
    for (const secret of FORBIDDEN) expect(everything).not.toContain(secret);
  });
});
