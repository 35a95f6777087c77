/**
 * Everything a CVM request must pass before its action may run, in this order (each step answers
 * the first error it finds):
 *
 *  1. method GET or POST (`UnsupportedProtocol`, §3.2); body ≤ 10 MB (`RequestSizeLimitExceeded`, §1);
 *  2. the common headers X-TC-Action, X-TC-Version, X-TC-Timestamp present (`MissingParameter`) and the
 *     timestamp an integer (`InvalidParameterValue`) — [proposal], §8 leaves these codes open;
 *  3. TC3 authentication (`AuthFailure.*`, see authenticate.ts);
 *  4. version (`NoSuchVersion`), then action (`InvalidAction`) — §2.8;
 *  5. X-TC-Language, if sent, `zh-CN` or `en-US` (`InvalidParameterValue`);
 *  6. region, for regional actions only: absent → `MissingParameter` [proposal]; unknown →
 *     `InvalidParameterValue` (§2.8). Actions that take no region ignore the header (§1.1);
 *  7. the parameters: a JSON object body for POST, the flattened query for GET (`InvalidParameter`);
 *  8. the account's rate limit for the action (`RequestLimitExceeded`, §4.0).
 */
import type { AccountRegistry, KeyPair } from '../accounts';
import type { RateLimiter } from '../control/rate-limits';
import type { ActionContext, CvmService, Language } from '../services/cvm/service';
import { parseJsonBody, parseQueryParams } from './action-params';
import { authenticate } from './authenticate';
import {
  CVM_VERSION,
  invalidAction,
  invalidParameterValue,
  invalidRegion,
  missingParameter,
  noSuchVersion,
  requestLimitExceeded,
  requestSizeLimitExceeded,
  unsupportedProtocol,
} from './errors';
import { MAX_BODY_BYTES, type ReceivedRequest } from './received-request';

export interface AdmissionDependencies {
  readonly accounts: AccountRegistry;
  readonly service: CvmService;
  readonly rateLimiter: RateLimiter;
  readonly now: () => number;
}

export interface AdmittedCall {
  readonly action: string;
  readonly params: Record<string, unknown>;
  readonly context: ActionContext;
  readonly keyPair: KeyPair;
}

const TIMESTAMP_PATTERN = /^\d{1,12}$/;
const LANGUAGES: readonly Language[] = ['zh-CN', 'en-US'];

function requiredHeader(request: ReceivedRequest, name: string): string {
  const value = request.header(name.toLowerCase());
  if (value === undefined || value === '') {
    throw missingParameter(name);
  }
  return value;
}

function readLanguage(request: ReceivedRequest): Language {
  const value = request.header('x-tc-language');
  if (value === undefined || value === '') {
    return 'zh-CN';
  }
  const language = LANGUAGES.find((candidate) => candidate === value);
  if (language === undefined) {
    throw invalidParameterValue('X-TC-Language', '`zh-CN` or `en-US`');
  }
  return language;
}

function readRegion(request: ReceivedRequest, service: CvmService, action: string): string | undefined {
  const region = request.header('x-tc-region');
  const sent = region === '' ? undefined : region;
  if (!service.isRegional(action)) {
    return sent;
  }
  if (sent === undefined) {
    throw missingParameter('X-TC-Region');
  }
  if (!service.regions.has(sent)) {
    throw invalidRegion();
  }
  return sent;
}

function readParams(request: ReceivedRequest): Record<string, unknown> {
  return request.method === 'GET' ? parseQueryParams(request.query) : parseJsonBody(request.body);
}

export function admitCall(
  dependencies: AdmissionDependencies,
  request: ReceivedRequest,
  requestId: string,
): AdmittedCall {
  if (request.method !== 'POST' && request.method !== 'GET') {
    throw unsupportedProtocol(request.method);
  }
  if (request.bodyTooLarge) {
    throw requestSizeLimitExceeded(MAX_BODY_BYTES);
  }
  const action = requiredHeader(request, 'X-TC-Action');
  const version = requiredHeader(request, 'X-TC-Version');
  const timestamp = requiredHeader(request, 'X-TC-Timestamp');
  if (!TIMESTAMP_PATTERN.test(timestamp)) {
    throw invalidParameterValue('X-TC-Timestamp', 'an integer UNIX time in seconds');
  }
  const keyPair = authenticate(request, dependencies.accounts, timestamp, dependencies.now());
  if (version !== CVM_VERSION) {
    throw noSuchVersion(version);
  }
  const { service } = dependencies;
  if (!service.actions.has(action)) {
    throw invalidAction(action);
  }
  const language = readLanguage(request);
  const region = readRegion(request, service, action);
  const params = readParams(request);
  const decision = dependencies.rateLimiter.admit(keyPair.accountId, action);
  if (!decision.admitted) {
    throw requestLimitExceeded(action, decision.count, decision.limit);
  }
  const paramEncoding = request.method === 'GET' ? 'query' : 'json';
  return { action, params, keyPair, context: { accountId: keyPair.accountId, region, language, requestId, paramEncoding } };
}
