import type { DescribeInstancesResponse } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import { instanceIdMalformed } from '../errors';
import { matchesAll, readFilters, readIdList } from '../filters';
import { INSTANCE_ID } from '../formats';
import { checkInstanceFilterValues, instanceMatcher } from '../models/instance-filters';
import { toWireInstance, type InstanceView } from '../models/instance-view';
import { paginate, readPage } from '../paging';
import type { ActionDefinition } from './action';

export const MAX_INSTANCE_IDS = 100;

export function checkInstanceId(instanceId: string): void {
  if (!INSTANCE_ID.test(instanceId)) throw instanceIdMalformed(instanceId);
}

/** The SDK's response type, with the fields the real API answers as null. */
type DescribeInstancesView = Omit<DescribeInstancesResponse, 'InstanceSet'> & { readonly InstanceSet: InstanceView[] };

/**
 * DescribeInstances (reference §4.7): the account's instances in the region, in creation order.
 * `InstanceIds` (≤ 100; unknown well-formed ids are simply absent) and `Filters` (≤ 10, ≤ 5 values)
 * cannot be combined (`InvalidParameter`, our reading). Paged; TotalCount counts every match.
 */
export const describeInstances: ActionDefinition = {
  regional: true,
  parameters: ['InstanceIds', 'Filters', 'Offset', 'Limit'],
  handle(params, { store, now, timing, context }) {
    const instanceIds = readIdList(params, 'InstanceIds', MAX_INSTANCE_IDS, checkInstanceId);
    const filters = readFilters(params, { supports: (name) => instanceMatcher(name) !== undefined, maxFilters: 10, maxValues: 5 });
    checkInstanceFilterValues(filters);
    const page = readPage(params);
    const matches = store
      .visibleInstances(now, timing.terminatedRetentionMs)
      .filter(
        (instance) =>
          (instanceIds === undefined || instanceIds.includes(instance.spec.instanceId)) &&
          matchesAll(instance, filters, instanceMatcher),
      );
    const { totalCount, items } = paginate(matches, page);
    const response: DescribeInstancesView = {
      TotalCount: totalCount,
      InstanceSet: items.map((instance) => toWireInstance(instance, context.language)),
    };
    return { ...response };
  },
};
