import { parseServiceSettings } from '../../../../local/harness/function-settings';

const serviceYaml = `
service: cvm-scf
provider:
  name: tencent
  runtime: Nodejs18.15
  region: ap-shanghai
  memorySize: 256
  timeout: 15
  environment:
    variables:
      LOG_LEVEL: info
      ALLOW_QUERY_CREDENTIALS: true
      CVM_REQUEST_TIMEOUT_MS: 8000
plugins:
  - serverless-tencent-scf
functions:
  regions:
    handler: regions.main_handler
    events:
      - apigw:
          name: regions_apigw
          parameters: { httpMethod: GET, path: /api/regions }
  inventory:
    handler: inventory.main_handler
    timeout: 900
    memorySize: 512
    environment:
      variables:
        LOG_LEVEL: debug
        INVENTORY_BUCKET: \${env:INVENTORY_BUCKET}
    events:
      - timer:
          name: inventory_every_30_min
          parameters:
            cronExpression: '0 */30 * * * * *'
            enable: true
            message: full
`;

describe('parseServiceSettings', () => {
  const settings = parseServiceSettings(serviceYaml, 'serverless.yml');

  it('takes the region from the provider', () => {
    expect(settings.region).toBe('ap-shanghai');
  });

  it('gives a function the provider timeout (in ms), memory and variables as strings', () => {
    expect(settings.functions.get('regions')).toEqual({
      timeoutMs: 15000,
      memoryMb: 256,
      environment: { LOG_LEVEL: 'info', ALLOW_QUERY_CREDENTIALS: 'true', CVM_REQUEST_TIMEOUT_MS: '8000' },
      timerTriggers: [],
    });
  });

  it("lets a function's own timeout, memory and variables win over the provider's", () => {
    expect(settings.functions.get('inventory')).toEqual({
      timeoutMs: 900000,
      memoryMb: 512,
      environment: { LOG_LEVEL: 'debug', ALLOW_QUERY_CREDENTIALS: 'true', CVM_REQUEST_TIMEOUT_MS: '8000' },
      timerTriggers: [{ name: 'inventory_every_30_min', message: 'full' }],
    });
  });

  it("gives a function serverless.yml does not declare the provider's settings", () => {
    expect(settings.undeclaredFunction).toEqual({
      timeoutMs: 15000,
      memoryMb: 256,
      environment: { LOG_LEVEL: 'info', ALLOW_QUERY_CREDENTIALS: 'true', CVM_REQUEST_TIMEOUT_MS: '8000' },
      timerTriggers: [],
    });
  });

  it('skips a Serverless variable expression with a warning naming it', () => {
    expect(settings.warnings).toEqual([
      'functions.inventory: environment variable INVENTORY_BUCKET uses Serverless variable syntax and is not set locally',
    ]);
  });

  it("falls back to SCF's defaults and the plugin's region when nothing is given", () => {
    const bare = parseServiceSettings('functions:\n  zones:\n    handler: zones.main_handler\n', 'bare.yml');

    expect(bare.region).toBe('ap-guangzhou');
    expect(bare.functions.get('zones')).toEqual({ timeoutMs: 3000, memoryMb: 128, environment: {}, timerTriggers: [] });
    expect(bare.undeclaredFunction).toEqual({ timeoutMs: 3000, memoryMb: 128, environment: {}, timerTriggers: [] });
  });

  it('names the field when a value has the wrong type', () => {
    expect(() => parseServiceSettings('provider:\n  timeout: soon\n', 'bad.yml')).toThrow(
      'bad.yml: unexpected value at provider.timeout',
    );
  });
});
