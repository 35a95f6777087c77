/**
 * The response cache of the slow-changing reads, over HTTP through the harness and the real bundles
 * to the emulator (lib/cache/route-cache.ts). Upstream calls are read from the emulator's counters,
 * never inferred from timing.
 */
import { DEMO_BASIC_AUTHORIZATION, DEMO_QUERY_CREDENTIALS, DEMO_SECRET_ID, DEMO_SECRET_KEY, type LocalStack, startLocalStack } from '../helpers/harness';

const ALICE_ACCOUNT = '100000000001';
const BOB_ACCOUNT = '100000000002';
/** Alice's second key pair, on her account. */
const ALICE_SECOND = { secretId: 'AKIDalicesecond0001', secretKey: 'AliceSecondKey0001' };
const BOB = { secretId: 'AKIDbobcachetest0001', secretKey: 'BobCacheTestKey0001' };
const CREDENTIALS = [
  `${DEMO_SECRET_ID}:${DEMO_SECRET_KEY}@${ALICE_ACCOUNT}`,
  `${ALICE_SECOND.secretId}:${ALICE_SECOND.secretKey}@${ALICE_ACCOUNT}`,
  `${BOB.secretId}:${BOB.secretKey}@${BOB_ACCOUNT}`,
].join(',');

function queryCredentials(pair: { secretId: string; secretKey: string }): string {
  return `secretId=${pair.secretId}&secretKey=${pair.secretKey}`;
}

type Body = Record<string, unknown>;

