import { parseCredentials } from '../../../../local/emulator/accounts';
import { authenticate } from '../../../../local/emulator/protocol/authenticate';
import type { ReceivedRequest } from '../../../../local/emulator/protocol/received-request';
import {
  buildCanonicalRequest,
  buildStringToSign,
  computeSignature,
  credentialScope,
  deriveSigningKey,
  parseAuthorization,
  sha256Hex,
  utcDateOfTimestamp,
} from '../../../../local/emulator/protocol/tc3';
import { CvmApiError } from '../../../../local/emulator/services/cvm/service';

// Reference §2.6: the official test vector.
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const TIMESTAMP = '1551113065';
const VECTOR_BODY = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const VECTOR_AUTHORIZATION =
  'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168';

function vectorRequest(overrides: Record<string, string | undefined> = {}, body = VECTOR_BODY): ReceivedRequest {
  const headers: Record<string, string | undefined> = {
    host: 'cvm.tencentcloudapi.com',
    'content-type': 'application/json; charset=utf-8',
    'x-tc-action': 'DescribeInstances',
    'x-tc-version': '2017-03-12',
    'x-tc-region': 'ap-guangzhou',
    'x-tc-timestamp': TIMESTAMP,
    authorization: VECTOR_AUTHORIZATION,
    ...overrides,
  };
  return {
    method: 'POST',
    path: '/',
    query: '',
    header: (name) => headers[name],
    body: Buffer.from(body, 'utf8'),
    bodyTooLarge: false,
  };
}

const accounts = parseCredentials(`${SECRET_ID}:${SECRET_KEY}@100000000001`);
const vectorNow = Number(TIMESTAMP) * 1000;

function failureCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CvmApiError) {
      return error.code;
    }
    throw error;
  }
  throw new Error('expected a CvmApiError');
}

