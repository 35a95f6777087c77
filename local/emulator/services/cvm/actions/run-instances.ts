import type { RunInstancesResponse } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { clientTokenTooLong, invalidParameterValue } from '../errors';
import { provisionInstances } from '../models/provisioning';
import { readPurchase } from '../models/purchase';
import type { ActionDefinition } from './action';

const MAX_CLIENT_TOKEN_LENGTH = 64;

/**
 * RunInstances (reference §4.6).
 * - ClientToken (≤ 64 ASCII characters): a token already used in this account and region with the same
 *   parameters answers the original InstanceIdSet and creates nothing; with different parameters it is
 *   `InvalidParameterValue` (our choice; the docs leave it open) so a client bug cannot go unnoticed.
 * - DryRun: every check runs; on success the answer carries only the RequestId (documented form) and
 *   nothing is created or remembered.
 */
export const runInstances: ActionDefinition = {
  regional: true,
  parameters: [
    'InstanceChargeType', 'InstanceChargePrepaid', 'Placement', 'InstanceType', 'ImageId', 'SystemDisk', 'DataDisks',
    'VirtualPrivateCloud', 'InternetAccessible', 'InstanceCount', 'MinCount', 'InstanceName', 'LoginSettings',
    'SecurityGroupIds', 'EnhancedService', 'ClientToken', 'HostName', 'ActionTimer', 'DisasterRecoverGroupIds',
    'TagSpecification', 'InstanceMarketOptions', 'UserData', 'Metadata', 'DryRun', 'CpuTopology', 'CamRoleName',
    'HpcClusterId', 'LaunchTemplate', 'DedicatedClusterId', 'ChcIds', 'PartitionNumber', 'DisableApiTermination',
    'EnableJumboFrame', 'NetworkInterfaces',
  ],
  handle(params, env) {
    const clientToken = params.string('ClientToken');
    if (clientToken !== undefined) {
      if (clientToken.length > MAX_CLIENT_TOKEN_LENGTH) throw clientTokenTooLong(clientToken.length);
      if (!/^[\x20-\x7e]*$/.test(clientToken)) throw invalidParameterValue('ClientToken', 'only printable ASCII characters are allowed');
    }
    const dryRun = params.boolean('DryRun') ?? false;
    const fingerprint = params.fingerprint(['ClientToken', 'DryRun']);
    const remembered = clientToken === undefined || dryRun ? undefined : env.store.clientTokens.get(clientToken);
    if (remembered !== undefined) {
      if (remembered.fingerprint !== fingerprint) {
        throw invalidParameterValue('ClientToken', 'this token was already used with different parameters');
      }
      const replay: RunInstancesResponse = { InstanceIdSet: [...remembered.instanceIds] };
      return { ...replay };
    }

    const purchase = readPurchase(params, env);
    if (dryRun) return {};
    const instanceIds = provisionInstances({
      purchase,
      store: env.store,
      ids: env.ids,
      now: env.now,
      transitionMs: env.timing.transitionMs,
      requestId: env.context.requestId,
    });
    if (clientToken !== undefined) env.store.clientTokens.set(clientToken, { fingerprint, instanceIds });
    const response: RunInstancesResponse = { InstanceIdSet: [...instanceIds] };
    return { ...response };
  },
};
