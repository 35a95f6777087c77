/**
 * The local harness (local/harness/server.ts) in its own process, serving the built bundles, for the
 * warm-overhead scenario. Its settings come from `BENCH_HARNESS_ENV` (JSON) over serverless.yml, as
 * `startHarness` applies them; its access log is not written (a local tool's output, not the function's).
 */
import { startHarness } from '../../local/harness/server';
import { serveRequests } from './serve';

async function main(): Promise<void> {
  const env: Record<string, string> = JSON.parse(process.env.BENCH_HARNESS_ENV ?? '{}');
  const harness = await startHarness({ port: 0, env, log: () => undefined });
  serveRequests({}, { url: harness.url });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
