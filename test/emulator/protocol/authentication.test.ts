import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../local/emulator/accounts';
import { createCvmClient, sdkException, type CvmClientOptions, type CvmTestClient } from '../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TEMPORARY_ID = 'AKIDTEMPORARYTESTKEY0000000000000000';
const TEMPORARY_KEY = 'TemporaryTestSecretKey0000000000';
const TEMPORARY_TOKEN = 'session-token-for-tests';
const CREDENTIALS = `${DEMO_SECRET_ID}:${DEMO_SECRET_KEY},${TEMPORARY_ID}:${TEMPORARY_KEY}:${TEMPORARY_TOKEN}`;

describe('TC3 authentication through the real SDK client', () => {
  let emulator: TestEmulator;
  let clockSkewMs = 0;
  const clients: CvmTestClient[] = [];

  const cvm = (options: Omit<CvmClientOptions, 'endpoint'> = {}): CvmTestClient['client'] => {
    const created = createCvmClient({ endpoint: emulator.endpoint, ...options });
    clients.push(created);
    return created.client;
  };

  beforeAll(async () => {
    emulator = await startTestEmulator({ credentials: CREDENTIALS, now: () => Date.now() + clockSkewMs });
  });

  afterEach(() => {
    clockSkewMs = 0;
  });

  afterAll(async () => {
    clients.forEach((created) => created.close());
    await emulator.close();
  });

  it('answers a correctly signed call with the Response fields and a RequestId', async () => {
    const answer = await cvm().DescribeRegions();
    expect(answer.RequestId).toMatch(UUID);
    expect(answer.TotalCount).toBe(answer.RegionSet?.length);
    expect(answer.RegionSet?.map((region) => region.Region)).toContain('ap-guangzhou');
  });

  it('answers AuthFailure.InvalidAuthorization when the request is not signed', async () => {
    const error = await sdkException(cvm().request('DescribeRegions', {}, { skipSign: true }));
    expect(error.code).toBe('AuthFailure.InvalidAuthorization');
    expect(error.message).toBe(
      'Authorization header is invalid: expected `TC3-HMAC-SHA256 Credential=<SecretId>/<Date>/<Service>/tc3_request, SignedHeaders=<names>, Signature=<64 hex>`.',
    );
    expect(error.requestId).toMatch(UUID);
  });

  it('answers AuthFailure.SecretIdNotFound for an unknown SecretId', async () => {
    const error = await sdkException(cvm({ secretId: 'AKIDUNKNOWNKEY00000000000000000000000' }).DescribeRegions());
    expect(error.code).toBe('AuthFailure.SecretIdNotFound');
    expect(error.message).toBe('The SecretId is not found, please ensure that your SecretId is correct.');
    expect(error.requestId).toMatch(UUID);
  });

  it('answers AuthFailure.SignatureFailure for a wrong SecretKey, and never echoes it', async () => {
    const wrongKey = 'WrongSecretKeyWrongSecretKey0000';
    const error = await sdkException(cvm({ secretKey: wrongKey }).DescribeRegions());
    expect(error.code).toBe('AuthFailure.SignatureFailure');
    expect(error.message).toBe('The provided credentials could not be validated. Please check your signature is correct.');
    expect(error.requestId).toMatch(UUID);
    expect(JSON.stringify(error)).not.toContain(wrongKey);
  });

  it.each([
    ['behind', 301_000],
    ['ahead of', -301_000],
  ])('answers AuthFailure.SignatureExpire when the client clock is 301 s %s the server', async (_direction, skew) => {
    clockSkewMs = skew;
    const error = await sdkException(cvm().DescribeRegions());
    expect(error.code).toBe('AuthFailure.SignatureExpire');
    expect(error.message).toMatch(
      /^Signature expired: X-TC-Timestamp \d+ differs from server time \d+ by more than 300 seconds\.$/,
    );
    expect(error.requestId).toMatch(UUID);
  });

  it('accepts a client clock 290 s away from the server', async () => {
    clockSkewMs = 290_000;
    await expect(cvm().DescribeRegions()).resolves.toMatchObject({ RequestId: expect.stringMatching(UUID) });
  });

  describe('temporary key pairs', () => {
    it('accept a call that carries the token in X-TC-Token', async () => {
      const answer = await cvm({ secretId: TEMPORARY_ID, secretKey: TEMPORARY_KEY, token: TEMPORARY_TOKEN }).DescribeRegions();
      expect(answer.RequestId).toMatch(UUID);
    });

    it.each([
      ['without a token', undefined, 'Token error: the key pair is temporary and the request carries no `X-TC-Token`.'],
      ['with another token', 'a-different-token', 'Token error: the `X-TC-Token` is invalid or expired.'],
    ])('answer AuthFailure.TokenFailure %s', async (_case, token, message) => {
      const error = await sdkException(
        cvm({ secretId: TEMPORARY_ID, secretKey: TEMPORARY_KEY, ...(token === undefined ? {} : { token }) }).DescribeRegions(),
      );
      expect(error.code).toBe('AuthFailure.TokenFailure');
      expect(error.message).toBe(message);
      expect(error.requestId).toMatch(UUID);
      expect(error.message).not.toContain(TEMPORARY_TOKEN);
    });

    it('refuse a token sent with a long-term key pair', async () => {
      const error = await sdkException(cvm({ token: 'unexpected-token' }).DescribeRegions());
      expect(error.code).toBe('AuthFailure.TokenFailure');
      expect(error.message).toBe('Token error: the key pair is a long-term key, which takes no `X-TC-Token`.');
    });
  });
});
