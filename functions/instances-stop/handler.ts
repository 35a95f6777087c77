/**
 * PUT /api/instances/stop → StopInstances (reference §4.10): RUNNING → STOPPING → STOPPED, all or
 * nothing (§4.13). `stopType` HARD powers off at once and can lose data; `stoppedMode` STOP_CHARGING
 * stops billing for eligible pay-as-you-go instances.
 */
import { answerAfterWait } from '../../lib/cvm/answer-after-wait';
import { httpHandler } from '../../lib/http/http-handler';
import { toRequestIdBody } from '../../lib/mappers/instances';
import { waitRequested } from '../../lib/schemas/instances';
import { stopInstancesBody, stopInstancesQuery } from './schema';

export const main_handler = httpHandler({
  query: stopInstancesQuery,
  body: stopInstancesBody,
  handle: async ({ query, body, cvm, config, log }) => {
    // Before the operation: a conflicting `wait` is refused with nothing changed.
    const wait = waitRequested(query, body);
    const answer = toRequestIdBody(
      await cvm.call(
        { action: 'StopInstances', region: body.region },
        (client) =>
          client.StopInstances({
            InstanceIds: [...body.instanceIds],
            ...(body.stopType === undefined ? {} : { StopType: body.stopType }),
            ...(body.stoppedMode === undefined ? {} : { StoppedMode: body.stoppedMode }),
          }),
        { retry: 'non-idempotent-write' },
      ),
    );
    if (!wait) return answer;
    return answerAfterWait({ cvm, log, config, region: body.region, instanceIds: body.instanceIds, target: 'STOPPED', answer });
  },
});
