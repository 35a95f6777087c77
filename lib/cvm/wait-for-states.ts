/**
 * Polls DescribeInstancesStatus (reference §4.8) until every instance reached a target state, with
 * growing pauses, and never past a deadline. RunInstances, StartInstances, StopInstances and
 * TerminateInstances are asynchronous (§4.6, §4.9–§4.12): their success means "accepted", and the state
 * machine of §4.13 then moves each instance on.
 *
 * The wait ends early when an instance shows a state from which the target cannot follow (LAUNCH_FAILED,
 * SHUTDOWN, TERMINATING for RUNNING or STOPPED), or when a poll fails even after its retries: the
 * operation was accepted either way, so the caller answers with the states seen so far. An instance
 * that is not listed yet keeps the wait going (a new instance may show up late); for the target
 * TERMINATED, not being listed is the goal.
 *
 * The deadline holds for a poll in flight too: each poll is raced against the time left, so a slow
 * upstream (a poll answering after 7 s, with retries) cannot carry the answer past the budget. A poll
 * that loses the race is left to finish on its own; its result is ignored.
 */
import type { InstanceStatus } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { ApiError } from '../errors/api-error';
import type { Logger } from '../log/logger';
import { toInstanceStates, type InstanceStateItem } from '../mappers/instances';
import type { CvmSession } from './cvm-session';

/** `TERMINATED`: destroyed, i.e. no longer listed (the word of `UnsupportedOperation.InstanceStateTerminated`). */
export type WaitTarget = 'RUNNING' | 'STOPPED' | 'TERMINATED';

export type WaitEnd = 'reached' | 'time-out' | 'dead-end' | 'poll-failed';

export interface WaitOutcome {
  readonly end: WaitEnd;
  /** The last states seen, in the order of the ids asked for; `""` for an instance not listed. */
  readonly instances: readonly InstanceStateItem[];
}

export interface WaitForStatesOptions {
  readonly cvm: CvmSession;
  readonly log: Logger;
  readonly region: string;
  /** At most 100 (one DescribeInstancesStatus page, §4.8). */
  readonly instanceIds: readonly string[];
  readonly target: WaitTarget;
  /** Epoch ms; the wait ends by then, a poll in flight included. */
  readonly deadlineAt: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Pauses before the 2nd, 3rd … poll; the last one repeats. The first poll is immediate: a transition can
 * be instant (the emulator's lifecycle at 0 ms) and a poll is cheap (40 requests/s allowed, §4.0).
 */
const POLL_PAUSES_MS = [250, 500, 1000, 2000] as const;
/** A shortened last pause ends this long before the deadline, so that its poll has time to answer. */
const LAST_POLL_ALLOWANCE_MS = 100;
const MAX_STATUS_PAGE = 100;

/** A poll's result: the listed rows, its failure, or the deadline reached first. */
type PollResult = { readonly rows: readonly InstanceStatus[] } | { readonly failure: unknown } | 'deadline';

const DEAD_ENDS: Readonly<Record<WaitTarget, ReadonlySet<string>>> = {
  RUNNING: new Set(['LAUNCH_FAILED', 'SHUTDOWN', 'TERMINATING']),
  STOPPED: new Set(['LAUNCH_FAILED', 'SHUTDOWN', 'TERMINATING']),
  TERMINATED: new Set(),
};

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function hasReached(target: WaitTarget, state: string): boolean {
  return target === 'TERMINATED' ? state === '' : state === target;
}

function judge(target: WaitTarget, instances: readonly InstanceStateItem[]): WaitEnd | undefined {
  if (instances.every((instance) => hasReached(target, instance.instanceState))) return 'reached';
  if (instances.some((instance) => DEAD_ENDS[target].has(instance.instanceState))) return 'dead-end';
  return undefined;
}

function pauseBefore(poll: number): number {
  return POLL_PAUSES_MS[Math.min(poll - 1, POLL_PAUSES_MS.length - 1)] ?? 0;
}

/** `poll` unless `withinMs` pass first; the timer is cleared either way, so nothing is left pending. */
async function raceDeadline(poll: Promise<PollResult>, withinMs: number): Promise<PollResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), Math.max(withinMs, 0));
  });
  try {
    return await Promise.race([poll, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * @example
 * const outcome = await waitForInstanceStates({ cvm, log, region, instanceIds, target: 'RUNNING', deadlineAt: cvm.startedAt + 10_000 });
 * if (outcome.end !== 'reached') return answerWithStatus(202, …);
 */
async function waitForInstanceStates(options: WaitForStatesOptions): Promise<WaitOutcome> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  let instances = toInstanceStates(options.instanceIds, []);
  for (let poll = 0; ; poll += 1) {
    if (poll > 0) {
      const pauseMs = Math.min(pauseBefore(poll), options.deadlineAt - now() - LAST_POLL_ALLOWANCE_MS);
      if (pauseMs <= 0) return { end: 'time-out', instances };
      await sleep(pauseMs);
    }
    // The handlers settle the poll's promise, so the losing side of the race never rejects unheard.
    const polled = options.cvm
      .call(
        { action: 'DescribeInstancesStatus', region: options.region },
        (client) => client.DescribeInstancesStatus({ InstanceIds: [...options.instanceIds], Limit: MAX_STATUS_PAGE }),
        { retry: 'safe-read' },
      )
      .then(
        (page): PollResult => ({ rows: page.InstanceStatusSet ?? [] }),
        (failure: unknown): PollResult => ({ failure }),
      );
    const result = await raceDeadline(polled, options.deadlineAt - now());
    if (result === 'deadline') {
      options.log.warn('wait stopped: a poll was still in flight at the deadline', { polls: poll + 1 });
      return { end: 'time-out', instances };
    }
    if ('failure' in result) {
      const code = result.failure instanceof ApiError ? result.failure.code : undefined;
      options.log.warn('wait stopped: polling failed', { code, polls: poll });
      return { end: 'poll-failed', instances };
    }
    instances = toInstanceStates(options.instanceIds, result.rows);
    const end = judge(options.target, instances);
    if (end !== undefined) return { end, instances };
  }
}

export { waitForInstanceStates };
