/**
 * The CVM emulator in its own process (warm-overhead scenario), so that its work is not on the
 * event loop of the server being measured, nor of the load generator. Rate limits off: the scenario
 * measures throughput, not Tencent's quotas.
 */
import { startEmulator } from '../../local/emulator/server';
import { serveRequests } from './serve';

startEmulator({ port: 0, rateLimits: false }).then(
  (emulator) => serveRequests({}, { endpoint: emulator.endpoint }),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
