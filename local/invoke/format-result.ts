import type { RunOutcome } from '../harness/function-runner';

/** What `npm run invoke` prints for an outcome, and the exit code `serverless invoke local` would give. */
export interface PrintedInvocation {
  /** One human line for stderr, e.g. `regions: statusCode 200 (41 ms)`. */
  readonly statusLine: string;
  /** The result for stdout, JSON with 4-space indent. */
  readonly json: string;
  readonly exitCode: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasJsonContentType(headers: unknown): boolean {
  if (!isRecord(headers)) {
    return false;
  }
  return Object.entries(headers).some(
    ([name, value]) =>
      name.toLowerCase() === 'content-type' && typeof value === 'string' && /^application\/json\b/i.test(value),
  );
}

/** Like `serverless invoke local`: a JSON body of a JSON response is shown parsed, not as an escaped string. */
function readableResult(value: unknown): unknown {
  if (!isRecord(value) || typeof value.body !== 'string' || !hasJsonContentType(value.headers)) {
    return value;
  }
  try {
    return { ...value, body: JSON.parse(value.body) };
  } catch {
    return value;
  }
}

function failure(statusLine: string, errorType: string, errorMessage: string): PrintedInvocation {
  return { statusLine, json: JSON.stringify({ errorType, errorMessage }, null, 4), exitCode: 1 };
}

function formatInvocationResult(functionName: string, outcome: RunOutcome): PrintedInvocation {
  switch (outcome.kind) {
    case 'returned': {
      const status = isRecord(outcome.value) && typeof outcome.value.statusCode === 'number' ? outcome.value.statusCode : undefined;
      const what = status === undefined ? 'returned' : `statusCode ${status}`;
      return {
        statusLine: `${functionName}: ${what} (${outcome.durationMs} ms)`,
        // JSON has no `undefined`: a handler that returned nothing is shown as such.
        json: outcome.value === undefined ? 'undefined' : JSON.stringify(readableResult(outcome.value), null, 4),
        exitCode: 0,
      };
    }
    case 'threw':
      return failure(
        `${functionName}: threw ${outcome.errorName} (${outcome.durationMs} ms)`,
        outcome.errorName,
        `Function ${functionName} threw ${outcome.errorName}`,
      );
    case 'timed-out':
      return failure(
        `${functionName}: timed out after ${outcome.timeoutMs} ms`,
        'FunctionTimeout',
        `Function ${functionName} did not return within its timeout of ${outcome.timeoutMs} ms`,
      );
    case 'load-failed':
      return failure(`${functionName}: could not be loaded`, 'FunctionLoadError', outcome.message);
  }
}

export { formatInvocationResult };
