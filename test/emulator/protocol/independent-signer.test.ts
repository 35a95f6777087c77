import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../local/emulator/accounts';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { sendRawRequest, signTc3, signedCallHeaders, type SignedCallInput } from '../../helpers/tc3-signer';

const EXAMPLE_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const EXAMPLE_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const VECTOR_BODY = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const vectorInput = {
  secretId: EXAMPLE_ID,
  secretKey: EXAMPLE_KEY,
  service: 'cvm',
  method: 'POST',
  host: 'cvm.tencentcloudapi.com',
  contentType: 'application/json; charset=utf-8',
  timestamp: 1551113065,
  body: VECTOR_BODY,
} as const;

describe('independent TC3 signer (written from reference §2, not from the SDK)', () => {
  it('reproduces every step of the documented vector (§2.6)', () => {
    expect(signTc3(vectorInput)).toEqual({
      hashedRequestPayload: '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
      canonicalRequest:
        'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
      hashedCanonicalRequest: '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
      date: '2019-02-25',
      credentialScope: '2019-02-25/cvm/tc3_request',
      stringToSign:
        'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
      secretDateHex: 'd1308c81fe71cfd4e06437bbc067b2b8a3d2d8c0e375d547f15c41d5214b395a',
      secretServiceHex: '3c7cb7c7795393edc14fd2e0e6434a518564b4504b88e94f5d11bf59ba3e7050',
      secretSigningHex: 'ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1',
      signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
      signedHeaders: 'content-type;host',
      authorization:
        'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    });
  });

  it('reproduces the content-type;host;x-tc-action variant (§2.6 notes)', () => {
    const steps = signTc3({ ...vectorInput, extraSignedHeaders: { 'X-TC-Action': 'DescribeInstances' } });
    expect(steps.signedHeaders).toBe('content-type;host;x-tc-action');
    expect(steps.canonicalRequest).toContain('\nx-tc-action:describeinstances\n');
    expect(steps.hashedCanonicalRequest).toBe('7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');
    expect(steps.signature).toBe('644be983de9a8a3f00db8eadaba61467c3b429e2215758ba897b738ca469fd26');
  });

  it.each([
    [
      '127.0.0.1',
      '127',
      '{"Limit":1,"Offset":0}',
      '664100f264daf37deefde55f8b8f8dfe1bdf7f118a83d0254fbf44747163f464',
      'e591a75c97182ee751ff66eb2b6906fd8fbcb6988b0e7f63bb540e47f8f92340',
    ],
    [
      'cvm.tencentcloudapi.com',
      'cvm',
      '{}',
      '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      '62cc1203c112368345f8b9b9a19250a256ca9852dc3b62843e7e2be838551002',
    ],
  ])('reproduces the SDK-produced vector for host %s, service %s (§2.7)', (host, service, body, payloadHash, signature) => {
    const steps = signTc3({ ...vectorInput, host, service, body, contentType: 'application/json' });
    expect(steps.hashedRequestPayload).toBe(payloadHash);
    expect(steps.signature).toBe(signature);
  });
});

describe('the emulator verifies requests from the independent signer', () => {
  let emulator: TestEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });

  afterAll(async () => {
    await emulator.close();
  });

  const call = (input: Omit<SignedCallInput, 'port' | 'secretId' | 'secretKey' | 'timestamp' | 'action' | 'body'> & {
    /** Changes the signed headers before sending. */
    tamper?: (headers: Record<string, string>) => Record<string, string>;
    sentBody?: string;
  } = {}): Promise<{ Code?: string; RequestId: string }> => {
    const body = '{}';
    const headers = signedCallHeaders({
      port: emulator.port,
      secretId: DEMO_SECRET_ID,
      secretKey: DEMO_SECRET_KEY,
      timestamp: Math.floor(Date.now() / 1000),
      action: 'DescribeRegions',
      body,
      ...input,
    });
    return sendRawRequest({
      port: emulator.port,
      method: 'POST',
      headers: input.tamper === undefined ? headers : input.tamper(headers),
      body: input.sentBody ?? body,
    }).then((answer) => {
      const envelope = JSON.parse(answer.text) as { Response: { Error?: { Code: string }; RequestId: string } };
      return { Code: envelope.Response.Error?.Code, RequestId: envelope.Response.RequestId };
    });
  };

  it.each([
    ['content-type;host with the Host header as sent (the protocol rule)', {}],
    ['content-type;host;x-tc-action', { signActionHeader: true }],
    ['host signed without its port and service `127`, as the Node SDK does', { signedHost: '127.0.0.1', service: '127' }],
    ['a charset in the content-type that was signed', { contentType: 'application/json; charset=utf-8' }],
  ])('accepts %s', async (_case, input) => {
    const answer = await call(input);
    expect(answer.Code).toBeUndefined();
    expect(answer.RequestId).toMatch(UUID);
  });

  it.each([
    ['a body changed after signing', { sentBody: '{ }' }],
    [
      'an X-TC-Timestamp changed after signing',
      { tamper: (headers: Record<string, string>) => ({ ...headers, 'X-TC-Timestamp': String(Number(headers['X-TC-Timestamp']) - 1) }) },
    ],
    ['a Host changed after signing', { tamper: (headers: Record<string, string>) => ({ ...headers, Host: 'localhost:1' }) }],
    [
      'a signed X-TC-Action changed after signing',
      { signActionHeader: true, tamper: (headers: Record<string, string>) => ({ ...headers, 'X-TC-Action': 'DescribeZones' }) },
    ],
    [
      'a Content-Type changed after signing',
      { tamper: (headers: Record<string, string>) => ({ ...headers, 'Content-Type': 'application/json; charset=utf-8' }) },
    ],
    ['a scope service that is neither cvm nor the Host label', { service: 'cbs' }],
  ])('rejects %s with AuthFailure.SignatureFailure', async (_case, input) => {
    const answer = await call(input);
    expect(answer.Code).toBe('AuthFailure.SignatureFailure');
    expect(answer.RequestId).toMatch(UUID);
  });
});
