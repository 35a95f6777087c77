/**
 * PUT /api/instances/terminate → TerminateInstances (reference §4.12). Pay-as-you-go instances are
 * destroyed; PREPAID ones go to the recycle bin (SHUTDOWN) first and need a second call. All instances
 * of one call must share a charge type. `wait` returns once none of them is listed any more.
 */
import { answerAfterWait } from '../../lib/cvm/answer-after-wait';
import { httpHandler } from '../../lib/http/http-handler';
import { toRequestIdBody } from '../../lib/mappers/instances';
import { waitRequested } from '../../lib/schemas/instances';
import { terminateInstancesBody, terminateInstancesQuery } from './schema';

export const main_handler = httpHandler({
  query: terminateInstancesQuery,
  body: terminateInstancesBody,
  handle: async ({ query, body, cvm, config, log }) => {
    // Before the operation: a conflicting `wait` is refused with nothing changed.
    const wait = waitRequested(query, body);
    const answer = toRequestIdBody(
      await cvm.call(
        { action: 'TerminateInstances', region: body.region },
        (client) => client.TerminateInstances({ InstanceIds: [...body.instanceIds] }),
        { retry: 'non-idempotent-write' },
      ),
    );
    if (!wait) return answer;
    return answerAfterWait({ cvm, log, config, region: body.region, instanceIds: body.instanceIds, target: 'TERMINATED', answer });
  },
});
