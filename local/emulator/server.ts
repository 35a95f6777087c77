/**
 * The emulator's HTTP listener: wiring only.
 *
 * - Requests whose Host names a COS bucket endpoint go to the COS service (reference §7a).
 * - `/_emulator/*` is the control API (control/routes.ts).
 * - `/` is the CVM API 3.0 endpoint (protocol/cvm-endpoint.ts).
 * - Anything else is a 404 JSON answer.
 *
 * @example
 * const emulator = await startEmulator({ port: 0 });
 * // new Client({ credential, region, profile: { httpProfile: { endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http://', agent } } })
 * await emulator.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCredentials } from './accounts';
import { CallCounters } from './control/counters';
import { Delays } from './control/delays';
import { FaultRegistry } from './control/faults';
import { RateLimiter } from './control/rate-limits';
import { CONTROL_PREFIX, handleControlRequest } from './control/routes';
import { handleCvmRequest, type CvmEndpointDependencies } from './protocol/cvm-endpoint';
import { serveCosRequest } from './services/cos/http';
import { createCosService, type CosService } from './services/cos/service';
import { createCvmService } from './services/cvm';
import type { CvmService } from './services/cvm/service';

export const DEFAULT_EMULATOR_HOST = '127.0.0.1';
export const DEFAULT_EMULATOR_PORT = 8002;

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 8002; 0 picks a free port (what tests use). */
  readonly port?: number;
  /** `CVM_EMULATOR_CREDENTIALS` syntax (see accounts.ts); undefined or blank = the demo pair. */
  readonly credentials?: string;
  readonly service?: CvmService;
  readonly cos?: CosService;
  /** Clock in epoch milliseconds, for the signature window, rate limits and (by default) the service. */
  readonly now?: () => number;
  /** Per-action rate limits on at start (default true); the control API can change it later. */
  readonly rateLimits?: boolean;
  /** Where unexpected failures are reported; default: one line on stderr. */
  readonly reportInternalError?: (where: string, error: unknown) => void;
}

export interface RunningEmulator {
  /** `http://host:port`, e.g. `http://127.0.0.1:8002`. */
  readonly endpoint: string;
  readonly port: number;
  /** Stops listening, ends pending injected delays, closes idle keep-alive sockets, waits for in-flight requests. */
  close(): Promise<void>;
}

function reportToStderr(where: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`[cvm-emulator] internal error in ${where}: ${detail}\n`);
}

function writeNotFound(response: ServerResponse, path: string): void {
  const body = JSON.stringify({
    error: { code: 'NotFound', message: `Nothing is served at \`${path}\`: the CVM API is at \`/\`, the control API under \`${CONTROL_PREFIX}\`.` },
  });
  response.writeHead(404, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

function writeInternalError(response: ServerResponse): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: 'InternalError', message: 'The emulator failed to handle the request.' } });
  response.writeHead(500, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? DEFAULT_EMULATOR_HOST;
  const now = options.now ?? Date.now;
  const accounts = parseCredentials(options.credentials);
  const service = options.service ?? createCvmService({ now });
  const cos = options.cos ?? createCosService({ accounts, now });
  const reportInternalError = options.reportInternalError ?? reportToStderr;
  const delays = new Delays();
  const dependencies: CvmEndpointDependencies = {
    accounts,
    service,
    now,
    rateLimiter: new RateLimiter(now, options.rateLimits ?? true),
    faults: new FaultRegistry(),
    counters: new CallCounters(),
    delays,
    reportInternalError,
  };
  const controlDependencies = {
    ...dependencies,
    resetServices: () => {
      service.reset();
      cos.reset();
    },
  };

  async function dispatch(message: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (message.url ?? '/').split('?')[0] ?? '/';
    if (cos.handles(message.headers.host)) {
      await serveCosRequest(cos, message, response);
    } else if (path.startsWith(CONTROL_PREFIX)) {
      await handleControlRequest(controlDependencies, message, response);
    } else if (path === '/') {
      await handleCvmRequest(dependencies, message, response);
    } else {
      message.resume();
      writeNotFound(response, path);
    }
  }

  const inFlight = new Set<Promise<void>>();
  const server = createServer((message, response) => {
    const handling = dispatch(message, response).catch((error: unknown) => {
      reportInternalError(message.url ?? '/', error);
      writeInternalError(response);
    });
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_EMULATOR_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;

  return {
    endpoint: `http://${hostInUrl}:${port}`,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      delays.cancelAll();
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await closed;
    },
  };
}
