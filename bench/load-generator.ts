/**
 * A closed-loop HTTP load: `connections` workers, each sending its next GET as soon as the previous
 * answer is read, over one keep-alive agent, for a fixed time after a warm-up. The same generator with
 * the same settings drives both sides of a comparison.
 */
import { Agent, get } from 'node:http';
import { percentile } from './statistics';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

export interface LoadResult {
  /** Answers with status 200 within the measured window. */
  readonly completed: number;
  /** Any other status, or a transport error, within the window. */
  readonly failed: number;
  /** Answers during the warm-up (and ones straddling the window's edges), not counted above. */
  readonly warmupCompleted: number;
  readonly durationMs: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number };
}

function getOnce(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve) => {
    const request = get(url, { agent }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
      response.once('error', () => resolve(0));
    });
    request.once('error', () => resolve(0));
  });
}

/**
 * @example
 * const result = await runLoad({ url: `${harnessUrl}/api/regions?…`, connections: 16, warmupMs: 1000, durationMs: 4000 });
 */
async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;
  const latencies: number[] = [];
  let completed = 0;
  let failed = 0;
  let warmupCompleted = 0;

  async function worker(): Promise<void> {
    while (performance.now() < end) {
      const sent = performance.now();
      const status = await getOnce(options.url, agent);
      const answered = performance.now();
      if (sent < measureFrom || answered > end) {
        warmupCompleted += 1;
        continue;
      }
      if (status === 200) {
        completed += 1;
        latencies.push(answered - sent);
      } else {
        failed += 1;
      }
    }
  }

  await Promise.all(Array.from({ length: options.connections }, worker));
  agent.destroy();
  return {
    completed,
    failed,
    warmupCompleted,
    durationMs: options.durationMs,
    requestsPerSecond: (completed * 1000) / options.durationMs,
    latencyMs: latencies.length === 0 ? { p50: 0, p99: 0 } : { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
  };
}

export { runLoad };
