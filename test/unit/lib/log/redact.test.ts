import fc from 'fast-check';
import { REDACTED, isSecretKeyName, redact, scrubText } from '../../../../lib/log/redact';

const SECRET = 'LocalEmulatorDemoSecretKey000000';

describe('isSecretKeyName', () => {
  it.each(['secretKey', 'secret_key', 'SecretKey', 'token', 'sessionToken', 'X-TC-Token', 'authorization', 'Authorization', 'signature', 'password', 'TENCENTCLOUD_SECRETKEY', 'TENCENTCLOUD_SESSIONTOKEN'])(
    'treats %s as a secret',
    (name) => {
      expect(isSecretKeyName(name)).toBe(true);
    },
  );

  it.each(['secretId', 'region', 'requestId', 'tokens_used', 'keyIds'])('does not treat %s as a secret', (name) => {
    expect(isSecretKeyName(name)).toBe(false);
  });
});

describe('scrubText', () => {
  it('replaces every occurrence of each known secret', () => {
    expect(scrubText(`${SECRET} and again ${SECRET}`, [SECRET])).toBe('[REDACTED] and again [REDACTED]');
  });

  it('masks TC3 signatures even when the key is unknown', () => {
    const header = 'TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c';
    expect(scrubText(header, [])).toBe(
      'TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=[REDACTED]',
    );
  });

  it('leaves short values alone so that ordinary words survive', () => {
    expect(scrubText('the region is ok', ['ok'])).toBe('the region is ok');
  });
});

describe('redact', () => {
  it('replaces secret-named keys at any depth and scrubs secret values elsewhere', () => {
    const redacted = redact(
      {
        query: { secretId: 'AKID1', secretKey: SECRET, region: 'ap-guangzhou' },
        headers: { Authorization: 'Basic abc', 'x-tc-token': 'tok' },
        nested: [{ deeper: { secret_key: 'x', note: `echo ${SECRET}` } }],
        count: 3,
        flag: false,
        nothing: null,
      },
      [SECRET],
    );
    expect(redacted).toEqual({
      query: { secretId: 'AKID1', secretKey: REDACTED, region: 'ap-guangzhou' },
      headers: { Authorization: REDACTED, 'x-tc-token': REDACTED },
      nested: [{ deeper: { secret_key: REDACTED, note: `echo ${REDACTED}` } }],
      count: 3,
      flag: false,
      nothing: null,
    });
  });

  it('reduces errors to name, message and code, without stack or attached objects', () => {
    const error = Object.assign(new Error(`failed with ${SECRET}`), { code: 'AuthFailure', request: { secretKey: SECRET } });
    expect(redact({ error }, [SECRET])).toEqual({ error: { name: 'Error', message: 'failed with [REDACTED]', code: 'AuthFailure' } });
  });

  it('stops at a fixed depth instead of following a cycle forever', () => {
    const cyclic: { self?: unknown; name: string } = { name: 'loop' };
    cyclic.self = cyclic;
    expect(JSON.stringify(redact(cyclic, []))).toContain(REDACTED);
  });

  it('never lets a known secret through, whatever the structure', () => {
    const secret = fc.string({ minLength: 8, maxLength: 40 }).filter((value) => !value.includes('[REDACTED]') && !'[REDACTED]'.includes(value));
    fc.assert(
      fc.property(secret, fc.jsonValue(), fc.string(), (key, structure, prefix) => {
        const value = { structure, text: `${prefix}${key}`, list: [key] };
        expect(JSON.stringify(redact(value, [key]))).not.toContain(JSON.stringify(key).slice(1, -1));
      }),
    );
  });
});
