/**
 * The deployment's settings, read from the environment once per container (SCF sets a function's
 * variables before the first invocation, reference §6.6 and §7 `environment.variables`).
 * Every reader is strict: a value that cannot be understood is a deployment error, reported as a
 * `ConfigurationError` naming the variable, never silently replaced by a default.
 */
import { ConfigurationError, readBoolean, readInteger, type Environment } from './env-readers';

/** Tencent's own endpoint (reference §1): used when `CVM_ENDPOINT` is unset. */
const DEFAULT_CVM_ENDPOINT = 'https://cvm.tencentcloudapi.com';
/**
 * Under the functions' 20 s timeout in serverless.yml: an upstream call that hangs ends as our own 504
 * with time left to answer, instead of SCF killing the invocation (the SDK's default is 60 s, §3.3).
 */
const DEFAULT_CVM_REQUEST_TIMEOUT_MS = 8000;
const DEFAULT_IMAGES_PAGE_CONCURRENCY = 4;
/**
 * Retries (lib/cvm/retry-policy.ts) are started only while they could still finish, request timeout
 * included, within this much time from the start of the request: 12 s of the functions' 20 s leaves a
 * retried call that then hangs for the full 8 s time to end as our own 504 before SCF's deadline.
 */
const DEFAULT_CVM_RETRY_BUDGET_MS = 12_000;
/**
 * `wait` on the instance routes (lib/cvm/wait-for-states.ts) stops polling this long after the start of
 * the request and answers 202. A poll started just before the end may take a whole request timeout, so
 * the budget must stay under the function timeout minus CVM_REQUEST_TIMEOUT_MS (20 s − 8 s − 2 s spare).
 */
const DEFAULT_INSTANCE_WAIT_BUDGET_MS = 10_000;
/** SCF's longest event-function timeout (reference §6.7): no budget can usefully exceed it. */
const MAX_FUNCTION_TIMEOUT_MS = 900_000;
/**
 * The largest contract body (a RunInstances request with 100 tags and security groups) is a few KiB;
 * 64 KiB refuses anything else before it is parsed. SCF's own cap, 6 MB (reference §6.7), is the maximum.
 */
const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const SCF_SYNC_EVENT_LIMIT_BYTES = 6 * 1024 * 1024;
/** An origin as browsers send it: scheme, host and optional port, nothing after (RFC 6454 §6.1). */
const ORIGIN_PATTERN = /^https?:\/\/[^/\s?#]+$/;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where the CVM API is reached, split the way the SDK's `httpProfile` wants it (reference §3.3). */
export interface CvmEndpoint {
  /** `http://` or `https://`. */
  readonly protocol: 'http://' | 'https://';
  /** Host with port when one is given, e.g. `127.0.0.1:8002` or `cvm.tencentcloudapi.com`. */
  readonly host: string;
}

export interface Config {
  readonly cvmEndpoint: CvmEndpoint;
  readonly cvmRequestTimeoutMs: number;
  /** `ALLOW_QUERY_CREDENTIALS`: when false, `secretId`/`secretKey` in the query string are refused (403). */
  readonly allowQueryCredentials: boolean;
  /** `USE_FUNCTION_ROLE_CREDENTIALS`: when true, callers without credentials act as the function's role. */
  readonly useFunctionRoleCredentials: boolean;
  /** How many `DescribeImages` pages one request fetches at the same time. */
  readonly imagesPageConcurrency: number;
  /** `CVM_RETRY_BUDGET_MS`: no retry starts that could end later than this after the request began. */
  readonly cvmRetryBudgetMs: number;
  /** `INSTANCE_WAIT_BUDGET_MS`: how long after the request began `wait` stops polling and answers 202. */
  readonly instanceWaitBudgetMs: number;
  /** `MAX_BODY_BYTES`: larger request bodies are refused with 413 before they are parsed. */
  readonly maxBodyBytes: number;
  /** `CORS_ALLOW_ORIGINS`: origins browsers may call from (comma-separated, or `*`); empty: CORS off. */
  readonly corsAllowOrigins: readonly string[];
  readonly logLevel: LogLevel;
}

function readEndpoint(env: Environment, variable: string): CvmEndpoint {
  const raw = env[variable]?.trim() || DEFAULT_CVM_ENDPOINT;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(variable, 'a URL such as http://127.0.0.1:8002');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || (url.pathname !== '/' && url.pathname !== '')) {
    throw new ConfigurationError(variable, 'an http(s) URL with no path, such as http://127.0.0.1:8002');
  }
  return { protocol: url.protocol === 'http:' ? 'http://' : 'https://', host: url.host };
}

function readOrigins(env: Environment, variable: string): readonly string[] {
  const origins = (env[variable] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  if (origins.some((origin) => origin !== '*' && !ORIGIN_PATTERN.test(origin))) {
    throw new ConfigurationError(variable, 'a comma-separated list of origins such as https://console.example.com, or *');
  }
  return origins;
}

function readLogLevel(env: Environment, variable: string): LogLevel {
  const raw = env[variable]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'info';
  if (raw === 'debug' || raw === 'info' || raw === 'warn' || raw === 'error') return raw;
  throw new ConfigurationError(variable, 'one of debug, info, warn, error');
}

/**
 * Reads every setting from `env`. Pure: tests pass their own environment.
 *
 * @example
 * readConfig({ CVM_ENDPOINT: 'http://127.0.0.1:8002' }).cvmEndpoint // { protocol: 'http://', host: '127.0.0.1:8002' }
 */
function readConfig(env: Environment): Config {
  return {
    cvmEndpoint: readEndpoint(env, 'CVM_ENDPOINT'),
    cvmRequestTimeoutMs: readInteger(env, 'CVM_REQUEST_TIMEOUT_MS', DEFAULT_CVM_REQUEST_TIMEOUT_MS, 1, 60_000),
    allowQueryCredentials: readBoolean(env, 'ALLOW_QUERY_CREDENTIALS', true),
    useFunctionRoleCredentials: readBoolean(env, 'USE_FUNCTION_ROLE_CREDENTIALS', false),
    imagesPageConcurrency: readInteger(env, 'IMAGES_PAGE_CONCURRENCY', DEFAULT_IMAGES_PAGE_CONCURRENCY, 1, 20),
    cvmRetryBudgetMs: readInteger(env, 'CVM_RETRY_BUDGET_MS', DEFAULT_CVM_RETRY_BUDGET_MS, 1, MAX_FUNCTION_TIMEOUT_MS),
    instanceWaitBudgetMs: readInteger(env, 'INSTANCE_WAIT_BUDGET_MS', DEFAULT_INSTANCE_WAIT_BUDGET_MS, 1, MAX_FUNCTION_TIMEOUT_MS),
    maxBodyBytes: readInteger(env, 'MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1, SCF_SYNC_EVENT_LIMIT_BYTES),
    corsAllowOrigins: readOrigins(env, 'CORS_ALLOW_ORIGINS'),
    logLevel: readLogLevel(env, 'LOG_LEVEL'),
  };
}

let containerConfig: Config | undefined;

/**
 * The container's settings, read from `process.env` on first use and kept for the container's life.
 * Read lazily (not at module load) so that a bad value fails the invocation with a clear JSON error
 * instead of failing SCF's init phase.
 *
 * @example
 * const { cvmRequestTimeoutMs } = getConfig();
 */
function getConfig(): Config {
  containerConfig ??= readConfig(process.env);
  return containerConfig;
}

export { DEFAULT_CVM_ENDPOINT, getConfig, readConfig };
