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

  it('masks a whole TC3 Authorization value even when the key is unknown', () => {
    const header = 'TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c';
    expect(scrubText(header, [])).toBe('TC3-HMAC-SHA256 [REDACTED]');
  });

  it.each<[string, string, string]>([
    [
      'an upstream message quoting the Authorization header',
      'bad request: Authorization: TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c - retry later',
      'bad request: Authorization: TC3-HMAC-SHA256 [REDACTED] - retry later',
    ],
    ['a non-hex signature token', 'the Signature=abc.DEF_ghi/+= is wrong', 'the Signature=[REDACTED] is wrong'],
    ['a short signature', 'Signature=deadbeef, then', 'Signature=[REDACTED], then'],
    ['a Credential fragment alone', 'Credential=AKIDEXAMPLE/2019-02-25/cvm/tc3_request was refused', 'Credential=[REDACTED] was refused'],
    ['a signed COS URL', 'GET /a?q-ak=AKID&q-signature=0f3a9c&x=1 failed', 'GET /a?q-ak=AKID&q-signature=[REDACTED]&x=1 failed'],
    ['the algorithm followed by a bare token', 'header "TC3-HMAC-SHA256 c2VjcmV0" refused', 'header "TC3-HMAC-SHA256 [REDACTED]" refused'],
  ])('masks signing material: %s', (_name, text, expected) => {
    expect(scrubText(text, [])).toBe(expected);
  });

  it('leaves a text without signing material unchanged, and masks a masked text the same way again', () => {
    const plain = 'The CVM API did not answer DescribeZones within 8000 ms.';
    const masked = scrubText('TC3-HMAC-SHA256 Credential=a/b, SignedHeaders=host, Signature=00ff', []);

    expect(scrubText(plain, [])).toBe(plain);
    expect(scrubText(masked, [])).toBe(masked);
  });

  it('keeps every TC3 signature out of any surrounding text', () => {
    const signature = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(fc.string(), signature, fc.string(), (before, hex, after) => {
        const text = `${before} Authorization: TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${hex} ${after}`;
        expect(scrubText(text, [])).not.toContain(hex);
      }),
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
