/**
 * Hostile input at every route, through the harness and the real bundles to the emulator: random and
 * malicious query strings (invalid UTF-8, control characters, repeated and `__proto__` names), headers
 * and bodies (wrong types, deep nesting, not UTF-8, mislabelled, 1 MB). Whatever arrives, the answer is
 * never a 5xx, always JSON, an error names the offending field, no planted secret comes back in an
 * answer or a log line, and each answer comes within a bounded time.
 *
 * Node's HTTP server caps a request head at 16 KB (431 before any function runs), so 1 MB query and
 * header values go straight to the function as SCF events instead (oversized-values.test.ts).
 */
import fc from 'fast-check';
import { httpRoutes, type HttpRoute } from '../../functions/routes';
import { DEMO_BASIC_AUTHORIZATION, type LocalStack, startLocalStack } from '../helpers/harness';
import { answerProblems, leakedSecrets } from './support/answer-problems';
import { hostileRequest, MARKER_SECRET_KEY, type HostileRequest } from './support/hostile-input';
import { errorEnvelope, send } from './support/send';

const RUNS_PER_ROUTE = 100;
const ONE_MEGABYTE = 1024 * 1024;
const hasBody = (route: HttpRoute): boolean => route.method !== 'GET';

function initFor(route: HttpRoute, request: HostileRequest): RequestInit {
  return { method: route.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) };
}

describe('hostile input through the harness', () => {
  let stack: LocalStack;
  const written: string[] = [];
  let stdout: jest.SpyInstance;

  beforeAll(async () => {
    stack = await startLocalStack({ emulator: { rateLimits: false }, env: { LOG_LEVEL: 'info' } });
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });

  afterAll(async () => {
    stdout.mockRestore();
    await stack.close();
  });

  it.each(httpRoutes.map((route) => [route.functionName, route] as const))(
    '%s answers random hostile requests with a JSON non-5xx answer that names the field and echoes no secret',
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(hostileRequest(hasBody(route)), async (request) => {
          const started = performance.now();
          const answer = await send(stack.url, `${route.path}${request.query}`, initFor(route, request));
          const problems = answerProblems({ ...answer, contentType: answer.headers.get('content-type') }, performance.now() - started);
          expect(problems).toEqual([]);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    },
  );

  it.each(httpRoutes.filter(hasBody).map((route) => [route.functionName, route] as const))(
    '%s refuses a 1 MB JSON body with 413 naming body',
    async (_name, route) => {
      const body = JSON.stringify({ region: 'ap-guangzhou', secretKey: MARKER_SECRET_KEY, instanceName: 'x'.repeat(ONE_MEGABYTE) });
      const answer = await send(stack.url, route.path, { method: route.method, headers: { 'Content-Type': 'application/json' }, body });

      expect(answer.status).toBe(413);
      expect(errorEnvelope(answer.body)?.error.fields).toEqual([{ field: 'body', message: 'must be at most 65536 bytes' }]);
      expect(leakedSecrets(answer.text)).toEqual([]);
    },
  );

  it('wrote no planted secret to any log line, and the harness still serves', async () => {
    const answer = await send(stack.url, '/api/regions', { headers: { Authorization: DEMO_BASIC_AUTHORIZATION } });

    expect(answer.status).toBe(200);
    expect(written.length).toBeGreaterThan(httpRoutes.length * RUNS_PER_ROUTE);
    expect(leakedSecrets([...written, ...stack.accessLog].join('\n'))).toEqual([]);
  });
});
