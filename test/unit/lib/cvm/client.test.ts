import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { agentFor, createCvmClient } from '../../../../lib/cvm/client';

const credentials = { secretId: 'AKIDLOCALEMULATORDEMOKEY000000000000', secretKey: 'LocalEmulatorDemoSecretKey000000', token: undefined };

describe('agentFor', () => {
  it('gives one keep-alive agent per protocol for the container’s life', () => {
    const http = agentFor({ protocol: 'http://', host: '127.0.0.1:8002' });
    const https = agentFor({ protocol: 'https://', host: 'cvm.tencentcloudapi.com' });
    expect(http).toBeInstanceOf(HttpAgent);
    expect(https).toBeInstanceOf(HttpsAgent);
    expect(agentFor({ protocol: 'http://', host: '127.0.0.1:9999' })).toBe(http);
    expect(agentFor({ protocol: 'https://', host: 'cvm.ap-guangzhou.tencentcloudapi.com' })).toBe(https);
    expect(Reflect.get(http, 'keepAlive')).toBe(true);
  });
});

describe('createCvmClient', () => {
  it('points the SDK at the endpoint with the timeout in seconds and an explicit agent (no http_proxy fallback, §3.3)', () => {
    const client = createCvmClient({ endpoint: { protocol: 'http://', host: '127.0.0.1:8002' }, timeoutMs: 2500, credentials, region: 'ap-tokyo' });
    expect(client.endpoint).toBe('127.0.0.1:8002');
    expect(client.region).toBe('ap-tokyo');
    expect(client.profile.httpProfile).toMatchObject({ protocol: 'http://', reqTimeout: 2.5 });
    expect(client.profile.httpProfile?.agent).toBe(agentFor({ protocol: 'http://', host: '127.0.0.1:8002' }));
    expect(client.credential).toEqual({ secretId: credentials.secretId, secretKey: credentials.secretKey, token: undefined });
  });

  it('sends no region for region-less actions and passes a session token', () => {
    const client = createCvmClient({
      endpoint: { protocol: 'https://', host: 'cvm.tencentcloudapi.com' },
      timeoutMs: 8000,
      credentials: { ...credentials, token: 'session-token' },
    });
    expect(client.region).toBeNull();
    expect(client.credential).toEqual({ secretId: credentials.secretId, secretKey: credentials.secretKey, token: 'session-token' });
  });
});
