import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpRoute } from '../../../../functions/routes';
import { type RunningHarness, startHarness } from '../../../../local/harness/server';
import { type FixtureHarness, fixtureRoute, startFixtureHarness } from './fixture-harness';

/**
 * The harness against small fixture bundles (plain CommonJS, as esbuild emits), so that every way a
 * function can answer — or fail to — is exercised without the real handlers.
 */

const fixtureBundles: Record<string, string> = {
  echo: `
    let invocations = 0;
    exports.main_handler = async (event, context) => {
      invocations += 1;
      return {
        isBase64Encoded: false,
        statusCode: 200,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          event,
          context: { ...context, remaining: context.getRemainingTimeInMillis() },
          variable: process.env.HARNESS_FIXTURE_VARIABLE,
          invocations,
        }),
      };
    };`,
  'not-integrated': `exports.main_handler = async () => ({ regions: [] });`,
  throws: `exports.main_handler = async () => { throw new TypeError('message with secretKey=abc'); };`,
  slow: `exports.main_handler = () => new Promise((resolve) => setTimeout(() => resolve({ statusCode: 200 }), 300));`,
  binary: `exports.main_handler = async () => ({ isBase64Encoded: true, statusCode: 201, headers: { 'Content-Type': 'application/octet-stream' }, body: '//4AgA==' });`,
  'no-handler': `exports.handler = async () => ({ statusCode: 200 });`,
  'init-fails': `throw new RangeError('bad configuration value');`,
};

const serviceYaml = `
provider:
  region: ap-beijing
  memorySize: 256
  timeout: 15
  environment:
    variables:
      HARNESS_FIXTURE_VARIABLE: from-yaml
functions:
  slow:
    timeout: 0.05
`;

interface EchoAnswer {
  readonly event: Record<string, unknown> & { readonly body?: string; readonly isBase64Encoded?: boolean };
  readonly context: Record<string, unknown> & { readonly remaining: number; readonly time_limit_in_ms: number };
  readonly variable: string | undefined;
  readonly invocations: number;
}

interface ErrorAnswer {
  readonly error: { readonly code: string; readonly message: string };
  readonly requestId: string;
}

async function echoAnswer(response: Response): Promise<EchoAnswer> {
  return (await response.json()) as EchoAnswer;
}

async function errorAnswer(response: Response): Promise<ErrorAnswer> {
  return (await response.json()) as ErrorAnswer;
}

const routes: readonly HttpRoute[] = [
  ...Object.keys(fixtureBundles).map((name) => fixtureRoute(name)),
  fixtureRoute('missing'),
  fixtureRoute('echo', 'POST'),
];

