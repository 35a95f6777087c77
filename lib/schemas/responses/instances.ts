import * as z from 'zod/mini';
import { numberText, requestId, upstreamText } from './fields';

/**
 * The instance routes' answers (api-contract.md "Response shapes"); the types agree with
 * lib/mappers/instances.ts.
 */

/** `GET /api/instances` 200. */
const instancesListResponse = z.strictObject({
  instances: z.array(
    z.strictObject({
      instanceId: upstreamText('Instance id', 'ins-r8hr2upy'),
      instanceName: upstreamText('Instance name', 'web-1'),
      instanceState: upstreamText('PENDING, RUNNING, STOPPED, STARTING, STOPPING, REBOOTING, SHUTDOWN, TERMINATING …', 'RUNNING'),
      instanceType: upstreamText('Instance type', 'S5.MEDIUM4'),
      cpu: numberText('CPU cores', '2'),
      memory: numberText('Memory in GB', '4'),
      zone: upstreamText('Zone id', 'ap-guangzhou-3'),
      imageId: upstreamText('Image id', 'img-8toqc6s3'),
      osName: upstreamText('Operating system', 'CentOS 7.4 64位'),
      privateIpAddresses: z.array(upstreamText('Private IPv4 address of the primary network interface', '172.16.32.78')),
      publicIpAddresses: z.array(upstreamText('Public IPv4 address ([] when there is none)', '123.207.11.190')),
      instanceChargeType: upstreamText('PREPAID, POSTPAID_BY_HOUR, CDHPAID, SPOTPAID or CDCPAID', 'POSTPAID_BY_HOUR'),
      createdTime: upstreamText('Creation time, ISO 8601 UTC', '2020-09-22T00:00:00Z'),
      expiredTime: upstreamText('Expiry time of a PREPAID instance, ISO 8601 UTC ("" for pay-as-you-go)', ''),
    }),
  ),
  totalCount: numberText('Number of instances matching the request upstream (all pages)', '2'),
  requestId,
});

const instanceIds = z.array(upstreamText('Id of a new instance', 'ins-1vogaxgk'));

/** `POST /api/instances` 200: the new ids, or a dry run's pass. */
const instancesCreateResponse = z.union([
  z.strictObject({ instanceIds, requestId }),
  z.strictObject({ dryRun: z.literal(true), requestId }),
]);

/** `PUT /api/instances/{start|stop|reboot|terminate}` 200. */
const instancesActionResponse = z.strictObject({ requestId });

const waitFields = {
  instances: z.array(
    z.strictObject({
      instanceId: upstreamText('Instance id', 'ins-r8hr2upy'),
      instanceState: upstreamText('The state when the wait ended ("" when the instance was not listed)', 'PENDING'),
    }),
  ),
  targetState: upstreamText('The state the wait was for (TERMINATED: no longer listed)', 'RUNNING'),
  waitOutcome: upstreamText(
    'Why the wait ended: time-out (INSTANCE_WAIT_BUDGET_MS ran out), dead-end (a state that cannot lead there) or poll-failed (the states could not be read)',
    'time-out',
  ),
};

/** `POST /api/instances` 202: created, but a `wait` ended before every instance was RUNNING. */
const instancesCreateAcceptedResponse = z.strictObject({ instanceIds, ...waitFields, requestId });

/** `PUT /api/instances/{start|stop|terminate}` 202: accepted, but a `wait` ended before the target state. */
const instancesActionAcceptedResponse = z.strictObject({ ...waitFields, requestId });

export {
  instancesActionAcceptedResponse,
  instancesActionResponse,
  instancesCreateAcceptedResponse,
  instancesCreateResponse,
  instancesListResponse,
};
