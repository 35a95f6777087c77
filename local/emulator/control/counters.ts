/**
 * Per-action call counters, read by tests and benchmarks through `GET /_emulator/counters`.
 *
 * For each action name as sent in `X-TC-Action` (`(none)` when absent):
 * - `received`: requests on the CVM path naming it;
 * - `invoked`: requests that reached the action (it ran, whatever it answered);
 * - `succeeded`: answers without `Error` that were actually written;
 * - `errors`: error answers by code (authentication, routing, rate limit, injected, action errors);
 * - `faults`: injected faults applied, by kind.
 */
import type { FaultKind } from './faults';

export interface ActionCounters {
  received: number;
  invoked: number;
  succeeded: number;
  errors: Record<string, number>;
  faults: Partial<Record<FaultKind, number>>;
}

export const NO_ACTION = '(none)';

export class CallCounters {
  private readonly byAction = new Map<string, ActionCounters>();

  private entry(action: string): ActionCounters {
    let counters = this.byAction.get(action);
    if (counters === undefined) {
      counters = { received: 0, invoked: 0, succeeded: 0, errors: {}, faults: {} };
      this.byAction.set(action, counters);
    }
    return counters;
  }

  received(action: string): void {
    this.entry(action).received += 1;
  }

  invoked(action: string): void {
    this.entry(action).invoked += 1;
  }

  succeeded(action: string): void {
    this.entry(action).succeeded += 1;
  }

  failed(action: string, code: string): void {
    const errors = this.entry(action).errors;
    errors[code] = (errors[code] ?? 0) + 1;
  }

  faulted(action: string, kind: FaultKind): void {
    const faults = this.entry(action).faults;
    faults[kind] = (faults[kind] ?? 0) + 1;
  }

  snapshot(): Record<string, ActionCounters> {
    return Object.fromEntries(
      [...this.byAction.entries()]
        .sort(([left], [right]) => left.localeCompare(right))
        .map(([action, counters]) => [
          action,
          { ...counters, errors: { ...counters.errors }, faults: { ...counters.faults } },
        ]),
    );
  }

  reset(): void {
    this.byAction.clear();
  }
}
