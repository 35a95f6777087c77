import type { DescribeInstancesRequest, Filter } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import type { ListInstancesQuery } from './schema';

/** DescribeInstances' defaults (reference §4.7), sent explicitly so the answer's page is the one asked for. */
const DEFAULT_OFFSET = 0;
const DEFAULT_LIMIT = 20;

/**
 * The DescribeInstances parameters for a query. `InstanceIds` and `Filters` exclude each other (§4.1):
 * ids alone go as `InstanceIds`; with any filter they become the `instance-id` filter.
 *
 * @example
 * describeInstancesRequest({ region: 'ap-guangzhou', zone: 'ap-guangzhou-3' })
 * // { Filters: [{ Name: 'zone', Values: ['ap-guangzhou-3'] }], Offset: 0, Limit: 20 }
 */
function describeInstancesRequest(query: ListInstancesQuery): DescribeInstancesRequest {
  const filters: Filter[] = [
    ...(query.zone === undefined ? [] : [{ Name: 'zone', Values: [query.zone] }]),
    ...(query.instanceName === undefined ? [] : [{ Name: 'instance-name', Values: [query.instanceName] }]),
    ...(query.instanceState === undefined ? [] : [{ Name: 'instance-state', Values: [query.instanceState] }]),
  ];
  const ids = query.instanceIds === undefined ? undefined : [...query.instanceIds];
  const paging = { Offset: query.offset ?? DEFAULT_OFFSET, Limit: query.limit ?? DEFAULT_LIMIT };
  if (filters.length === 0) return { ...(ids === undefined ? {} : { InstanceIds: ids }), ...paging };
  return { Filters: [...filters, ...(ids === undefined ? [] : [{ Name: 'instance-id', Values: ids }])], ...paging };
}

export { describeInstancesRequest };
