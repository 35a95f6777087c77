import { printableEndpoint } from './printable-endpoint';
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
    host: process.env.HARNESS_HOST?.trim() || '127.0.0.1',
  });
  console.log(`harness listening on ${harness.url}`);
  const endpoint = process.env.CVM_ENDPOINT?.trim();
  console.log(`functions call ${endpoint ? printableEndpoint(endpoint) : 'https://cvm.tencentcloudapi.com (CVM_ENDPOINT is unset)'}`);
  closeOnSignal(harness.close, console.log);
}

main().catch((error: unknown) => {
  // Startup errors are configuration problems (port taken, bad variable) whose message says what to do.
  console.error(`harness: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
