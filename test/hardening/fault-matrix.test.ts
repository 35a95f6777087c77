/**
 * Every route × every fault the emulator injects (local/emulator/control/faults.ts), over HTTP through
 * the harness and the real bundles: each ends as the contract's status and JSON error
 * (docs/api-contract.md "Errors"), never a 500 or a crash, the message names no SDK internals, the
 * upstream call is retried exactly when its policy allows (lib/cvm/retry-policy.ts), and the harness
 * answers the next clean request with a 200.
 *
 * The stack runs with a short CVM_REQUEST_TIMEOUT_MS and retry budget so that the latency rows take
 * under a second each.
 */
import type { HttpRoute } from '../../functions/routes';
import type { FaultSpec } from '../../local/emulator/control/faults';
import { createCvmClient, type CvmTestClient } from '../helpers/cvm-client';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY, type LocalStack, startLocalStack } from '../helpers/harness';
import { basicAuthorization, instanceFixtures, routeCallFor, routeRows, type InstanceFixtures } from './support/route-calls';
import { errorEnvelope, send } from './support/send';

/** What the failure tells the retry policy: refused before running, failed inside, or answer lost. */
type FailureKind = 'throttled' | 'upstream-fault' | 'lost-answer';

interface FaultRow {
  readonly spec: Omit<FaultSpec, 'action'>;
  readonly status: number;
  readonly code: string;
  readonly failure: FailureKind;
}

const REQUEST_TIMEOUT_MS = 250;
/** Room for one retry after a timed-out attempt, up to three after fast failures. */
const RETRY_BUDGET_MS = 900;
const AUTHORIZATION = basicAuthorization(DEMO_SECRET_ID, DEMO_SECRET_KEY);

/** What an unrelated reader could learn about our internals from a message: addresses, SDK classes, parser errors. */
const INTERNALS = /127\.0\.0\.1|localhost|FetchError|node-fetch|ECONN|EPIPE|socket|hang up|Unexpected token|JSON|TypeError|\bat \S+ \(/i;

const faults: Readonly<Record<string, FaultRow>> = {
  'latency beyond the request time-out': {
    spec: { kind: 'latency', latencyMs: 900 },
    status: 504,
    code: 'UpstreamTimeout',
    failure: 'lost-answer',
  },
  'HTTP 503': { spec: { kind: 'http5xx', status: 503 }, status: 502, code: 'UpstreamHttpError', failure: 'upstream-fault' },
  'HTTP 500': { spec: { kind: 'http5xx', status: 500 }, status: 502, code: 'UpstreamHttpError', failure: 'upstream-fault' },
  'malformed body': { spec: { kind: 'malformed' }, status: 502, code: 'UpstreamInvalidResponse', failure: 'lost-answer' },
  'truncated body': { spec: { kind: 'truncated' }, status: 502, code: 'UpstreamInvalidResponse', failure: 'lost-answer' },
  // The client cannot tell a drop before the action from one after it: both may hide a call that ran.
  'connection dropped before the action': { spec: { kind: 'drop-before' }, status: 502, code: 'UpstreamUnreachable', failure: 'lost-answer' },
  'connection dropped after the action': { spec: { kind: 'drop-after' }, status: 502, code: 'UpstreamUnreachable', failure: 'lost-answer' },
  'RequestLimitExceeded storm': {
    spec: { kind: 'error', code: 'RequestLimitExceeded', message: 'Your current request rate exceeds the limit.' },
    status: 429,
    code: 'RequestLimitExceeded',
    failure: 'throttled',
  },
  InternalError: {
    spec: { kind: 'error', code: 'InternalError', message: 'An internal error occurred.' },
    status: 502,
    code: 'InternalError',
    failure: 'upstream-fault',
  },
};

/**
 * The rules: reads and the ClientToken-carrying create retry every transient failure; the other
 * writes retry only a failure proving nothing ran (throttling).
 */
function retriedAfter(route: HttpRoute, failure: FailureKind): boolean {
  const stateChange = route.method === 'PUT';
  return !stateChange || failure === 'throttled';
}

const matrix = routeRows().flatMap(([name, route]) => Object.entries(faults).map(([fault, row]) => [name, fault, route, row] as const));

describe('fault matrix through the harness', () => {
  let stack: LocalStack;
  let sdk: CvmTestClient;
  let fixtures: InstanceFixtures;

  beforeAll(async () => {
    stack = await startLocalStack({
      emulator: { rateLimits: false },
      env: { CVM_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), CVM_RETRY_BUDGET_MS: String(RETRY_BUDGET_MS), LOG_LEVEL: 'error' },
    });
    sdk = createCvmClient({ endpoint: stack.emulator.endpoint });
    fixtures = instanceFixtures(stack.emulator.control, sdk);
  });

  afterEach(async () => {
    await stack.emulator.control.reset();
  });

  afterAll(async () => {
    sdk.close();
    await stack.close();
  });

  it.each(matrix)('%s under %s answers the contract’s status and JSON error, then serves again', async (_name, _fault, route, row) => {
    const call = await routeCallFor(route, AUTHORIZATION, fixtures);
    const receivedBefore = (await stack.emulator.control.counters())[route.cvmAction]?.received ?? 0;
    await stack.emulator.control.addFault({ action: '*', ...row.spec });

    const started = performance.now();
    const failed = await send(stack.url, call.target, call.init);
    const elapsedMs = performance.now() - started;
    const attempts = ((await stack.emulator.control.counters())[route.cvmAction]?.received ?? 0) - receivedBefore;

    const envelope = errorEnvelope(failed.body);
    expect({ status: failed.status, code: envelope?.error.code }).toEqual({ status: row.status, code: row.code });
    expect(failed.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(failed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(envelope?.error.message).not.toMatch(INTERNALS);
    expect(envelope?.requestId).toMatch(/\S/);
    if (row.status === 429) expect(failed.headers.get('retry-after')).toBe('1');
    // Attempts and waits stop at the retry budget; one more request time-out is the most that can follow.
    expect(elapsedMs).toBeLessThan(RETRY_BUDGET_MS + REQUEST_TIMEOUT_MS + 500);
    if (retriedAfter(route, row.failure)) expect(attempts).toBeGreaterThanOrEqual(2);
    else expect(attempts).toBe(1);

    await stack.emulator.control.clearFaults();
    const clean = await routeCallFor(route, AUTHORIZATION, fixtures);
    const served = await send(stack.url, clean.target, clean.init);
    expect(served.status).toBe(200);
  });
});
