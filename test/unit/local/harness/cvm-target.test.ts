import { createServer } from 'node:net';
import { startCvmTarget } from '../../../../local/harness/cvm-target';
import { printableEndpoint } from '../../../../local/harness/printable-endpoint';

describe('startCvmTarget', () => {
  it('uses CVM_ENDPOINT as given and starts nothing', async () => {
    const target = await startCvmTarget({ env: { CVM_ENDPOINT: 'https://cvm.tencentcloudapi.com' } });

    expect(target).toMatchObject({ endpoint: 'https://cvm.tencentcloudapi.com', emulated: false });
    await target.close();
  });

  it('starts an emulator that answers on the endpoint it reports when CVM_ENDPOINT is unset', async () => {
    const target = await startCvmTarget({ env: {}, emulatorPort: 0 });
    try {
      expect(target.emulated).toBe(true);
      expect(target.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${target.endpoint}/_emulator/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
    } finally {
      await target.close();
    }
  });

  it('names CVM_EMULATOR_PORT when the emulator port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = address !== null && typeof address !== 'string' ? address.port : 0;
    try {
      await expect(startCvmTarget({ env: { CVM_EMULATOR_PORT: String(port) } })).rejects.toThrow(
        `127.0.0.1:${port} is already in use; stop what is listening there or set CVM_EMULATOR_PORT to another port`,
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it.each([
    [{ CVM_EMULATOR_RATE_LIMITS: 'sometimes' }, 'CVM_EMULATOR_RATE_LIMITS must be "on" or "off", got "sometimes"'],
    [{ CVM_EMULATOR_PORT: '70000' }, 'CVM_EMULATOR_PORT must be a port number between 0 and 65535, got "70000"'],
  ])('refuses %j', async (env, message) => {
    await expect(startCvmTarget({ env })).rejects.toThrow(message);
  });
});

describe('printableEndpoint', () => {
  it.each([
    ['http://127.0.0.1:8002', 'http://127.0.0.1:8002'],
    ['https://user:secret@cvm.tencentcloudapi.com/', 'https://cvm.tencentcloudapi.com'],
    ['not a url', '(CVM_ENDPOINT is not a valid URL)'],
  ])('prints %s as %s', (endpoint, printed) => {
    expect(printableEndpoint(endpoint)).toBe(printed);
  });
});
