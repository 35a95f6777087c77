/**
 * PUT /api/instances/start → StartInstances (reference §4.9): STOPPED → STARTING → RUNNING. All or
 * nothing upstream (§4.13); any instance in another state fails the call with its
 * `UnsupportedOperation.InstanceState*` code (409), an unknown id with `InvalidInstanceId.NotFound` (404).
 */
import { answerAfterWait } from '../../lib/cvm/answer-after-wait';
import { httpHandler } from '../../lib/http/http-handler';
import { toRequestIdBody } from '../../lib/mappers/instances';
import { waitRequested } from '../../lib/schemas/instances';
import { startInstancesBody, startInstancesQuery } from './schema';

export const main_handler = httpHandler({
  query: startInstancesQuery,
  body: startInstancesBody,
  handle: async ({ query, body, cvm, config, log }) => {
    // Before the operation: a conflicting `wait` is refused with nothing changed.
    const wait = waitRequested(query, body);
    const answer = toRequestIdBody(
      await cvm.call(
        { action: 'StartInstances', region: body.region },
        (client) => client.StartInstances({ InstanceIds: [...body.instanceIds] }),
        { retry: 'non-idempotent-write' },
      ),
    );
    if (!wait) return answer;
    return answerAfterWait({ cvm, log, config, region: body.region, instanceIds: body.instanceIds, target: 'RUNNING', answer });
  },
});
