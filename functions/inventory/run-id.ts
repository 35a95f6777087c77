/**
 * A run's identity is a pure function of its timer event, so that SCF retrying an asynchronous
 * invocation (or anyone re-sending the same event) lands on the same keys and cannot record the same
 * firing twice. The compact UTC time comes first, so keys sort chronologically.
 */
import type { TimerEvent } from '../../lib/timer/timer-event';

export const SNAPSHOT_PREFIX = 'snapshots/';
export const DIFF_PREFIX = 'diffs/';
const KEY_SUFFIX = '.json';

/**
 * @example
 * runIdFor({ type: 'Timer', triggerName: 'EveryDay', time: '2019-02-21T11:49:00Z', message: '' }) // '20190221T114900Z-EveryDay'
 */
export function runIdFor(event: TimerEvent): string {
  return `${event.time.replace(/[-:]/g, '')}-${event.triggerName}`;
}

/** @example snapshotKey('20190221T114900Z-EveryDay') // 'snapshots/20190221T114900Z-EveryDay.json' */
export function snapshotKey(runId: string): string {
  return `${SNAPSHOT_PREFIX}${runId}${KEY_SUFFIX}`;
}

/** @example diffKey('20190221T114900Z-EveryDay') // 'diffs/20190221T114900Z-EveryDay.json' */
export function diffKey(runId: string): string {
  return `${DIFF_PREFIX}${runId}${KEY_SUFFIX}`;
}

/** The run id of a snapshot key, or undefined for anything else under the prefix. */
export function runIdOfSnapshotKey(key: string): string | undefined {
  if (!key.startsWith(SNAPSHOT_PREFIX) || !key.endsWith(KEY_SUFFIX)) {
    return undefined;
  }
  const runId = key.slice(SNAPSHOT_PREFIX.length, -KEY_SUFFIX.length);
  return /^\d{8}T\d{6}Z-[A-Za-z][A-Za-z0-9_-]*$/.test(runId) ? runId : undefined;
}
