import * as z from 'zod/mini';
import { describeInstanceTypeConfigsRequest } from '../../../../functions/instance-types/describe-instance-type-configs-request';
import { instanceTypesQuery } from '../../../../functions/instance-types/schema';

describe('describeInstanceTypeConfigsRequest', () => {
  it.each([
    [{ region: 'ap-guangzhou' }, {}],
    [{ region: 'ap-guangzhou', zone: 'ap-guangzhou-3' }, { Filters: [{ Name: 'zone', Values: ['ap-guangzhou-3'] }] }],
    [{ region: 'ap-guangzhou', instanceFamily: 'S5' }, { Filters: [{ Name: 'instance-family', Values: ['S5'] }] }],
    [
      { region: 'ap-guangzhou', zone: 'ap-guangzhou-3', instanceFamily: 'S5' },
      {
        Filters: [
          { Name: 'zone', Values: ['ap-guangzhou-3'] },
          { Name: 'instance-family', Values: ['S5'] },
        ],
      },
    ],
  ])('builds the one-value-per-filter request (§4.5) for %j', (query, request) => {
    expect(describeInstanceTypeConfigsRequest(query)).toEqual(request);
  });
});

describe('instanceTypesQuery', () => {
  it('refuses a zone that is not a zone id', () => {
    const result = z.safeParse(instanceTypesQuery, { region: 'ap-guangzhou', zone: 'ap-guangzhou' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['zone', 'must be a zone id such as ap-guangzhou-3']]);
  });
});
