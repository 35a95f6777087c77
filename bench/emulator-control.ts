/**
 * The emulator the scenarios run against, started in the runner's process (local/emulator/server.ts),
 * with the few control calls they need (`/_emulator/`, see local/emulator/control/routes.ts). The
 * runner may import local/; nothing in functions/ or lib/ is used to drive the emulator.
 */
import type { ActionCounters } from '../local/emulator/control/counters';
import type { FaultSpec } from '../local/emulator/control/faults';
import { startEmulator, type EmulatorOptions } from '../local/emulator/server';
import type { CatalogueChange, LifecycleTiming } from '../local/emulator/services/cvm/service';

export interface BenchEmulator {
  readonly endpoint: string;
  reset(): Promise<void>;
  counters(): Promise<Record<string, ActionCounters>>;
  /** Requests `action` received so far (every answer, errors included). */
  received(action: string): Promise<number>;
  addFault(spec: FaultSpec): Promise<void>;
  setRateLimits(enabled: boolean): Promise<void>;
  setLifecycle(timing: LifecycleTiming): Promise<void>;
  changeCatalogue(change: CatalogueChange): Promise<void>;
  close(): Promise<void>;
}

async function control(endpoint: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${endpoint}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok) throw new Error(`emulator control ${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * @example
 * const emulator = await startBenchEmulator({ rateLimits: false });
 * await emulator.addFault({ action: 'DescribeImages', kind: 'latency', latencyMs: 100 });
 */
async function startBenchEmulator(options: Omit<EmulatorOptions, 'port'> = {}): Promise<BenchEmulator> {
  const emulator = await startEmulator({ ...options, port: 0 });
  const { endpoint } = emulator;
  const counters = async (): Promise<Record<string, ActionCounters>> =>
    ((await control(endpoint, 'GET', 'counters')) as { actions: Record<string, ActionCounters> }).actions;
  return {
    endpoint,
    reset: async () => void (await control(endpoint, 'POST', 'reset')),
    counters,
    received: async (action) => (await counters())[action]?.received ?? 0,
    addFault: async (spec) => void (await control(endpoint, 'POST', 'faults', spec)),
    setRateLimits: async (enabled) => void (await control(endpoint, 'PUT', 'rate-limits', { enabled })),
    setLifecycle: async (timing) => void (await control(endpoint, 'PUT', 'lifecycle', timing)),
    changeCatalogue: async (change) => void (await control(endpoint, 'POST', 'catalogue', change)),
    close: emulator.close,
  };
}

export { startBenchEmulator };
