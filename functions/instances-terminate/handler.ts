/**
 * PUT /api/instances/terminate → TerminateInstances (reference §4.12). Pay-as-you-go instances are
 * destroyed; PREPAID ones go to the recycle bin (SHUTDOWN) first and need a second call. All instances
 * of one call must share a charge type. `wait` returns once none of them is listed any more.
 */
import { changeInstanceStates } from '../../lib/cvm/change-instance-states';
import { httpHandler } from '../../lib/http/http-handler';
import { terminateInstancesBody, terminateInstancesQuery } from './schema';

export const main_handler = httpHandler({
  query: terminateInstancesQuery,
  body: terminateInstancesBody,
  handle: (args) =>
    changeInstanceStates(args, {
      action: 'TerminateInstances',
      target: 'TERMINATED',
      send: (client, body) => client.TerminateInstances({ InstanceIds: [...body.instanceIds] }),
    }),
});
