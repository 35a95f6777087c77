import { DEFAULT_CVM_ENDPOINT, readConfig } from '../../../lib/config';
import { ConfigurationError } from '../../../lib/env-readers';

describe('readConfig', () => {
  it('uses Tencent’s endpoint, an 8 s timeout and the seed-compatible policies when nothing is set', () => {
    expect(readConfig({})).toEqual({
      cvmEndpoint: { protocol: 'https://', host: 'cvm.tencentcloudapi.com' },
      cvmRequestTimeoutMs: 8000,
      allowQueryCredentials: true,
      useFunctionRoleCredentials: false,
      imagesPageConcurrency: 4,
      cvmRetryBudgetMs: 12000,
      instanceWaitBudgetMs: 10000,
      maxBodyBytes: 65536,
      corsAllowOrigins: [],
      logLevel: 'info',
    });
    expect(DEFAULT_CVM_ENDPOINT).toBe('https://cvm.tencentcloudapi.com');
  });

  it.each([
    ['http://127.0.0.1:8002', { protocol: 'http://', host: '127.0.0.1:8002' }],
    ['http://127.0.0.1:8002/', { protocol: 'http://', host: '127.0.0.1:8002' }],
    ['https://cvm.ap-guangzhou.tencentcloudapi.com', { protocol: 'https://', host: 'cvm.ap-guangzhou.tencentcloudapi.com' }],
    ['  http://localhost:9000  ', { protocol: 'http://', host: 'localhost:9000' }],
  ])('splits CVM_ENDPOINT %s into the SDK’s protocol and host', (value, endpoint) => {
    expect(readConfig({ CVM_ENDPOINT: value }).cvmEndpoint).toEqual(endpoint);
  });

  it.each([
    ['CVM_ENDPOINT', '127.0.0.1:8002'],
    ['CVM_ENDPOINT', 'ftp://127.0.0.1'],
    ['CVM_ENDPOINT', 'http://127.0.0.1:8002/api'],
    ['CVM_REQUEST_TIMEOUT_MS', 'soon'],
    ['CVM_REQUEST_TIMEOUT_MS', '0'],
    ['CVM_REQUEST_TIMEOUT_MS', '1.5'],
    ['CVM_REQUEST_TIMEOUT_MS', '60001'],
    ['ALLOW_QUERY_CREDENTIALS', 'maybe'],
    ['USE_FUNCTION_ROLE_CREDENTIALS', 'on'],
    ['MAX_BODY_BYTES', '0'],
    ['MAX_BODY_BYTES', String(6 * 1024 * 1024 + 1)],
    ['CORS_ALLOW_ORIGINS', 'https://console.example.com/app'],
    ['CORS_ALLOW_ORIGINS', 'console.example.com'],
    ['IMAGES_PAGE_CONCURRENCY', '21'],
    ['LOG_LEVEL', 'verbose'],
  ])('refuses %s=%s with an error naming the variable', (variable, value) => {
    expect(() => readConfig({ [variable]: value })).toThrow(ConfigurationError);
    expect(() => readConfig({ [variable]: value })).toThrow(new RegExp(`^Environment variable ${variable} must be`));
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
    ['', true],
  ])('reads ALLOW_QUERY_CREDENTIALS=%j as %s', (value, expected) => {
    expect(readConfig({ ALLOW_QUERY_CREDENTIALS: value }).allowQueryCredentials).toBe(expected);
  });

  it('reads the numeric settings and the log level', () => {
    const config = readConfig({
      CVM_REQUEST_TIMEOUT_MS: '250',
      IMAGES_PAGE_CONCURRENCY: '2',
      LOG_LEVEL: 'DEBUG',
      USE_FUNCTION_ROLE_CREDENTIALS: 'true',
    });
    expect(config).toMatchObject({ cvmRequestTimeoutMs: 250, imagesPageConcurrency: 2, logLevel: 'debug', useFunctionRoleCredentials: true });
  });

  it('reads CORS_ALLOW_ORIGINS as a trimmed list of origins, or *', () => {
    expect(readConfig({ CORS_ALLOW_ORIGINS: ' https://console.example.com, http://127.0.0.1:3000 ,' }).corsAllowOrigins).toEqual([
      'https://console.example.com',
      'http://127.0.0.1:3000',
    ]);
    expect(readConfig({ CORS_ALLOW_ORIGINS: '*' }).corsAllowOrigins).toEqual(['*']);
    expect(readConfig({ MAX_BODY_BYTES: '1024' }).maxBodyBytes).toBe(1024);
  });
});

describe('getConfig', () => {
  it('reads process.env once and keeps the result for the container', () => {
    const previous = process.env.CVM_REQUEST_TIMEOUT_MS;
    process.env.CVM_REQUEST_TIMEOUT_MS = '1234';
    try {
      jest.isolateModules(() => {
        const { getConfig: freshGetConfig } = jest.requireActual<typeof import('../../../lib/config')>('../../../lib/config');
        const first = freshGetConfig();
        process.env.CVM_REQUEST_TIMEOUT_MS = '5678';
        expect(first.cvmRequestTimeoutMs).toBe(1234);
        expect(freshGetConfig()).toBe(first);
      });
    } finally {
      if (previous === undefined) delete process.env.CVM_REQUEST_TIMEOUT_MS;
      else process.env.CVM_REQUEST_TIMEOUT_MS = previous;
    }
  });
});
