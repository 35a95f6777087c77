import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { type HttpRoute, httpRoutes } from '../../functions/routes';
import { buildApiGatewayEvent } from '../events/api-gateway-event';
import { timerRouteReply } from '../inventory/timer-route';
import { clientAborted, formatAccessLogLine } from './access-log';
import { createDocsRoutes, type DemoCredentials, type DocsRoutes } from './docs-routes';
import { errorReply, optionsReply } from './error-reply';
import { createFunctionRunner, type FunctionRunner } from './function-runner';
import { readServiceSettings } from './function-settings';
import type { HttpReply } from './integrated-response';
import { listen } from './listen';
import { replyForOutcome } from './outcome-reply';
import { createEnvironmentOverlay } from './process-environment';
import { readRequestBody } from './request-body';
import { snapshotRequest, splitTarget } from './request-snapshot';
import { matchRoute } from './route-match';

/**
 * The local stand-in for API Gateway + SCF: every route of functions/routes.ts on one HTTP server. Each
 * request becomes an SCF API Gateway event (§6.3), goes to the function's bundle in dist/functions/
 * (in this process, kept warm), and the integrated response it returns (§6.4) becomes the HTTP reply.
 */

export interface HarnessOptions {
  /** Default 8001; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Where the bundles are; default `dist/functions` under the working directory. */
  readonly functionsDir?: string;
  /** serverless.yml to read timeouts, memory and variables from; default `serverless.yml` under the working directory. */
  readonly serviceConfigPath?: string;
  /** Variables set for the functions, over serverless.yml and the shell (e.g. `CVM_ENDPOINT`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Default: the project's route table. */
  readonly routes?: readonly HttpRoute[];
  /** The OpenAPI document served at /api/openapi.json; default `dist/openapi.json` under the working directory. */
  readonly openApiPath?: string;
  /** Pre-fills the /docs page's credentials: the emulator's demo pair, when the functions call the emulator. */
  readonly demoCredentials?: DemoCredentials;
  /** Receives the access log and startup warnings; default: stdout. */
  readonly log?: (line: string) => void;
}

export interface RunningHarness {
  /** e.g. `http://127.0.0.1:8001` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const DEFAULT_PORT = 8001;
const DEFAULT_HOST = '127.0.0.1';
const REQUEST_TIMEOUT_MS = 30_000;

/** Answers that never have a body, and so no Content-Length (RFC 9110 §8.6). */
const BODILESS_STATUSES = new Set([204, 304]);

/**
 * The gateway frames an answer with a Content-Length, as API Gateway does (integrated-response.ts
 * drops the function's own framing headers); without one, Node would send the body chunked.
 */
function writeReply(response: ServerResponse, reply: HttpReply, requestId: string): void {
  const framing = BODILESS_STATUSES.has(reply.statusCode) ? {} : { 'Content-Length': String(reply.body.length) };
  response.writeHead(reply.statusCode, { ...reply.headers, ...framing, 'X-Api-RequestId': requestId });
  response.end(reply.body);
}

async function replyFor(
  request: IncomingMessage,
  routes: readonly HttpRoute[],
  runner: FunctionRunner,
  docs: DocsRoutes,
  requestId: string,
): Promise<{ reply: HttpReply; functionName?: string }> {
  const method = (request.method ?? 'GET').toUpperCase();
  const { path } = splitTarget(request.url ?? '/');
  const docsReply = await docs.reply(method, path, requestId);
  if (docsReply !== undefined) {
    return { reply: docsReply };
  }
  // POST /_harness/timers/<function>: fire a timer trigger on demand (local/inventory/timer-route.ts).
  const timerReply = await timerRouteReply(method, path, runner, requestId);
  if (timerReply !== undefined) {
    return timerReply;
  }
  const match = matchRoute(routes, method, path, request.headers['access-control-request-method']);
  switch (match.kind) {
    case 'not-found':
      return { reply: errorReply(404, 'NotFound', `No route for ${method} ${path}`, requestId) };
    case 'method-not-allowed':
      return {
        reply: errorReply(
          405,
          'MethodNotAllowed',
          `${method} is not allowed on ${path}; allowed: ${match.allowedMethods.join(', ')}`,
          requestId,
          { Allow: match.allowedMethods.join(', ') },
        ),
      };
    case 'options':
      return { reply: optionsReply(match.allowedMethods, requestId) };
    case 'preflight':
      // Delivered as an API declared with `httpMethod: ANY` would deliver it (route-match.ts).
      return invokeRoute(request, match.route, 'ANY', runner, requestId);
    case 'route':
      return invokeRoute(request, match.route, match.route.method, runner, requestId);
  }
}

/** Sends the request to the route's function as an API Gateway event and replies with what it returned. */
async function invokeRoute(
  request: IncomingMessage,
  route: HttpRoute,
  templateMethod: string,
  runner: FunctionRunner,
  requestId: string,
): Promise<{ reply: HttpReply; functionName?: string }> {
  const { functionName } = route;
  const read = await readRequestBody(request);
  if (read.kind === 'too-large') {
    const message = `The request body exceeds ${read.limitBytes} bytes, SCF's synchronous request limit`;
    // Refused before any function runs: logged as the harness's own answer (`-`).
    return { reply: errorReply(413, 'RequestEntityTooLarge', message, requestId, { Connection: 'close' }) };
  }
  const event = buildApiGatewayEvent(snapshotRequest(request, read.body), { templatePath: route.path, templateMethod, requestId });
  const outcome = await runner.invoke(functionName, event, requestId);
  return { reply: replyForOutcome(outcome, functionName, requestId), functionName };
}

async function startHarness(options: HarnessOptions = {}): Promise<RunningHarness> {
  const host = options.host ?? DEFAULT_HOST;
  const routes = options.routes ?? httpRoutes;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const service = readServiceSettings(resolve(options.serviceConfigPath ?? 'serverless.yml'));
  const environment = createEnvironmentOverlay(options.env ?? {});
  const runner = createFunctionRunner({
    functionsDir: resolve(options.functionsDir ?? join('dist', 'functions')),
    service,
    environment,
  });
  const docs = createDocsRoutes({
    documentPath: resolve(options.openApiPath ?? join('dist', 'openapi.json')),
    demoCredentials: options.demoCredentials,
  });
  for (const warning of service.warnings) {
    log(`warning: ${warning}`);
  }

  // A client that stalls while sending its request is cut off after 30 s (Node's default: 300 s); only
  // receiving the request counts, not the function's run.
  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: REQUEST_TIMEOUT_MS }, (request, response) => {
    const requestId = randomUUID();
    const startedAt = performance.now();
    replyFor(request, routes, runner, docs, requestId)
      .catch(() => ({
        reply: errorReply(500, 'InternalError', 'The local harness failed to handle the request', requestId),
        functionName: undefined,
      }))
      .then(({ reply, functionName }) => {
        writeReply(response, reply, requestId);
        const entry = {
          method: request.method ?? '',
          path: splitTarget(request.url ?? '/').path,
          statusCode: clientAborted(request) ? ('aborted' as const) : reply.statusCode,
          durationMs: Math.round(performance.now() - startedAt),
          functionName,
          requestId,
        };
        log(formatAccessLogLine(entry, new Date()));
      })
      .catch(() => response.destroy());
  });

  let port: number;
  try {
    port = await listen(server, options.port ?? DEFAULT_PORT, host, 'PORT');
  } catch (error) {
    environment.restore();
    throw error;
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => {
          environment.restore();
          if (error === undefined) {
            resolveClose();
          } else {
            rejectClose(error);
          }
        });
        server.closeAllConnections();
      }),
  };
}

export { startHarness };
