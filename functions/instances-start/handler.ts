/**
 * PUT /api/instances/start → StartInstances (reference §4.9): STOPPED → STARTING → RUNNING. All or
 * nothing upstream (§4.13); any instance in another state fails the call with its
 * `UnsupportedOperation.InstanceState*` code (409), an unknown id with `InvalidInstanceId.NotFound` (404).
 */
import { changeInstanceStates } from '../../lib/cvm/change-instance-states';
import { httpHandler } from '../../lib/http/http-handler';
import { startInstancesBody, startInstancesQuery } from './schema';

export const main_handler = httpHandler({
  query: startInstancesQuery,
  body: startInstancesBody,
  handle: (args) =>
    changeInstanceStates(args, {
      action: 'StartInstances',
      target: 'RUNNING',
      send: (client, body) => client.StartInstances({ InstanceIds: [...body.instanceIds] }),
    }),
});
