/** PUT /api/instances/reboot → RebootInstances (reference §4.11): RUNNING → REBOOTING → RUNNING, all or nothing (§4.13). */
import { httpHandler } from '../../lib/http/http-handler';
import { toRequestIdBody } from '../../lib/mappers/instances';
import { rebootInstancesBody } from './schema';

export const main_handler = httpHandler({
  body: rebootInstancesBody,
  handle: async ({ body, cvm }) =>
    toRequestIdBody(
      await cvm.call(
        { action: 'RebootInstances', region: body.region },
        (client) =>
          client.RebootInstances({
            InstanceIds: [...body.instanceIds],
            ...(body.stopType === undefined ? {} : { StopType: body.stopType }),
          }),
        { retry: 'non-idempotent-write' },
      ),
    ),
});
