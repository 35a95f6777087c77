import type { ScfContext } from './types';

/** The function a context is created for, and the invocation it describes. */
export interface ScfContextOptions {
  readonly functionName: string;
  readonly requestId: string;
  /** The function's configured timeout; `getRemainingTimeInMillis()` counts down from it. */
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly region: string;
  readonly namespace?: string;
  /** Clock in milliseconds; tests inject one to count down without sleeping. */
  readonly now?: () => number;
}

/**
 * Placeholders for the account fields of the observed dump (§6.2); a local run has no Tencent account.
 * Same formats as real values: a 10-digit APPID and a 12-digit UIN, both strings.
 */
const LOCAL_APPID = '1250000000';
const LOCAL_UIN = '100000000001';
const FUNCTION_VERSION = '$LATEST';
const DEFAULT_NAMESPACE = 'default';

/**
 * Creates a fresh SCF context object for one invocation, with every field of the observed Node.js
 * dump in reference §6.2. The deadline is fixed at creation: the invocation starts now.
 */
function createScfContext(options: ScfContextOptions): ScfContext {
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const scfVariables = { SCF_NAMESPACE: namespace };
  return {
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    memory_limit_in_mb: options.memoryMb,
    time_limit_in_ms: options.timeoutMs,
    request_id: options.requestId,
    environment: JSON.stringify(scfVariables),
    environ: Object.entries(scfVariables)
      .map(([key, value]) => `${key}=${value}`)
      .join(';'),
    function_version: FUNCTION_VERSION,
    function_name: options.functionName,
    namespace,
    tencentcloud_region: options.region,
    tencentcloud_appid: LOCAL_APPID,
    tencentcloud_uin: LOCAL_UIN,
  };
}

export { createScfContext };