describe('response cache through the harness', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({
      emulator: { credentials: CREDENTIALS, rateLimits: false },
      env: { CACHE_ENABLED: 'true', CACHE_MAX_ENTRIES: '3', CACHE_TTL_SECONDS_INSTANCE_TYPES: '1' },
    });
  });

  afterAll(async () => {
    await stack.close();
  });

  async function received(action: string): Promise<number> {
    return (await stack.emulator.control.counters())[action]?.received ?? 0;
  }

  /** The upstream calls of `action` that `run` caused, and what it returned. */
  async function upstreamCallsOf<T>(action: string, run: () => Promise<T>): Promise<{ calls: number; result: T }> {
    const before = await received(action);
    const result = await run();
    return { calls: (await received(action)) - before, result };
  }

  it('answers a repeat within the TTL with zero upstream calls and the same body', async () => {
    const first = await upstreamCallsOf('DescribeRegions', () => stack.request<Body>(`/api/regions?${DEMO_QUERY_CREDENTIALS}`));
    const repeat = await upstreamCallsOf('DescribeRegions', () => stack.request<Body>(`/api/regions?${DEMO_QUERY_CREDENTIALS}`));

    expect(first.calls).toBe(1);
    expect(repeat.calls).toBe(0);
    expect(repeat.result.status).toBe(200);
    expect(repeat.result.body).toEqual(first.result.body);
    expect(repeat.result.body.totalCount).toBe('19');
    expect(repeat.result.headers.get('etag')).toBe(first.result.headers.get('etag'));
    expect(repeat.result.headers.get('x-request-id')).not.toBe(first.result.headers.get('x-request-id'));
  });

  it('marks cached answers private with the TTL left, a strong ETag and Vary on the credential headers', async () => {
    const answer = await stack.request<Body>(`/api/zones?${DEMO_QUERY_CREDENTIALS}&region=ap-guangzhou`);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toMatch(/^private, max-age=(300|299)$/);
    expect(answer.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(answer.headers.get('vary')).toBe('Authorization, X-TC-Token');
  });

  it('answers 304 without a body, and without an upstream call, when If-None-Match names the ETag', async () => {
    const path = `/api/zones?${DEMO_QUERY_CREDENTIALS}&region=ap-shanghai`;
    const first = await stack.request<Body>(path);
    const etag = first.headers.get('etag') ?? '';

    const revalidated = await upstreamCallsOf('DescribeZones', async () => {
      const response = await fetch(`${stack.url}${path}`, { headers: { 'If-None-Match': etag } });
      return { status: response.status, text: await response.text(), etag: response.headers.get('etag') };
    });
    const changed = await stack.request<Body>(path, { headers: { 'If-None-Match': '"not-the-current-one"' } });

    expect(revalidated.calls).toBe(0);
    expect(revalidated.result).toEqual({ status: 304, text: '', etag });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual(first.body);
  });

  it('shares an entry for the same key pair however it is sent (query string or Basic header)', async () => {
    await stack.request(`/api/zones?${DEMO_QUERY_CREDENTIALS}&region=ap-beijing`);
    const viaHeader = await upstreamCallsOf('DescribeZones', () =>
      stack.request<Body>('/api/zones?region=ap-beijing', { headers: { Authorization: DEMO_BASIC_AUTHORIZATION } }),
    );

    expect(viaHeader.result.status).toBe(200);
    expect(viaHeader.calls).toBe(0);
  });

  it('never serves a cached answer to the same SecretId with a wrong SecretKey: upstream refuses it (401)', async () => {
    await stack.request(`/api/regions?${DEMO_QUERY_CREDENTIALS}`);
    const impostor = await upstreamCallsOf('DescribeRegions', () =>
      stack.request<Body>(`/api/regions?secretId=${DEMO_SECRET_ID}&secretKey=GuessedKeyThatIsWrong000`),
    );

    expect(impostor.calls).toBe(1);
    expect(impostor.result.status).toBe(401);
    expect(impostor.result.body).toEqual({
      error: { code: expect.stringMatching(/^AuthFailure\./), message: expect.any(String) },
      requestId: expect.any(String),
    });
    expect(JSON.stringify(impostor.result.body)).not.toContain('ap-guangzhou');
    expect(impostor.result.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps another key pair of the same account in its own entry', async () => {
    await stack.request(`/api/regions?${DEMO_QUERY_CREDENTIALS}`);
    const second = await upstreamCallsOf('DescribeRegions', () => stack.request<Body>(`/api/regions?${queryCredentials(ALICE_SECOND)}`));

    expect(second.calls).toBe(1);
    expect(second.result.status).toBe(200);
  });

  it("never serves one account's images to another", async () => {
    await stack.emulator.control.changeCatalogue({ kind: 'seedPrivateImages', accountId: ALICE_ACCOUNT, region: 'ap-tokyo', count: 3 });
    const alice = await stack.request<{ images: { imageType: string }[]; totalCount: string }>(
      `/api/images?${DEMO_QUERY_CREDENTIALS}&region=ap-tokyo`,
    );
    const bob = await upstreamCallsOf('DescribeImages', () =>
      stack.request<{ images: { imageType: string }[]; totalCount: string }>(`/api/images?${queryCredentials(BOB)}&region=ap-tokyo`),
    );

    const privateImages = (images: { imageType: string }[]) => images.filter((image) => image.imageType === 'PRIVATE_IMAGE').length;
    expect(privateImages(alice.body.images)).toBe(3);
    expect(bob.calls).toBe(1);
    expect(privateImages(bob.result.body.images)).toBe(0);
    expect(Number(bob.result.body.totalCount)).toBe(Number(alice.body.totalCount) - 3);
  });

  it('goes upstream again once the TTL has passed', async () => {
    const path = `/api/instance-types?${DEMO_QUERY_CREDENTIALS}&region=ap-guangzhou`;
    await stack.request(path);
    const withinTtl = await upstreamCallsOf('DescribeInstanceTypeConfigs', () => stack.request(path));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const afterTtl = await upstreamCallsOf('DescribeInstanceTypeConfigs', () => stack.request(path));

    expect(withinTtl.calls).toBe(0);
    expect(afterTtl.calls).toBe(1);
  });

  it('holds at most CACHE_MAX_ENTRIES answers per function, dropping the least recently used', async () => {
    const zonesOf = (region: string) => stack.request(`/api/zones?${queryCredentials(BOB)}&region=${region}`);
    for (const region of ['ap-chengdu', 'ap-nanjing', 'ap-seoul', 'ap-singapore']) await zonesOf(region);

    const newest = await upstreamCallsOf('DescribeZones', () => zonesOf('ap-singapore'));
    const evicted = await upstreamCallsOf('DescribeZones', () => zonesOf('ap-chengdu'));

    expect(newest.calls).toBe(0);
    expect(evicted.calls).toBe(1);
  });

  it('never keeps a failed answer: the next request goes upstream and succeeds', async () => {
    const path = `/api/zones?${DEMO_QUERY_CREDENTIALS}&region=ap-hongkong`;
    // A refusal, which is never retried (lib/cvm/retry-policy.ts), so the function answers it as is.
    await stack.emulator.control.addFault({ action: 'DescribeZones', region: 'ap-hongkong', kind: 'error', code: 'UnauthorizedOperation', times: 1 });
    const failed = await stack.request(path);
    const next = await upstreamCallsOf('DescribeZones', () => stack.request(path));

    expect(failed.status).toBe(403);
    expect(next.calls).toBe(1);
    expect(next.result.status).toBe(200);
  });
});
