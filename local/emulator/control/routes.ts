/**
 * The control API, under the reserved `/_emulator/` prefix and never on the CVM path (as moto's
 * `/moto-api/` and LocalStack's `/_localstack`). JSON in and out, no authentication (the emulator
 * listens on loopback). Errors: `{"error": {"code", "message", "field"?}}` with 400, 404 or 405 (with
 * an `Allow` header). A body the emulator cannot act on — malformed, or naming an action, region, image
 * or zone that does not fit — is 400 `InvalidControlRequest` naming the field; nothing is a silent no-op.
 *
 *   GET    /_emulator/health        {"status": "ok"}
 *   POST   /_emulator/reset         drops every instance and catalogue change and restores default
 *                                   lifecycle timing (CvmService.reset; COS objects too), zeroes the counters, clears
 *                                   the faults and the rate-limit windows. Rate-limit *settings* stay
 *                                   as configured, so a benchmark can disable limits once and reset
 *                                   between runs.
 *   GET    /_emulator/counters      {"actions": {Action: {received, invoked, succeeded, errors, faults}}}
 *   PUT    /_emulator/lifecycle     {transitionMs, terminatedRetentionMs} → how fast instances change state
 *   POST   /_emulator/faults        {action ('*' = all), region?, kind, latencyMs?, code?, message?,
 *                                   status?, rate?, times?} → 201 {fault} (see faults.ts for the kinds)
 *   GET    /_emulator/faults        {"faults": [...]}
 *   DELETE /_emulator/faults        clears every fault
 *   DELETE /_emulator/faults/{id}   clears one (404 if unknown)
 *   GET    /_emulator/rate-limits   {"enabled", "perSecond": {Action: n}} (effective limits)
 *   PUT    /_emulator/rate-limits   {enabled?, perSecond?} — perSecond replaces earlier overrides
 *   POST   /_emulator/catalogue     one CatalogueChange → CvmService.applyCatalogueChange
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CatalogueChangeError, type CvmService } from '../services/cvm/service';
import { readRequest, type ReceivedRequest } from '../protocol/received-request';
import type { CallCounters } from './counters';
import type { FaultRegistry } from './faults';
import type { RateLimiter } from './rate-limits';
import {
  ControlRequestError,
  catalogueChangeSchema,
  faultSchema,
  lifecycleSchema,
  parseControlBody,
  rateLimitsSchema,
  requireKnownActions,
  requireKnownFaultTarget,
  toFaultSpec,
} from './schemas';

export const CONTROL_PREFIX = '/_emulator/';

export interface ControlDependencies {
  readonly service: CvmService;
  readonly faults: FaultRegistry;
  readonly counters: CallCounters;
  readonly rateLimiter: RateLimiter;
  /** Resets every emulated service (CVM, and COS when served). */
  readonly resetServices: () => void;
}

interface ControlAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

interface ControlRoute {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handle: (dependencies: ControlDependencies, request: ReceivedRequest, match: RegExpExecArray) => ControlAnswer;
}

function ok(body: unknown): ControlAnswer {
  return { status: 200, body };
}

function failure(status: number, code: string, message: string, field?: string): ControlAnswer {
  return { status, body: { error: field === undefined ? { code, message } : { code, message, field } } };
}

function jsonBody(request: ReceivedRequest): unknown {
  const text = request.body.toString('utf8');
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ControlRequestError(undefined, 'the body is not valid JSON');
  }
}

const routes: readonly ControlRoute[] = [
  { method: 'GET', pattern: /^health$/, handle: () => ok({ status: 'ok' }) },
  {
    method: 'POST',
    pattern: /^reset$/,
    handle: ({ resetServices, counters, faults, rateLimiter }) => {
      resetServices();
      counters.reset();
      faults.clear();
      rateLimiter.clearWindows();
      return ok({ reset: true });
    },
  },
  { method: 'GET', pattern: /^counters$/, handle: ({ counters }) => ok({ actions: counters.snapshot() }) },
  {
    method: 'PUT',
    pattern: /^lifecycle$/,
    handle: ({ service }, request) => {
      const timing = parseControlBody(lifecycleSchema, jsonBody(request));
      service.setLifecycleTiming(timing);
      return ok({ lifecycle: timing });
    },
  },
  {
    method: 'POST',
    pattern: /^faults$/,
    handle: ({ faults, service }, request) => {
      const spec = toFaultSpec(parseControlBody(faultSchema, jsonBody(request)));
      requireKnownFaultTarget(spec, service);
      return { status: 201, body: { fault: faults.add(spec) } };
    },
  },
  { method: 'GET', pattern: /^faults$/, handle: ({ faults }) => ok({ faults: faults.list() }) },
  {
    method: 'DELETE',
    pattern: /^faults$/,
    handle: ({ faults }) => {
      faults.clear();
      return ok({ faults: [] });
    },
  },
  {
    method: 'DELETE',
    pattern: /^faults\/([^/]+)$/,
    handle: ({ faults }, _request, match) => {
      const id = decodeURIComponent(match[1] ?? '');
      return faults.remove(id)
        ? ok({ removed: id })
        : failure(404, 'FaultNotFound', `No fault has the id \`${id}\`.`, 'id');
    },
  },
  { method: 'GET', pattern: /^rate-limits$/, handle: ({ rateLimiter }) => ok(rateLimiter.settings()) },
  {
    method: 'PUT',
    pattern: /^rate-limits$/,
    handle: ({ rateLimiter, service }, request) => {
      const settings = parseControlBody(rateLimitsSchema, jsonBody(request));
      requireKnownActions(Object.keys(settings.perSecond ?? {}), service.actions, 'perSecond');
      rateLimiter.configure(settings);
      return ok(rateLimiter.settings());
    },
  },
  {
    method: 'POST',
    pattern: /^catalogue$/,
    handle: ({ service }, request) => {
      const change = parseControlBody(catalogueChangeSchema, jsonBody(request));
      service.applyCatalogueChange(change);
      return ok({ applied: change });
    },
  },
];

function route(dependencies: ControlDependencies, request: ReceivedRequest): ControlAnswer {
  const subPath = request.path.slice(CONTROL_PREFIX.length);
  const candidates = routes
    .map((candidate) => ({ candidate, match: candidate.pattern.exec(subPath) }))
    .filter((entry): entry is { candidate: ControlRoute; match: RegExpExecArray } => entry.match !== null);
  if (candidates.length === 0) {
    return failure(404, 'NotFound', `There is no control route \`${request.path}\`.`);
  }
  const chosen = candidates.find(({ candidate }) => candidate.method === request.method);
  if (chosen === undefined) {
    const allowed = candidates.map(({ candidate }) => candidate.method).join(', ');
    return { ...failure(405, 'MethodNotAllowed', `\`${request.path}\` accepts ${allowed}.`), headers: { Allow: allowed } };
  }
  try {
    return chosen.candidate.handle(dependencies, request, chosen.match);
  } catch (error) {
    if (error instanceof ControlRequestError) {
      return failure(400, 'InvalidControlRequest', error.message, error.field);
    }
    if (error instanceof CatalogueChangeError) {
      return failure(400, 'InvalidControlRequest', error.message, error.field);
    }
    throw error;
  }
}

export async function handleControlRequest(
  dependencies: ControlDependencies,
  message: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const request = await readRequest(message);
  const answer = route(dependencies, request);
  const body = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...answer.headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}
