import { createLogger } from '../../../../lib/log/logger';

const fixedTime = () => new Date('2026-01-02T03:04:05.000Z');

function collectingLogger(level: 'debug' | 'info' | 'warn' | 'error' = 'info') {
  const lines: string[] = [];
  const log = createLogger({ level, base: { function: 'zones', requestId: 'req-1' }, write: (line) => lines.push(line), now: fixedTime });
  return { log, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes one JSON line per event with time, level, message, function and request id first', () => {
    const { log, lines } = collectingLogger();
    log.info('request', { status: 200, durationMs: 12 });
    expect(lines).toEqual([
      '{"time":"2026-01-02T03:04:05.000Z","level":"info","msg":"request","function":"zones","requestId":"req-1","status":200,"durationMs":12}',
    ]);
  });

  it.each([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ] as const)('at level %s writes %j', (level, written) => {
    const { log, parsed } = collectingLogger(level);
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(parsed().map((line) => line.level)).toEqual(written);
  });

  it('scrubs the secrets it learned from every later line, and redacts secret-named fields always', () => {
    const { log, lines } = collectingLogger();
    log.info('before', { note: 'SuperSecretKeyValue123' });
    log.addSecrets(['SuperSecretKeyValue123', '']);
    log.warn('after', { note: 'key was SuperSecretKeyValue123', query: { secretKey: 'whatever-it-is' } });
    expect(lines[0]).toContain('SuperSecretKeyValue123');
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ note: 'key was [REDACTED]', query: { secretKey: '[REDACTED]' } });
  });

  it('keeps signing material out of every line, in messages, fields and errors alike', () => {
    const { log, lines } = collectingLogger();
    const authorization = 'TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2026-01-02/cvm/tc3_request, SignedHeaders=content-type;host, Signature=5ca1ab1e';
    log.warn(`upstream said: ${authorization}`, { note: 'retry with Signature=0ddba11', error: new Error(`refused ${authorization}`) });

    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      msg: 'upstream said: TC3-HMAC-SHA256 [REDACTED]',
      note: 'retry with Signature=[REDACTED]',
      error: { message: 'refused TC3-HMAC-SHA256 [REDACTED]' },
    });
    expect(lines[0]).not.toMatch(/5ca1ab1e|0ddba11|AKIDEXAMPLE/);
  });

  it('writes to stdout by default', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      createLogger({ level: 'info', base: {} }).info('hello');
      expect(write).toHaveBeenCalledTimes(1);
      expect(String(write.mock.calls[0]?.[0])).toMatch(/^\{"time":"[^"]+","level":"info","msg":"hello"\}\n$/);
    } finally {
      write.mockRestore();
    }
  });
});
