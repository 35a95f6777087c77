import { PortInUseError } from './listen';
import { readPortSetting } from './port-setting';
import { startHarness } from './server';
import { closeOnSignal } from './shutdown';

/**
 * `node dist/local/harness.js`: the harness alone, for a CVM endpoint that is already running (set
 * CVM_ENDPOINT). `npm start` is the usual way in: it also starts the emulator.
 */
async function main(): Promise<void> {
  const harness = await startHarness({
    port: readPortSetting('PORT', 8001),
    host: process.env.HARNESS_HOST ?? '127.0.0.1',
  });
  console.log(`harness listening on ${harness.url}`);
  console.log(`functions call ${process.env.CVM_ENDPOINT ?? 'https://cvm.tencentcloudapi.com (CVM_ENDPOINT is unset)'}`);
  closeOnSignal(harness.close, console.log);
}

main().catch((error: unknown) => {
  console.error(error instanceof PortInUseError || error instanceof RangeError ? error.message : error);
  process.exit(1);
});
