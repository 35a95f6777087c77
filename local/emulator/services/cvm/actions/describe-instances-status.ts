import type { DescribeInstancesStatusResponse } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { readIdList } from '../filters';
import { paginate, readPage } from '../paging';
import type { ActionDefinition } from './action';
import { checkInstanceId, MAX_INSTANCE_IDS } from './describe-instances';

/** DescribeInstancesStatus (reference §4.8): `{InstanceId, InstanceState}` per instance, paged. */
export const describeInstancesStatus: ActionDefinition = {
  regional: true,
  parameters: ['InstanceIds', 'Offset', 'Limit'],
  handle(params, { store, now, timing }) {
    const instanceIds = readIdList(params, 'InstanceIds', MAX_INSTANCE_IDS, checkInstanceId);
    const page = readPage(params);
    const matches = store
      .visibleInstances(now, timing.terminatedRetentionMs)
      .filter((instance) => instanceIds === undefined || instanceIds.includes(instance.spec.instanceId));
    const { totalCount, items } = paginate(matches, page);
    const response: DescribeInstancesStatusResponse = {
      TotalCount: totalCount,
      InstanceStatusSet: items.map((instance) => ({ InstanceId: instance.spec.instanceId, InstanceState: instance.shownState })),
    };
    return { ...response };
  },
};
