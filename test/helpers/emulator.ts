/**
 * An in-process emulator for any test (ephemeral port), plus a small typed client for its control
 * API (`/_emulator/`, see local/emulator/control/routes.ts).
 *
 * @example
 * let emulator: TestEmulator;
 * beforeAll(async () => { emulator = await startTestEmulator(); });
 * afterAll(() => emulator.close());
 * await emulator.control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
 * await emulator.control.addFault({ action: 'RunInstances', kind: 'drop-after', times: 1 });
 */
import type { ActionCounters } from '../../local/emulator/control/counters';
import type { Fault, FaultSpec } from '../../local/emulator/control/faults';
import type { RateLimitSettings } from '../../local/emulator/control/rate-limits';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../local/emulator/server';
import type { CatalogueChange, LifecycleTiming } from '../../local/emulator/services/cvm/service';

/** A non-2xx answer from the control API. */
export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`control API answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'ControlApiError';
  }
}

export class ControlClient {
  constructor(private readonly endpoint: string) {}

  /** Any control call, for tests of the control API itself; resolves with status and parsed body. */
  async send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.endpoint}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  private async call<Result>(method: string, path: string, body?: unknown): Promise<Result> {
    const answer = await this.send(method, path, body);
    if (answer.status < 200 || answer.status > 299) {
      throw new ControlApiError(answer.status, answer.body);
    }
    return answer.body as Result;
  }

  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  async counters(): Promise<Record<string, ActionCounters>> {
    return (await this.call<{ actions: Record<string, ActionCounters> }>('GET', 'counters')).actions;
  }

  async setLifecycle(timing: LifecycleTiming): Promise<void> {
    await this.call('PUT', 'lifecycle', timing);
  }

  async addFault(spec: FaultSpec): Promise<Fault> {
    return (await this.call<{ fault: Fault }>('POST', 'faults', spec)).fault;
  }

  async faults(): Promise<Fault[]> {
    return (await this.call<{ faults: Fault[] }>('GET', 'faults')).faults;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }

  async removeFault(id: string): Promise<void> {
    await this.call('DELETE', `faults/${encodeURIComponent(id)}`);
  }

  async rateLimits(): Promise<RateLimitSettings> {
    return this.call<RateLimitSettings>('GET', 'rate-limits');
  }

  async setRateLimits(change: { enabled?: boolean; perSecond?: Record<string, number> }): Promise<RateLimitSettings> {
    return this.call<RateLimitSettings>('PUT', 'rate-limits', change);
  }

  async changeCatalogue(change: CatalogueChange): Promise<void> {
    await this.call('POST', 'catalogue', change);
  }
}

export interface TestEmulator extends RunningEmulator {
  readonly control: ControlClient;
}

/** Starts an emulator on 127.0.0.1 and a free port; options as `startEmulator`. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, ...options });
  return { ...emulator, control: new ControlClient(emulator.endpoint) };
}
