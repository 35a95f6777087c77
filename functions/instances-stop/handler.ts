/**
 * PUT /api/instances/stop → StopInstances (reference §4.10): RUNNING → STOPPING → STOPPED, all or
 * nothing (§4.13). `stopType` HARD powers off at once and can lose data; `stoppedMode` STOP_CHARGING
 * stops billing for eligible pay-as-you-go instances.
 */
import { changeInstanceStates } from '../../lib/cvm/change-instance-states';
import { httpHandler } from '../../lib/http/http-handler';
import { stopInstancesBody, stopInstancesQuery } from './schema';

export const main_handler = httpHandler({
  query: stopInstancesQuery,
  body: stopInstancesBody,
  handle: (args) =>
    changeInstanceStates(args, {
      action: 'StopInstances',
      target: 'STOPPED',
      send: (client, body) =>
        client.StopInstances({
          InstanceIds: [...body.instanceIds],
          ...(body.stopType === undefined ? {} : { StopType: body.stopType }),
          ...(body.stoppedMode === undefined ? {} : { StoppedMode: body.stoppedMode }),
        }),
    }),
});
