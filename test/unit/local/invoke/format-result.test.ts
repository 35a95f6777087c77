import { formatInvocationResult } from '../../../../local/invoke/format-result';

describe('formatInvocationResult', () => {
  it('prints a returned integrated response with its JSON body parsed, and exits 0 even for a 4xx', () => {
    const printed = formatInvocationResult('zones', {
      kind: 'returned',
      durationMs: 12,
      value: {
        isBase64Encoded: false,
        statusCode: 401,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: '{"error":{"code":"MissingCredentials"}}',
      },
    });

    expect(printed.exitCode).toBe(0);
    expect(printed.statusLine).toBe('zones: statusCode 401 (12 ms)');
    expect(JSON.parse(printed.json)).toEqual({
      isBase64Encoded: false,
      statusCode: 401,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: { error: { code: 'MissingCredentials' } },
    });
    expect(printed.json).toContain('\n    "statusCode": 401');
  });

  it('leaves a body alone when it is not JSON', () => {
    const value = { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: '{"looks":"json"}' };

    expect(JSON.parse(formatInvocationResult('f', { kind: 'returned', durationMs: 1, value }).json)).toEqual(value);
  });

  it.each([
    [{ kind: 'threw', errorName: 'TypeError', durationMs: 3 } as const, 'f: threw TypeError (3 ms)', 'TypeError', 'Function f threw TypeError'],
    [
      { kind: 'timed-out', timeoutMs: 3000, durationMs: 3001 } as const,
      'f: timed out after 3000 ms',
      'FunctionTimeout',
      'Function f did not return within its timeout of 3000 ms',
    ],
    [{ kind: 'load-failed', message: 'dist/functions/f.js not found' } as const, 'f: could not be loaded', 'FunctionLoadError', 'dist/functions/f.js not found'],
  ])('prints a failure as errorType and errorMessage and exits 1 (%j)', (outcome, statusLine, errorType, errorMessage) => {
    const printed = formatInvocationResult('f', outcome);

    expect(printed).toEqual({ statusLine, json: JSON.stringify({ errorType, errorMessage }, null, 4), exitCode: 1 });
  });
});
