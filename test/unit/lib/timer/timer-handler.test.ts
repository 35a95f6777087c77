import { timerHandler, type TimerHandlerArgs } from '../../../../lib/timer/timer-handler';

const ROLE_ENV = {
  TENCENTCLOUD_SECRETID: 'AKIDtimerhandlertest0000000000000000',
  TENCENTCLOUD_SECRETKEY: 'TimerHandlerSecretKeyTimerHandle',
  TENCENTCLOUD_SESSIONTOKEN: 'timer-handler-session-token',
};
const EVENT = { Type: 'Timer', TriggerName: 'EveryDay', Time: '2019-02-21T11:49:00Z', Message: '' };

interface Captured {
  readonly lines: Record<string, unknown>[];
  restore(): void;
}

function captureStdout(): Captured {
  const lines: Record<string, unknown>[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
    return true;
  });
  return { lines, restore: () => spy.mockRestore() };
}

describe('timerHandler', () => {
  let stdout: Captured;

  beforeEach(() => {
    stdout = captureStdout();
  });

  afterEach(() => {
    stdout.restore();
  });

  it('hands the parsed event, the role credentials and the request id to the function', async () => {
    let seen: TimerHandlerArgs | undefined;
    const handler = timerHandler({
      env: ROLE_ENV,
      handle: async (args) => {
        seen = args;
        return 'done';
      },
    });
    await expect(handler(EVENT, { request_id: 'req-1', getRemainingTimeInMillis: () => 42_000 })).resolves.toBe('done');
    expect(seen?.event).toEqual({ type: 'Timer', triggerName: 'EveryDay', time: '2019-02-21T11:49:00Z', message: '' });
    expect(seen?.credentials).toMatchObject({
      secretId: ROLE_ENV.TENCENTCLOUD_SECRETID,
      token: ROLE_ENV.TENCENTCLOUD_SESSIONTOKEN,
      source: 'function-role',
    });
    expect(seen?.requestId).toBe('req-1');
    expect(seen?.remainingTimeMs()).toBe(42_000);
  });

  it('scrubs the role secrets from every line the function logs', async () => {
    const handler = timerHandler({
      env: ROLE_ENV,
      handle: async ({ log }) => {
        log.info('echo', { text: `key ${ROLE_ENV.TENCENTCLOUD_SECRETKEY} token ${ROLE_ENV.TENCENTCLOUD_SESSIONTOKEN}` });
      },
    });
    await handler(EVENT, {});
    expect(stdout.lines).toEqual([expect.objectContaining({ msg: 'echo', text: 'key [REDACTED] token [REDACTED]' })]);
  });

  it('logs one error line naming the fields of a bad event and rejects without calling the function', async () => {
    const handle = jest.fn();
    const handler = timerHandler({ env: ROLE_ENV, handle });
    await expect(handler({ Type: 'Timer', TriggerName: 'EveryDay' }, { request_id: 'req-2' })).rejects.toMatchObject({
      code: 'InvalidParameter',
    });
    expect(handle).not.toHaveBeenCalled();
    expect(stdout.lines).toEqual([
      expect.objectContaining({ level: 'error', msg: 'timer invocation failed', requestId: 'req-2', fields: [{ field: 'Time', message: expect.any(String) }] }),
    ]);
  });

  it('fails with FunctionRoleCredentialsUnavailable when no role is bound', async () => {
    const handler = timerHandler({ env: {}, handle: async () => 'never' });
    await expect(handler(EVENT, {})).rejects.toMatchObject({ code: 'FunctionRoleCredentialsUnavailable' });
  });

  it('rethrows a failure of the function as a clean error with its code, logged once without secrets', async () => {
    const handler = timerHandler({
      env: ROLE_ENV,
      handle: async () => {
        throw new Error(`boom with ${ROLE_ENV.TENCENTCLOUD_SECRETKEY}`);
      },
    });
    const failure = await handler(EVENT, {}).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'InternalError', message: 'Unexpected failure.' });
    expect(stdout.lines).toHaveLength(1);
    expect(JSON.stringify(stdout.lines)).not.toContain(ROLE_ENV.TENCENTCLOUD_SECRETKEY);
    expect(stdout.lines[0]).toMatchObject({ cause: { message: 'boom with [REDACTED]' } });
  });
});
