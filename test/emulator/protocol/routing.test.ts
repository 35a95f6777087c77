import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../../local/emulator/accounts';
import { createCvmClient, sdkException, type CvmClientOptions, type CvmTestClient } from '../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { sendRawRequest, signedCallHeaders } from '../../helpers/tc3-signer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Envelope {
  Response: { Error?: { Code: string; Message: string }; RequestId: string };
}

describe('version, action, region and parameter checks', () => {
  let emulator: TestEmulator;
  const clients: CvmTestClient[] = [];

  const cvm = (options: Omit<CvmClientOptions, 'endpoint'> = {}): CvmTestClient['client'] => {
    const created = createCvmClient({ endpoint: emulator.endpoint, ...options });
    clients.push(created);
    return created.client;
  };

  const rawCall = async (body: string, headers: Partial<{ region: string; language: string }> = {}): Promise<Envelope> => {
    const signed = signedCallHeaders({
      port: emulator.port,
      secretId: DEMO_SECRET_ID,
      secretKey: DEMO_SECRET_KEY,
      action: 'DescribeZones',
      body,
      timestamp: Math.floor(Date.now() / 1000),
      region: headers.region ?? 'ap-guangzhou',
    });
    const answer = await sendRawRequest({
      port: emulator.port,
      method: 'POST',
      headers: headers.language === undefined ? signed : { ...signed, 'X-TC-Language': headers.language },
      body,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    return JSON.parse(answer.text) as Envelope;
  };

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });

  afterAll(async () => {
    clients.forEach((created) => created.close());
    await emulator.close();
  });

  it('answers NoSuchVersion for another API version', async () => {
    const client = cvm();
    client.apiVersion = '2019-07-22';
    const error = await sdkException(client.DescribeRegions());
    expect(error.code).toBe('NoSuchVersion');
    expect(error.message).toBe('The specified api version=`2019-07-22` does not exist in service=`cvm`.');
    expect(error.requestId).toMatch(UUID);
  });

  it('answers InvalidAction for an action the service does not have', async () => {
    const error = await sdkException(cvm().request('DescribeNothing', {}));
    expect(error.code).toBe('InvalidAction');
    expect(error.message).toBe(
      'The request action=`DescribeNothing` is invalid or not found in service=`cvm` and version=`2017-03-12`.',
    );
    expect(error.requestId).toMatch(UUID);
  });

  it('answers InvalidParameterValue for an unknown region on a regional action', async () => {
    const error = await sdkException(cvm({ region: 'xx-nowhere-1' }).DescribeZones());
    expect(error.code).toBe('InvalidParameterValue');
    expect(error.message).toBe('A value specified in `X-TC-Region` is not valid, is unsupported, or cannot be used.');
    expect(error.requestId).toMatch(UUID);
  });

  it('answers MissingParameter when a regional action has no region', async () => {
    const error = await sdkException(cvm({ region: null }).DescribeZones());
    expect(error.code).toBe('MissingParameter');
    expect(error.message).toBe('The request is missing a required parameter `X-TC-Region`.');
    expect(error.requestId).toMatch(UUID);
  });

  it.each([['no region', null] as const, ['an unknown region', 'xx-nowhere-1'] as const])(
    'ignores %s on DescribeRegions, which takes none (§1.1)',
    async (_case, region) => {
      const answer = await cvm({ region }).DescribeRegions();
      expect(answer.RequestId).toMatch(UUID);
      expect(answer.TotalCount).toBeGreaterThan(0);
    },
  );

  it('serves the SDK GET mode (flattened query string, §2.7)', async () => {
    const viaGet = await cvm({ reqMethod: 'GET' }).DescribeZones();
    const viaPost = await cvm().DescribeZones();
    expect(viaGet.ZoneSet).toEqual(viaPost.ZoneSet);
  });

  it('echoes X-TC-TraceId so the SDK exception carries it', async () => {
    const client = cvm();
    const error = await sdkException(client.request('DescribeNothing', {}, { headers: { 'X-TC-TraceId': 'trace-for-test-1' } }));
    expect(error.traceId).toBe('trace-for-test-1');
  });

  it.each([
    ['not JSON', '{"Limit":', 'The request body is not valid: it is not valid JSON.'],
    ['a JSON array', '[]', 'The request body is not valid: it must be a JSON object.'],
  ])('answers InvalidParameter for a body that is %s', async (_case, body, message) => {
    const envelope = await rawCall(body);
    expect(envelope.Response.Error).toEqual({ Code: 'InvalidParameter', Message: message });
    expect(envelope.Response.RequestId).toMatch(UUID);
  });

  it('answers InvalidParameterValue for an X-TC-Language other than zh-CN or en-US', async () => {
    const envelope = await rawCall('{}', { language: 'fr-FR' });
    expect(envelope.Response.Error).toEqual({
      Code: 'InvalidParameterValue',
      Message: 'The value of `X-TC-Language` is not valid; expected `zh-CN` or `en-US`.',
    });
  });

  it('answers UnsupportedProtocol (HTTP 200) for a method other than GET and POST', async () => {
    const answer = await sendRawRequest({ port: emulator.port, method: 'PUT', headers: { Host: `127.0.0.1:${emulator.port}` } });
    expect(answer.status).toBe(200);
    const envelope = JSON.parse(answer.text) as Envelope;
    expect(envelope.Response.Error).toEqual({
      Code: 'UnsupportedProtocol',
      Message: 'The HTTP method PUT is not supported; use POST or GET.',
    });
  });

  it('answers MissingParameter, before authentication, when X-TC-Action is absent', async () => {
    const answer = await sendRawRequest({
      port: emulator.port,
      method: 'POST',
      headers: { Host: `127.0.0.1:${emulator.port}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const envelope = JSON.parse(answer.text) as Envelope;
    expect(envelope.Response.Error).toEqual({
      Code: 'MissingParameter',
      Message: 'The request is missing a required parameter `X-TC-Action`.',
    });
  });

  it.each([['/v1/instances'], ['/favicon.ico'], ['/_emulatorx']])('answers 404 JSON for %s', async (path) => {
    const answer = await sendRawRequest({ port: emulator.port, method: 'GET', path, headers: { Host: `127.0.0.1:${emulator.port}` } });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(JSON.parse(answer.text)).toEqual({ error: { code: 'NotFound', message: expect.stringContaining(path) } });
  });
});
