import { connect } from 'node:net';
import type { HttpRoute } from '../../../../functions/routes';
import { securityHeaders } from '../../../../lib/http/response-headers';
import { formatAccessLogLine } from '../../../../local/harness/access-log';
import { HARNESS_SECURITY_HEADERS } from '../../../../local/harness/error-reply';
import type { RunningHarness } from '../../../../local/harness/server';
import { type FixtureHarness, fixtureRoute, startFixtureHarness } from './fixture-harness';

/**
 * The answers the harness makes itself (no route, wrong method, too large, OPTIONS, a function that
 * threw or overran) and how the access log records requests that never reached a function.
 */

const fixtureBundles: Record<string, string> = {
  echo: `exports.main_handler = async (event) => ({ statusCode: 200, headers: { 'Content-Type': 'text/plain' }, body: event.body ?? '' });`,
  throws: `exports.main_handler = async () => { throw new TypeError('boom'); };`,
  slow: `exports.main_handler = () => new Promise((resolve) => setTimeout(() => resolve({ statusCode: 200 }), 300));`,
};

const serviceYaml = `
provider:
  region: ap-beijing
functions:
  slow:
    timeout: 0.05
`;

const routes: readonly HttpRoute[] = [fixtureRoute('echo'), fixtureRoute('echo', 'PUT'), fixtureRoute('throws'), fixtureRoute('slow')];

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the harness\'s own answers', () => {
  let fixture: FixtureHarness;
  let harness: RunningHarness;
  const logLines: string[] = [];

  beforeAll(async () => {
    fixture = await startFixtureHarness({ bundles: fixtureBundles, serviceYaml, routes, log: (line) => logLines.push(line) });
    harness = fixture.harness;
  });

  afterAll(() => fixture.close());

  beforeEach(() => {
    logLines.length = 0;
  });

  it('repeats exactly the security headers the functions send (lib/http/response-headers.ts)', () => {
    expect(HARNESS_SECURITY_HEADERS).toEqual(securityHeaders);
  });

  it.each([
    ['an unknown path', 'GET', '/api/nothing', undefined, 404],
    ['a wrong method', 'DELETE', '/api/echo', undefined, 405],
    ['a plain OPTIONS', 'OPTIONS', '/api/echo', undefined, 204],
    ['a body over 6 MB', 'PUT', '/api/echo', new Uint8Array(6 * 1024 * 1024 + 1), 413],
    ['a function that threw', 'GET', '/api/throws', undefined, 502],
    ['a function that overran its timeout', 'GET', '/api/slow', undefined, 504],
  ])('answers %s (%s %s) with the security headers and X-Request-Id', async (_case, method, path, body, status) => {
    const response = await fetch(`${harness.url}${path}`, { method, body });
    await response.arrayBuffer();

    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(securityHeaders)) {
      expect([name, response.headers.get(name)]).toEqual([name, value]);
    }
    const requestId = response.headers.get('x-api-requestid');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-request-id')).toBe(requestId);
  });

  it('logs its own 413 under `-`, not under the function of the route', async () => {
    const response = await fetch(`${harness.url}/api/echo`, { method: 'PUT', body: new Uint8Array(6 * 1024 * 1024 + 1) });
    await response.arrayBuffer();

    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatch(new RegExp(`^\\S+ PUT /api/echo 413 \\d+ms - ${response.headers.get('x-api-requestid')}$`));
  });

  it('logs a client that disconnects mid-body as aborted (499), at once and without running the function', async () => {
    const socket = connect(harness.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write('PUT /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"instanceIds":');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const disconnectedAt = Date.now();
    socket.destroy();

    await waitFor(() => logLines.length === 1);
    expect(Date.now() - disconnectedAt).toBeLessThan(2_000);
    expect(logLines[0]).toMatch(/^\S+ PUT \/api\/echo 499 \d+ms - [0-9a-f-]{36} aborted$/);
  });
});

describe('formatAccessLogLine', () => {
  const at = new Date('2026-12-03T15:00:00.000Z');
  const entry = { method: 'GET', path: '/api/regions', durationMs: 12, requestId: 'req-1' };

  it.each([
    [{ ...entry, statusCode: 200, functionName: 'regions' }, '2026-12-03T15:00:00.000Z GET /api/regions 200 12ms regions req-1'],
    [{ ...entry, statusCode: 404, functionName: undefined }, '2026-12-03T15:00:00.000Z GET /api/regions 404 12ms - req-1'],
    [{ ...entry, statusCode: 'aborted' as const, functionName: undefined }, '2026-12-03T15:00:00.000Z GET /api/regions 499 12ms - req-1 aborted'],
  ])('formats %j', (line, expected) => {
    expect(formatAccessLogLine(line, at)).toBe(expected);
  });
});
