import { createScfContext } from '../../../../local/events/context';

describe('createScfContext', () => {
  it('has every field of the observed Node.js context (reference §6.2)', () => {
    const context = createScfContext({
      functionName: 'regions',
      requestId: 'aa7b70e6-ab76-40d7-a2cb-76bb9f5a30a3',
      timeoutMs: 15000,
      memoryMb: 256,
      region: 'ap-guangzhou',
    });

    expect(context).toMatchObject({
      callbackWaitsForEmptyEventLoop: true,
      memory_limit_in_mb: 256,
      time_limit_in_ms: 15000,
      request_id: 'aa7b70e6-ab76-40d7-a2cb-76bb9f5a30a3',
      environment: '{"SCF_NAMESPACE":"default"}',
      environ: 'SCF_NAMESPACE=default',
      function_version: '$LATEST',
      function_name: 'regions',
      namespace: 'default',
      tencentcloud_region: 'ap-guangzhou',
    });
    expect(context.tencentcloud_appid).toMatch(/^\d{10}$/);
    expect(context.tencentcloud_uin).toMatch(/^\d{12}$/);
  });

  it('counts the remaining time down from the timeout and stops at zero', () => {
    let clock = 1_000;
    const context = createScfContext({
      functionName: 'zones',
      requestId: 'r',
      timeoutMs: 3000,
      memoryMb: 128,
      region: 'ap-beijing',
      now: () => clock,
    });

    expect(context.getRemainingTimeInMillis()).toBe(3000);
    clock += 1250;
    expect(context.getRemainingTimeInMillis()).toBe(1750);
    clock += 5000;
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });

  it('lets the handler switch callbackWaitsForEmptyEventLoop off', () => {
    const context = createScfContext({ functionName: 'f', requestId: 'r', timeoutMs: 1, memoryMb: 64, region: 'x' });

    context.callbackWaitsForEmptyEventLoop = false;

    expect(context.callbackWaitsForEmptyEventLoop).toBe(false);
  });
});