describe('TC3 primitives against the documented vector (reference §2.6)', () => {
  const canonicalRequest = buildCanonicalRequest({
    method: 'POST',
    path: '/',
    query: '',
    signedHeaders: ['content-type', 'host'],
    headerValue: (name) => (name === 'host' ? 'cvm.tencentcloudapi.com' : 'application/json; charset=utf-8'),
    body: Buffer.from(VECTOR_BODY, 'utf8'),
  });

  it('hashes the 86-byte payload to the documented HashedRequestPayload', () => {
    expect(Buffer.byteLength(VECTOR_BODY)).toBe(86);
    expect(sha256Hex(Buffer.from(VECTOR_BODY))).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
  });

  it('builds the documented canonical request and its hash', () => {
    expect(canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(sha256Hex(canonicalRequest)).toBe('5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
  });

  it('derives the scope date in UTC, not local time', () => {
    expect(utcDateOfTimestamp(1551113065)).toBe('2019-02-25');
    expect(credentialScope('2019-02-25', 'cvm')).toBe('2019-02-25/cvm/tc3_request');
  });

  it('produces the documented string to sign and signature', () => {
    const stringToSign = buildStringToSign(TIMESTAMP, '2019-02-25/cvm/tc3_request', canonicalRequest);
    expect(stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    const signingKey = deriveSigningKey(SECRET_KEY, '2019-02-25', 'cvm');
    expect(signingKey.toString('hex')).toBe('ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1');
    expect(computeSignature(signingKey, stringToSign)).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
  });

  it('parses the documented Authorization header', () => {
    expect(parseAuthorization(VECTOR_AUTHORIZATION)).toEqual({
      secretId: SECRET_ID,
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host'],
      signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    });
  });

  it.each([
    ['no algorithm', VECTOR_AUTHORIZATION.replace('TC3-HMAC-SHA256 ', '')],
    ['separator without space', VECTOR_AUTHORIZATION.replace(', SignedHeaders', ',SignedHeaders')],
    ['upper-case signature hex', VECTOR_AUTHORIZATION.replace('72e494ea', '72E494EA')],
    ['short signature', VECTOR_AUTHORIZATION.slice(0, -2)],
    ['scope without tc3_request', VECTOR_AUTHORIZATION.replace('/tc3_request', '/tc4_request')],
  ])('rejects a malformed header: %s', (_case, header) => {
    expect(parseAuthorization(header)).toBeUndefined();
  });
});

describe('authenticate', () => {
  it('accepts the documented vector request at its own timestamp', () => {
    expect(authenticate(vectorRequest(), accounts, TIMESTAMP, vectorNow)).toMatchObject({
      secretId: SECRET_ID,
      accountId: '100000000001',
    });
  });

  it('accepts the vector with the Host header carrying a port (the SDK signs the host without it, §2.7)', () => {
    expect(authenticate(vectorRequest({ host: 'cvm.tencentcloudapi.com:443' }), accounts, TIMESTAMP, vectorNow).secretId).toBe(
      SECRET_ID,
    );
  });

  it.each([
    [299, 'accepted'],
    [300, 'accepted'],
    [301, 'AuthFailure.SignatureExpire'],
    [-300, 'accepted'],
    [-301, 'AuthFailure.SignatureExpire'],
  ])('with the server clock %i s from the timestamp: %s', (offsetSeconds, expected) => {
    const now = vectorNow + offsetSeconds * 1000;
    const outcome = (() => {
      try {
        authenticate(vectorRequest(), accounts, TIMESTAMP, now);
        return 'accepted';
      } catch (error) {
        return error instanceof CvmApiError ? error.code : 'unexpected';
      }
    })();
    expect(outcome).toBe(expected);
  });

  it.each([
    ['no Authorization header', { authorization: undefined }, 'AuthFailure.InvalidAuthorization'],
    ['a header that is not TC3', { authorization: 'Basic dXNlcjpwYXNz' }, 'AuthFailure.InvalidAuthorization'],
    [
      'SignedHeaders without host',
      { authorization: VECTOR_AUTHORIZATION.replace('content-type;host', 'content-type') },
      'AuthFailure.InvalidAuthorization',
    ],
    [
      'an unknown SecretId',
      { authorization: VECTOR_AUTHORIZATION.replace(SECRET_ID, 'AKIDunknown000000000000000000000000') },
      'AuthFailure.SecretIdNotFound',
    ],
    ['a different content-type than signed', { 'content-type': 'application/json' }, 'AuthFailure.SignatureFailure'],
    ['a different host than signed', { host: 'cvm.ap-guangzhou.tencentcloudapi.com' }, 'AuthFailure.SignatureFailure'],
    [
      'a scope date that is not the UTC date of the timestamp',
      { authorization: VECTOR_AUTHORIZATION.replace('2019-02-25', '2019-02-26') },
      'AuthFailure.SignatureFailure',
    ],
    [
      'a scope service that is neither cvm nor the first label of Host',
      { authorization: VECTOR_AUTHORIZATION.replace('/cvm/', '/cbs/') },
      'AuthFailure.SignatureFailure',
    ],
    ['a long-term key with a token', { 'x-tc-token': 'some-token' }, 'AuthFailure.TokenFailure'],
  ])('rejects %s', (_case, overrides, code) => {
    expect(failureCode(() => authenticate(vectorRequest(overrides), accounts, TIMESTAMP, vectorNow))).toBe(code);
  });

  it('rejects a body that differs by one byte from the one signed', () => {
    const tampered = VECTOR_BODY.replace('"Limit": 1', '"Limit": 2');
    expect(failureCode(() => authenticate(vectorRequest({}, tampered), accounts, TIMESTAMP, vectorNow))).toBe(
      'AuthFailure.SignatureFailure',
    );
  });

  it('checks the SecretId before the clock, and the clock before the signature', () => {
    const unknownAndExpired = vectorRequest({
      authorization: VECTOR_AUTHORIZATION.replace(SECRET_ID, 'AKIDunknown000000000000000000000000'),
    });
    expect(failureCode(() => authenticate(unknownAndExpired, accounts, TIMESTAMP, vectorNow + 3_600_000))).toBe(
      'AuthFailure.SecretIdNotFound',
    );
    const badSignatureAndExpired = vectorRequest({ 'content-type': 'text/plain' });
    expect(failureCode(() => authenticate(badSignatureAndExpired, accounts, TIMESTAMP, vectorNow + 3_600_000))).toBe(
      'AuthFailure.SignatureExpire',
    );
  });

  describe('with a temporary key pair', () => {
    const temporary = parseCredentials(`${SECRET_ID}:${SECRET_KEY}:session-token-1`);

    it('accepts the request carrying the pair token', () => {
      expect(authenticate(vectorRequest({ 'x-tc-token': 'session-token-1' }), temporary, TIMESTAMP, vectorNow).token).toBe(
        'session-token-1',
      );
    });

    it.each([
      ['no token', undefined],
      ['an empty token', ''],
      ['another token', 'session-token-2'],
    ])('answers TokenFailure for %s', (_case, token) => {
      expect(failureCode(() => authenticate(vectorRequest({ 'x-tc-token': token }), temporary, TIMESTAMP, vectorNow))).toBe(
        'AuthFailure.TokenFailure',
      );
    });

    it('reports a bad signature before a bad token', () => {
      expect(
        failureCode(() =>
          authenticate(vectorRequest({ 'content-type': 'text/plain', 'x-tc-token': 'wrong' }), temporary, TIMESTAMP, vectorNow),
        ),
      ).toBe('AuthFailure.SignatureFailure');
    });
  });
});
