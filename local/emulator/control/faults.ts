/**
 * Injected faults, per action (`*` = every action) and optionally per region.
 *
 * Kinds, and whether the action runs:
 * - `latency`     the answer is delayed by `latencyMs`; the action runs first (its effect is immediate,
 *                 only the reply is late — what a client that times out meanwhile must cope with).
 * - `error`       the answer is the API error `code` / `message` (HTTP 200, §3.1); the action does not run.
 * - `malformed`   HTTP 200 with a body that is not JSON; the action runs (a gateway garbled the reply).
 * - `truncated`   HTTP 200 with the real answer cut half-way, so valid JSON becomes invalid; the action runs.
 * - `http5xx`     HTTP `status` (default 502) with a plain-text body; the action does not run.
 * - `drop-before` the connection is destroyed before the action runs; nothing happened.
 * - `drop-after`  the action runs, then the connection is destroyed without a reply: the effect exists
 *                 but the client never learns of it.
 *
 * `rate` (0..1, default 1) is applied deterministically, not randomly: a fault with rate r applies to
 * the k-th matching call exactly when floor(k·r) grows, so rate 0.5 hits every second call and any
 * run of calls sees exactly floor(n·r) hits. `times` caps how many calls it applies to; an exhausted
 * fault stays listed (with `remaining: 0`) until cleared.
 *
 * Latency faults add up; of the other kinds the first matching fault in insertion order that is due
 * applies, and later ones are not consulted (so their rate counters do not advance).
 */

export const FAULT_KINDS = ['latency', 'error', 'malformed', 'truncated', 'http5xx', 'drop-before', 'drop-after'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type TerminalFaultKind = Exclude<FaultKind, 'latency'>;

export const DEFAULT_HTTP_5XX_STATUS = 502;

export interface FaultSpec {
  readonly action: string;
  readonly region?: string | undefined;
  readonly kind: FaultKind;
  readonly latencyMs?: number | undefined;
  readonly code?: string | undefined;
  readonly message?: string | undefined;
  readonly status?: number | undefined;
  readonly rate?: number | undefined;
  readonly times?: number | undefined;
}

export interface Fault {
  readonly id: string;
  readonly action: string;
  readonly region: string | undefined;
  readonly kind: FaultKind;
  readonly latencyMs: number;
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly status: number;
  readonly rate: number;
  readonly times: number | undefined;
  /** Matching calls seen so far. */
  readonly matched: number;
  /** Calls the fault was applied to. */
  readonly applied: number;
  /** `times - applied`, or undefined when unlimited. */
  readonly remaining: number | undefined;
}

export interface FaultSelection {
  /** Sum of the due latency faults, in ms. */
  readonly latencyMs: number;
  readonly latencyFaults: readonly Fault[];
  readonly terminal: Fault | undefined;
}

interface FaultState {
  readonly spec: Omit<Fault, 'matched' | 'applied' | 'remaining'>;
  matched: number;
  applied: number;
}

export class FaultRegistry {
  private faults: FaultState[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const state: FaultState = {
      spec: {
        id: `fault-${this.nextId}`,
        action: spec.action,
        region: spec.region,
        kind: spec.kind,
        latencyMs: spec.latencyMs ?? 0,
        code: spec.code,
        message: spec.message,
        status: spec.status ?? DEFAULT_HTTP_5XX_STATUS,
        rate: spec.rate ?? 1,
        times: spec.times,
      },
      matched: 0,
      applied: 0,
    };
    this.nextId += 1;
    this.faults.push(state);
    return this.describe(state);
  }

  list(): Fault[] {
    return this.faults.map((state) => this.describe(state));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((state) => state.spec.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
    this.nextId = 1;
  }

  /** Decides, and records, which faults apply to one call of `action` in `region`. */
  select(action: string, region: string | undefined): FaultSelection {
    let latencyMs = 0;
    const latencyFaults: Fault[] = [];
    let terminal: Fault | undefined;
    for (const state of this.faults) {
      const isLatency = state.spec.kind === 'latency';
      if (!this.matches(state, action, region) || (!isLatency && terminal !== undefined)) {
        continue;
      }
      if (!this.takeTurn(state)) {
        continue;
      }
      if (isLatency) {
        latencyMs += state.spec.latencyMs;
        latencyFaults.push(this.describe(state));
      } else {
        terminal = this.describe(state);
      }
    }
    return { latencyMs, latencyFaults, terminal };
  }

  private matches(state: FaultState, action: string, region: string | undefined): boolean {
    const { spec } = state;
    return (spec.action === '*' || spec.action === action) && (spec.region === undefined || spec.region === region);
  }

  /** Counts a matching call and says whether the fault applies to it (deterministic rate, `times` cap). */
  private takeTurn(state: FaultState): boolean {
    if (state.spec.times !== undefined && state.applied >= state.spec.times) {
      return false;
    }
    state.matched += 1;
    const due = Math.floor(state.matched * state.spec.rate + 1e-9) > state.applied;
    if (due) {
      state.applied += 1;
    }
    return due;
  }

  private describe(state: FaultState): Fault {
    const { times } = state.spec;
    return {
      ...state.spec,
      matched: state.matched,
      applied: state.applied,
      remaining: times === undefined ? undefined : Math.max(0, times - state.applied),
    };
  }
}
