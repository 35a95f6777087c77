/**
 * Sends RunInstances once per create, retried only as an `idempotent-write` (it carries its
 * ClientToken, lib/cvm/retry-policy.ts), and reads a dry run's answer in both documented forms: a
 * success with only a RequestId, or the common `DryRunOperation` code (reference §4.6, §8).
 */
import type { RunInstancesRequest } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import type { CvmSession } from '../../lib/cvm/cvm-session';
import { ApiError } from '../../lib/errors/api-error';
import { scrubText } from '../../lib/log/redact';
import { toCreatedInstancesBody, type CreatedInstancesBody, type DryRunBody } from '../../lib/mappers/instances';
import { asText } from '../../lib/mappers/text';

const DRY_RUN_PASSED = 'DryRunOperation';

/**
 * The session scrubs the caller's keys from upstream messages; the login password is this route's own
 * secret, so any upstream text quoting it is scrubbed here.
 */
function withoutPassword(error: unknown, password: string | undefined): unknown {
  if (password === undefined || !(error instanceof ApiError) || !error.message.includes(password)) return error;
  return new ApiError(error.status, error.code, scrubText(error.message, [password]), {
    ...(error.fields === undefined ? {} : { fields: error.fields }),
    ...(error.upstreamRequestId === undefined ? {} : { upstreamRequestId: error.upstreamRequestId }),
    headers: error.headers,
    expose: error.expose,
  });
}

/**
 * @example
 * await runInstances(cvm, 'ap-guangzhou', request) // { instanceIds: ['ins-1vogaxgk'], requestId: '…' }
 * await runInstances(cvm, 'ap-guangzhou', { ...request, DryRun: true }) // { dryRun: true, requestId: '…' }
 */
async function runInstances(cvm: CvmSession, region: string, request: RunInstancesRequest): Promise<CreatedInstancesBody | DryRunBody> {
  const password = request.LoginSettings?.Password;
  try {
    const response = await cvm.call({ action: 'RunInstances', region }, (client) => client.RunInstances(request), {
      retry: 'idempotent-write',
    });
    return request.DryRun === true ? { dryRun: true, requestId: asText(response.RequestId) } : toCreatedInstancesBody(response);
  } catch (error) {
    if (request.DryRun === true && error instanceof ApiError && error.code === DRY_RUN_PASSED) {
      return { dryRun: true, requestId: asText(error.upstreamRequestId) };
    }
    throw withoutPassword(error, password);
  }
}

export { runInstances };
