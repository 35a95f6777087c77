/**
 * 1 MB query and header values, which no HTTP server in front of the function would pass (Node's caps a
 * request head at 16 KB, API Gateway has its own limits), sent straight to every function's bundle as
 * SCF API Gateway events: the answer is still a small JSON non-5xx that echoes neither the value nor a
 * planted secret.
 *
 * A file of its own: under Jest every bundle loader of one test file shares the bundle's module, so
 * the functions' settings (CVM_ENDPOINT) are those of the file's first invocation.
 */
import { httpRoutes, type HttpRoute } from '../../functions/routes';
import type { IntegratedResponse } from '../../lib/http/response';
import { buildApiGatewayEvent } from '../../local/events/api-gateway-event';
import { createScfContext } from '../../local/events/context';
import { createBundleLoader } from '../../local/harness/bundle-loader';
import { createEnvironmentOverlay, type EnvironmentOverlay } from '../../local/harness/process-environment';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { DEMO_BASIC_AUTHORIZATION, FUNCTIONS_DIR } from '../helpers/harness';
import { answerProblems } from './support/answer-problems';
import { MARKER_SECRET_KEY } from './support/hostile-input';

const ONE_MEGABYTE = 1024 * 1024;

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe('1 MB query and header values straight to each function', () => {
  let emulator: TestEmulator;
  let environment: EnvironmentOverlay;
  const loader = createBundleLoader(FUNCTIONS_DIR);
  const huge = 'x'.repeat(ONE_MEGABYTE);

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: false });
    // As the harness does: the functions read these from process.env on their first invocation.
    environment = createEnvironmentOverlay({ LOG_LEVEL: 'error', CACHE_ENABLED: 'false', CVM_ENDPOINT: emulator.endpoint });
  });

  afterAll(async () => {
    environment.restore();
    await emulator.close();
  });

  async function invoke(route: HttpRoute, rawQuery: string, headers: Record<string, string>): Promise<IntegratedResponse> {
    const requestId = crypto.randomUUID();
    const event = buildApiGatewayEvent(
      { method: route.method, path: route.path, rawQuery, headers, body: Buffer.alloc(0), sourceIp: '127.0.0.1' },
      { templatePath: route.path, templateMethod: route.method, requestId },
    );
    const context = createScfContext({ functionName: route.functionName, requestId, timeoutMs: 20_000, memoryMb: 256, region: 'ap-guangzhou' });
    return (await loader.load(route.functionName)(event, context)) as IntegratedResponse;
  }

  const rows = httpRoutes.flatMap((route) =>
    [
      ['a 1 MB region', `region=${huge}`, { authorization: DEMO_BASIC_AUTHORIZATION }],
      ['a 1 MB unknown parameter', `region=ap-guangzhou&padding=${huge}`, { authorization: DEMO_BASIC_AUTHORIZATION }],
      ['a 1 MB SecretKey in the query', `region=ap-guangzhou&secretId=AKIDx&secretKey=${MARKER_SECRET_KEY}${huge}`, {}],
      ['a 1 MB Authorization header', 'region=ap-guangzhou', { authorization: `Basic ${huge}` }],
      ['a 1 MB X-TC-Token header', 'region=ap-guangzhou', { authorization: DEMO_BASIC_AUTHORIZATION, 'x-tc-token': huge }],
    ].map(([label, rawQuery, headers]) => [route.functionName, label, route, rawQuery, headers] as const),
  );

  it.each(rows)('%s with %s answers a JSON non-5xx error or success, quickly', async (_name, _label, route, rawQuery, headers) => {
    const started = performance.now();
    const response = await invoke(route, String(rawQuery), { ...(headers as Record<string, string>) });
    const problems = answerProblems(
      { status: response.statusCode, text: response.body, body: parsedOrUndefined(response.body), contentType: response.headers['Content-Type'] ?? null },
      performance.now() - started,
    );
    expect(problems).toEqual([]);
    expect(response.body).not.toContain('x'.repeat(1024));
  });
});