describe('startHarness', () => {
  let fixture: FixtureHarness;
  let harness: RunningHarness;
  const logLines: string[] = [];

  beforeAll(async () => {
    fixture = await startFixtureHarness({ bundles: fixtureBundles, serviceYaml, routes, log: (line) => logLines.push(line) });
    harness = fixture.harness;
  });

  afterAll(() => fixture.close());

  it('listens on 127.0.0.1 at the port it reports', () => {
    expect(harness.url).toBe(`http://127.0.0.1:${harness.port}`);
    expect(harness.port).toBeGreaterThan(0);
  });

  it('calls the bundle with an API Gateway event and a context carrying serverless.yml settings', async () => {
    const response = await fetch(`${harness.url}/api/echo?region=ap-guangzhou&region=ap-beijing&x=1`, {
      headers: { 'X-Custom': 'Value' },
    });
    const answer = await echoAnswer(response);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const requestId = response.headers.get('x-api-requestid');
    expect(answer.event).toMatchObject({
      httpMethod: 'GET',
      path: '/api/echo',
      queryString: { region: ['ap-guangzhou', 'ap-beijing'], x: '1' },
      requestContext: { path: '/api/echo', httpMethod: 'GET', requestId, stage: 'release', sourceIp: '127.0.0.1' },
      headers: { 'x-custom': 'Value', 'x-api-requestid': requestId, host: `127.0.0.1:${harness.port}` },
    });
    expect(answer.event.body).toBeUndefined();
    expect(answer.context).toMatchObject({
      function_name: 'echo',
      request_id: requestId,
      memory_limit_in_mb: 256,
      time_limit_in_ms: 15000,
      tencentcloud_region: 'ap-beijing',
    });
    expect(answer.context.remaining).toBeGreaterThan(14000);
    expect(answer.context.remaining).toBeLessThanOrEqual(15000);
    expect(answer.variable).toBe('from-yaml');
  });

  it('keeps a bundle loaded between invocations, like a warm container', async () => {
    const first = await echoAnswer(await fetch(`${harness.url}/api/echo`));
    const second = await echoAnswer(await fetch(`${harness.url}/api/echo`));

    expect(second.invocations).toBe(first.invocations + 1);
  });

  it('passes a POST body as text, and a binary body as base64 with isBase64Encoded', async () => {
    const text = await echoAnswer(
      await fetch(`${harness.url}/api/echo`, { method: 'POST', body: '{"a":"广州"}', headers: { 'Content-Type': 'application/json' } }),
    );
    const binary = await echoAnswer(
      await fetch(`${harness.url}/api/echo`, { method: 'POST', body: new Uint8Array([0xff, 0xfe, 0x00, 0x80]) }),
    );

    expect(text.event.body).toBe('{"a":"广州"}');
    expect(text.event.isBase64Encoded).toBeUndefined();
    expect(binary.event).toMatchObject({ body: '//4AgA==', isBase64Encoded: true });
  });

  it('decodes a base64 integrated response', async () => {
    const response = await fetch(`${harness.url}/api/binary`);

    expect(response.status).toBe(201);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([0xff, 0xfe, 0x00, 0x80]));
  });

  it('answers 404 in the error envelope for an unknown path', async () => {
    const response = await fetch(`${harness.url}/api/nothing-here?secretKey=abc`);

    expect(response.status).toBe(404);
    expect(await errorAnswer(response)).toEqual({
      error: { code: 'NotFound', message: 'No route for GET /api/nothing-here' },
      requestId: response.headers.get('x-api-requestid'),
    });
  });

  it('answers 405 with an Allow header for a known path and a wrong method', async () => {
    const response = await fetch(`${harness.url}/api/echo`, { method: 'DELETE' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect((await errorAnswer(response)).error).toEqual({
      code: 'MethodNotAllowed',
      message: 'DELETE is not allowed on /api/echo; allowed: GET, POST, OPTIONS',
    });
  });

  it('answers OPTIONS on a known path with 204 and Allow', async () => {
    const response = await fetch(`${harness.url}/api/echo`, { method: 'OPTIONS' });

    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
  });

  it('passes a CORS preflight to the function serving the requested method, as an ANY API would', async () => {
    const response = await fetch(`${harness.url}/api/echo`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://console.example.com', 'Access-Control-Request-Method': 'POST' },
    });
    const answer = await echoAnswer(response);

    expect(response.status).toBe(200);
    expect(answer.event).toMatchObject({
      httpMethod: 'OPTIONS',
      path: '/api/echo',
      requestContext: { path: '/api/echo', httpMethod: 'ANY' },
      headers: { origin: 'https://console.example.com', 'access-control-request-method': 'POST' },
    });
    expect(answer.context).toMatchObject({ function_name: 'echo' });
  });

  it.each([
    ['not-integrated', 502, 'InvalidScfResponse', /^Invalid scf response\. .*Function not-integrated: statusCode: must be an integer$/],
    ['throws', 502, 'FunctionError', /^Function throws threw TypeError$/],
    ['slow', 504, 'FunctionTimeout', /^Function slow did not return within its timeout of 50 ms$/],
    ['missing', 502, 'FunctionLoadError', /missing\.js not found: run npm run build$/],
    ['no-handler', 502, 'FunctionLoadError', /no-handler\.js does not export a main_handler function$/],
    ['init-fails', 502, 'FunctionLoadError', /init-fails\.js failed to initialise \(RangeError\)$/],
  ])('answers for function %s with %i %s', async (name, status, code, message) => {
    const response = await fetch(`${harness.url}/api/${name}`);
    const answer = await errorAnswer(response);

    expect(response.status).toBe(status);
    expect(answer.error.code).toBe(code);
    expect(answer.error.message).toMatch(message);
    expect(JSON.stringify(answer)).not.toMatch(/secretKey|bad configuration value/);
  });

  it('refuses a body over the 6 MB SCF limit with 413', async () => {
    const response = await fetch(`${harness.url}/api/echo`, { method: 'POST', body: new Uint8Array(6 * 1024 * 1024 + 1) });

    expect(response.status).toBe(413);
    expect((await errorAnswer(response)).error.code).toBe('RequestEntityTooLarge');
  });

  it('logs one line per request with the path but never the query string', async () => {
    logLines.length = 0;
    const response = await fetch(`${harness.url}/api/echo?secretId=AKIDvisible&secretKey=hidden-value`);
    await response.arrayBuffer();

    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+Z GET /api/echo 200 \\d+ms echo ${response.headers.get('x-api-requestid')}$`),
    );
  });
});

describe('startHarness environment', () => {
  it('sets the env option for the functions and restores the environment on close', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'harness-env-'));
    writeFileSync(join(directory, 'echo.js'), fixtureBundles.echo ?? '');
    const harness = await startHarness({
      port: 0,
      functionsDir: directory,
      serviceConfigPath: join(directory, 'absent.yml'),
      routes: [fixtureRoute('echo')],
      env: { HARNESS_FIXTURE_VARIABLE: 'from-option' },
      log: () => undefined,
    });
    try {
      const answer = await echoAnswer(await fetch(`${harness.url}/api/echo`));

      expect(answer.variable).toBe('from-option');
      expect(answer.invocations).toBe(1);
      expect(answer.context.time_limit_in_ms).toBe(3000);
    } finally {
      await harness.close();
      rmSync(directory, { recursive: true, force: true });
    }
    expect(process.env.HARNESS_FIXTURE_VARIABLE).toBeUndefined();
  });

  it('gives each harness its own containers: no module is shared between two harnesses', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'harness-containers-'));
    writeFileSync(join(directory, 'echo.js'), fixtureBundles.echo ?? '');
    writeFileSync(
      join(directory, 'settings.js'),
      `const atLoad = process.env.HARNESS_FIXTURE_VARIABLE;
       exports.main_handler = async () => ({ statusCode: 200, headers: {}, body: JSON.stringify({ atLoad }) });`,
    );
    const answersFrom = async (variable: string): Promise<[EchoAnswer, { atLoad: string }]> => {
      const harness = await startHarness({
        port: 0,
        functionsDir: directory,
        serviceConfigPath: join(directory, 'absent.yml'),
        routes: [fixtureRoute('echo'), fixtureRoute('settings')],
        env: { HARNESS_FIXTURE_VARIABLE: variable },
        log: () => undefined,
      });
      try {
        await fetch(`${harness.url}/api/echo`).then((response) => response.arrayBuffer());
        const echo = await echoAnswer(await fetch(`${harness.url}/api/echo`));
        const settings = (await (await fetch(`${harness.url}/api/settings`)).json()) as { atLoad: string };
        return [echo, settings];
      } finally {
        await harness.close();
      }
    };
    try {
      const [firstEcho, firstSettings] = await answersFrom('cache-on');
      const [secondEcho, secondSettings] = await answersFrom('cache-off');

      expect([firstEcho.invocations, secondEcho.invocations]).toEqual([2, 2]);
      expect([firstSettings.atLoad, secondSettings.atLoad]).toEqual(['cache-on', 'cache-off']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('reports a taken port with the variable to change', async () => {
    const first = await startHarness({ port: 0, routes: [], serviceConfigPath: 'absent.yml', log: () => undefined });
    try {
      await expect(
        startHarness({ port: first.port, routes: [], serviceConfigPath: 'absent.yml', log: () => undefined }),
      ).rejects.toThrow(`127.0.0.1:${first.port} is already in use; stop what is listening there or set PORT to another port`);
    } finally {
      await first.close();
    }
  });
});
