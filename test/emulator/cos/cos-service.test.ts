import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type COS from 'cos-nodejs-sdk-v5';
import { ALICE, ALICE_TEMPORARY, BOB, cosClient, startCosEndpoint, type CosEndpoint } from './cos-endpoint';

const BUCKET = 'inventory-1250000000';
const REGION = 'ap-guangzhou';
const HOST = `${BUCKET}.cos.${REGION}.myqcloud.com`;

interface SdkFailure {
  readonly statusCode?: number;
  readonly code?: string;
  readonly message?: string;
}

/** The SDK rejects with plain objects as well as Errors (§7a.8): capture whatever it throws. */
async function failureOf(promise: Promise<unknown>): Promise<SdkFailure> {
  try {
    await promise;
  } catch (error) {
    return error as SdkFailure;
  }
  throw new Error('expected the call to fail');
}

const md5Hex = (body: string): string => createHash('md5').update(body).digest('hex');

describe('emulated COS endpoint through cos-nodejs-sdk-v5', () => {
  let endpoint: CosEndpoint;
  let alice: COS;

  beforeEach(async () => {
    endpoint = await startCosEndpoint();
    alice = cosClient(endpoint.ip, ALICE);
  });

  afterEach(async () => {
    await endpoint.close();
  });

  const put = (client: COS, key: string, body: string, headers: Record<string, string> = {}) =>
    client.putObject({ Bucket: BUCKET, Region: REGION, Key: key, Body: Buffer.from(body), Headers: headers });

  describe('PUT, GET, HEAD and DELETE Object', () => {
    it('stores the bytes and answers them back with the MD5 ETag and a default Content-Type', async () => {
      const stored = await put(alice, 'inventory/a.json', '{"a":1}');
      expect(stored.statusCode).toBe(200);
      expect(stored.ETag).toBe(`"${md5Hex('{"a":1}')}"`);

      const read = await alice.getObject({ Bucket: BUCKET, Region: REGION, Key: 'inventory/a.json' });
      expect(read.Body.toString('utf8')).toBe('{"a":1}');
      expect(read.ETag).toBe(stored.ETag);
      expect(read.headers?.['content-type']).toBe('application/octet-stream');
      expect(read.headers?.server).toBe('tencent-cos');
      expect(read.headers?.['x-cos-request-id']).toMatch(/^[A-Za-z0-9+/=]{32}$/);
    });

    it('keeps the Content-Type and x-cos-meta-* given at upload', async () => {
      await alice.putObject({
        Bucket: BUCKET,
        Region: REGION,
        Key: 'typed.json',
        Body: Buffer.from('[]'),
        ContentType: 'application/json',
        Headers: { 'x-cos-meta-run-id': 'run-1' },
      });
      const head = await alice.headObject({ Bucket: BUCKET, Region: REGION, Key: 'typed.json' });
      expect(head.headers?.['content-type']).toBe('application/json');
      expect(head.headers?.['x-cos-meta-run-id']).toBe('run-1');
      expect(head.headers?.['content-length']).toBe('2');
    });

    it('answers a missing key with 404 NoSuchKey on GET and a bodiless 404 on HEAD', async () => {
      const missingGet = await failureOf(alice.getObject({ Bucket: BUCKET, Region: REGION, Key: 'missing.json' }));
      expect(missingGet).toMatchObject({ statusCode: 404, code: 'NoSuchKey' });
      const missingHead = await failureOf(alice.headObject({ Bucket: BUCKET, Region: REGION, Key: 'missing.json' }));
      expect(missingHead).toMatchObject({ statusCode: 404, code: '404' });
    });

    it('deletes with 204 and the key is gone afterwards', async () => {
      await put(alice, 'gone.json', 'x');
      const deleted = await alice.deleteObject({ Bucket: BUCKET, Region: REGION, Key: 'gone.json' });
      expect(deleted.statusCode).toBe(204);
      const after = await failureOf(alice.getObject({ Bucket: BUCKET, Region: REGION, Key: 'gone.json' }));
      expect(after.code).toBe('NoSuchKey');
    });

    it('answers If-Match with a different ETag with 412 PreconditionFailed', async () => {
      await put(alice, 'cond.json', 'v1');
      const failure = await failureOf(
        alice.getObject({ Bucket: BUCKET, Region: REGION, Key: 'cond.json', IfMatch: '"00000000000000000000000000000000"' }),
      );
      expect(failure).toMatchObject({ statusCode: 412, code: 'PreconditionFailed', message: 'Precondition not match.' });
    });
  });

  describe('write-once (x-cos-forbid-overwrite) and Content-MD5', () => {
    it('refuses to overwrite with 409 FileAlreadyExists and keeps the first object', async () => {
      await put(alice, 'snap.json', 'first', { 'x-cos-forbid-overwrite': 'true' });
      const failure = await failureOf(put(alice, 'snap.json', 'second', { 'x-cos-forbid-overwrite': 'true' }));
      expect(failure).toMatchObject({ statusCode: 409, code: 'FileAlreadyExists' });
      const read = await alice.getObject({ Bucket: BUCKET, Region: REGION, Key: 'snap.json' });
      expect(read.Body.toString()).toBe('first');
    });

    it('overwrites silently without the header', async () => {
      await put(alice, 'plain.json', 'first');
      await put(alice, 'plain.json', 'second');
      const read = await alice.getObject({ Bucket: BUCKET, Region: REGION, Key: 'plain.json' });
      expect(read.Body.toString()).toBe('second');
    });

    it('accepts the SDK-computed Content-MD5 and rejects a wrong one with 400 BadDigest, storing nothing', async () => {
      const checked = cosClient(endpoint.ip, ALICE, { UploadCheckContentMd5: true });
      await expect(put(checked, 'md5.json', 'good')).resolves.toMatchObject({ statusCode: 200 });
      const wrongDigest = createHash('md5').update('other').digest('base64');
      const failure = await failureOf(
        put(alice, 'bad.json', 'body', { 'Content-MD5': wrongDigest }),
      );
      expect(failure).toMatchObject({ statusCode: 400, code: 'BadDigest' });
      expect((await failureOf(alice.headObject({ Bucket: BUCKET, Region: REGION, Key: 'bad.json' }))).statusCode).toBe(404);
    });
  });

  describe('GET Bucket', () => {
    beforeEach(async () => {
      for (const key of ['inventory/2024-01-03.json', 'inventory/2024-01-01.json', 'inventory/2024-01-02.json', 'other/x.json', 'top.json']) {
        await put(alice, key, key);
      }
    });

    it('lists keys under a prefix in byte order, with sizes and ETags', async () => {
      const list = await alice.getBucket({ Bucket: BUCKET, Region: REGION, Prefix: 'inventory/' });
      expect(list.Contents.map((object) => object.Key)).toEqual([
        'inventory/2024-01-01.json',
        'inventory/2024-01-02.json',
        'inventory/2024-01-03.json',
      ]);
      expect(list.Contents[0]).toMatchObject({
        Size: String('inventory/2024-01-01.json'.length),
        ETag: `"${md5Hex('inventory/2024-01-01.json')}"`,
        StorageClass: 'STANDARD',
      });
      expect(list.IsTruncated).toBe('false');
      expect(list.headers?.['x-cos-bucket-region']).toBe(REGION);
    });

    it('pages with max-keys and marker, giving NextMarker only while truncated', async () => {
      const first = await alice.getBucket({ Bucket: BUCKET, Region: REGION, Prefix: 'inventory/', MaxKeys: 2 });
      expect(first.Contents.map((object) => object.Key)).toEqual(['inventory/2024-01-01.json', 'inventory/2024-01-02.json']);
      expect(first.IsTruncated).toBe('true');
      expect(first.NextMarker).toBe('inventory/2024-01-02.json');
      const second = await alice.getBucket({ Bucket: BUCKET, Region: REGION, Prefix: 'inventory/', MaxKeys: 2, Marker: first.NextMarker });
      expect(second.Contents.map((object) => object.Key)).toEqual(['inventory/2024-01-03.json']);
      expect(second.IsTruncated).toBe('false');
      expect(second.NextMarker).toBeUndefined();
    });

    it('groups keys by delimiter into CommonPrefixes', async () => {
      const list = await alice.getBucket({ Bucket: BUCKET, Region: REGION, Delimiter: '/' });
      expect(list.CommonPrefixes.map((prefix) => prefix.Prefix)).toEqual(['inventory/', 'other/']);
      expect(list.Contents.map((object) => object.Key)).toEqual(['top.json']);
    });

    it('rejects a non-numeric max-keys with 400 InvalidArgument', async () => {
      const failure = await failureOf(alice.getBucket({ Bucket: BUCKET, Region: REGION, MaxKeys: 'many' as unknown as number }));
      expect(failure).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    });
  });

  describe('request signing', () => {
    it('rejects a signature made with the wrong SecretKey with 403 SignatureDoesNotMatch', async () => {
      const forger = cosClient(endpoint.ip, { SecretId: ALICE.SecretId, SecretKey: 'WrongSecretKeyWrongSecretKey0000' });
      const failure = await failureOf(put(forger, 'forged.json', 'x'));
      expect(failure).toMatchObject({
        statusCode: 403,
        code: 'SignatureDoesNotMatch',
        message: 'The Signature you specified is invalid.',
      });
      expect((await failureOf(alice.headObject({ Bucket: BUCKET, Region: REGION, Key: 'forged.json' }))).statusCode).toBe(404);
    });

    it('rejects an unknown SecretId with 403 InvalidAccessKeyId', async () => {
      const stranger = cosClient(endpoint.ip, { SecretId: 'AKIDunknown', SecretKey: ALICE.SecretKey });
      expect(await failureOf(put(stranger, 'x.json', 'x'))).toMatchObject({ statusCode: 403, code: 'InvalidAccessKeyId' });
    });

    it('rejects an unsigned request with 403 AccessDenied and an XML error naming the resource', async () => {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const [hostname, port] = endpoint.ip.split(':');
        const outgoing = httpRequest({ hostname, port: Number(port), path: '/top.json', method: 'GET', headers: { host: HOST } }, (incoming) => {
          let body = '';
          incoming.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
        });
        outgoing.on('error', reject);
        outgoing.end();
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toContain('<Code>AccessDenied</Code>');
      expect(answer.body).toContain(`<Resource>${HOST}/top.json</Resource>`);
    });

    it('accepts temporary keys with their x-cos-security-token and refuses them without it', async () => {
      const withToken = cosClient(endpoint.ip, ALICE_TEMPORARY);
      await expect(put(withToken, 'tmp.json', 'x')).resolves.toMatchObject({ statusCode: 200 });
      const withoutToken = cosClient(endpoint.ip, { SecretId: ALICE_TEMPORARY.SecretId, SecretKey: ALICE_TEMPORARY.SecretKey });
      expect(await failureOf(put(withoutToken, 'tmp.json', 'x'))).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    });

    it('answers an expired signature window with 403 "Request has expired"', async () => {
      endpoint.setClockOffsetMs(3_600_000);
      const noSkewFix = cosClient(endpoint.ip, ALICE, { CorrectClockSkew: false });
      expect(await failureOf(put(noSkewFix, 'late.json', 'x'))).toMatchObject({
        statusCode: 403,
        code: 'AccessDenied',
        message: 'Request has expired',
      });
    });

    it('sends Date on a 403 so the SDK can correct its clock and succeed on retry', async () => {
      endpoint.setClockOffsetMs(3_600_000);
      const sdkWarning = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        await expect(put(alice, 'late.json', 'x')).resolves.toMatchObject({ statusCode: 200 });
        expect(sdkWarning).toHaveBeenCalledWith('error: Local time is too skewed.');
      } finally {
        sdkWarning.mockRestore();
      }
    });
  });

  describe('bucket ownership', () => {
    it('keeps a bucket to the account that first used it', async () => {
      await put(alice, 'mine.json', 'x');
      const bob = cosClient(endpoint.ip, BOB);
      expect(await failureOf(bob.getObject({ Bucket: BUCKET, Region: REGION, Key: 'mine.json' }))).toMatchObject({
        statusCode: 403,
        code: 'AccessDenied',
      });
    });

    it('answers the same bucket name in another region with 404 NoSuchBucket', async () => {
      await put(alice, 'mine.json', 'x');
      const failure = await failureOf(alice.getObject({ Bucket: BUCKET, Region: 'ap-beijing', Key: 'mine.json' }));
      expect(failure).toMatchObject({ statusCode: 404, code: 'NoSuchBucket' });
    });
  });

  it('refuses sub-resources it does not emulate with 405 MethodNotAllowed', async () => {
    await put(alice, 'acl.json', 'x');
    const failure = await failureOf(alice.getObjectAcl({ Bucket: BUCKET, Region: REGION, Key: 'acl.json' }));
    expect(failure).toMatchObject({ statusCode: 405, code: 'MethodNotAllowed' });
  });
});
