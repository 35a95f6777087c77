import { ACCOUNT_B, apiError, createFixture, X86_IMAGE, ZONE } from './service-fixture';

function ids(response: Record<string, unknown>): string[] {
  return (response.InstanceSet as { InstanceId: string }[]).map((instance) => instance.InstanceId);
}

describe('DescribeInstances', () => {
  it('pages with Offset 0 / Limit 20 by default and counts every match', () => {
    const fixture = createFixture();
    const created = fixture.run({ InstanceCount: 45 });
    const firstPage = fixture.call('DescribeInstances');
    expect(firstPage.TotalCount).toBe(45);
    expect(ids(firstPage)).toEqual(created.slice(0, 20));
    expect(ids(fixture.call('DescribeInstances', { Offset: 40 }))).toEqual(created.slice(40));
    expect(ids(fixture.call('DescribeInstances', { Offset: 10, Limit: 5 }))).toEqual(created.slice(10, 15));
    expect(fixture.call('DescribeInstances', { Offset: 45 })).toEqual({ TotalCount: 45, InstanceSet: [] });
  });

  it.each<[Record<string, unknown>, string]>([
    [{ Limit: 101 }, 'InvalidParameterValue.LimitExceeded'],
    [{ Limit: 0 }, 'InvalidParameterValue'],
    [{ Offset: -1 }, 'InvalidParameterValue'],
    [{ Limit: '10' }, 'InvalidParameter'],
    [{ InstanceIds: ['ins-1122'] }, 'InvalidInstanceId.Malformed'],
    [{ InstanceIds: Array.from({ length: 101 }, (_, index) => `ins-${String(index).padStart(8, '0')}`) }, 'InvalidParameterValue.LimitExceeded'],
    [{ InstanceIds: ['ins-aaaaaaaa'], Filters: [{ Name: 'zone', Values: [ZONE] }] }, 'InvalidParameter'],
    [{ Filters: [{ Name: 'colour', Values: ['blue'] }] }, 'InvalidFilter'],
    [{ Filters: [{ Name: 'zone', Values: ['a', 'b', 'c', 'd', 'e', 'f'] }] }, 'InvalidFilterValue.LimitExceeded'],
    [{ Filters: Array.from({ length: 11 }, () => ({ Name: 'zone', Values: [ZONE] })) }, 'InvalidParameterValue.LimitExceeded'],
    [{ Filters: [{ Values: [ZONE] }] }, 'MissingParameter'],
    [{ Filters: [{ Name: 'instance-state', Values: ['ASLEEP'] }] }, 'InvalidParameterValue'],
    [{ Filters: [{ Name: 'vpc-id', Values: ['vpc-1'] }] }, 'InvalidParameterValue.VpcIdMalformed'],
    [{ Filters: [{ Name: 'private-ip-address', Values: ['10.0.0'] }] }, 'InvalidParameterValue.InvalidIpFormat'],
    [{ Filters: [{ Name: 'creation-start-time', Values: ['2024-06-01'] }] }, 'InvalidParameterValue.InvalidTimeFormat'],
  ])('refuses %j with %s', (params, code) => {
    expect(apiError(() => createFixture().call('DescribeInstances', params)).code).toBe(code);
  });

  it('returns only the named instances for InstanceIds; unknown well-formed ids are simply absent', () => {
    const fixture = createFixture();
    const [first = '', , third = ''] = fixture.run({ InstanceCount: 3 });
    const response = fixture.call('DescribeInstances', { InstanceIds: [third, 'ins-zzzzzzzz', first] });
    expect(response.TotalCount).toBe(2);
    expect(ids(response)).toEqual([first, third]);
  });

  describe('filters', () => {
    function setup() {
      const fixture = createFixture({ transitionMs: 0, terminatedRetentionMs: 1000 });
      const [web = ''] = fixture.run({
        InstanceName: 'web-frontend',
        InstanceType: 'S5.LARGE8',
        InternetAccessible: { InternetMaxBandwidthOut: 5 },
        TagSpecification: [{ ResourceType: 'instance', Tags: [{ Key: 'team', Value: 'web' }, { Key: 'env', Value: 'prod' }] }],
      });
      const [db = ''] = fixture.run({
        InstanceName: 'db-primary',
        Placement: { Zone: 'ap-guangzhou-6', ProjectId: 7 },
        InstanceChargeType: 'PREPAID',
        InstanceChargePrepaid: { Period: 1 },
        VirtualPrivateCloud: { VpcId: 'vpc-m0cnatxj', SubnetId: 'subnet-mv4sn55k' },
        SecurityGroupIds: ['sg-p1ezv4wz'],
        ImageId: 'img-487zeit5',
        TagSpecification: [{ ResourceType: 'instance', Tags: [{ Key: 'team', Value: 'data' }, { Key: 'env', Value: 'prod' }] }],
      });
      const [batch = ''] = fixture.run({ InstanceName: 'batch-worker' });
      fixture.call('StopInstances', { InstanceIds: [batch] });
      const describe = (filters: { Name: string; Values: string[] }[]): string[] =>
        ids(fixture.call('DescribeInstances', { Filters: filters, Limit: 100 }));
      const web0 = fixture.instances({}, { InstanceIds: [web] })[0];
      return { fixture, web, db, batch, describe, web0 };
    }

    it.each<[string, (s: ReturnType<typeof setup>) => { Name: string; Values: string[] }[], (s: ReturnType<typeof setup>) => string[]]>([
      ['zone', () => [{ Name: 'zone', Values: ['ap-guangzhou-6'] }], (s) => [s.db]],
      ['zone (values ORed)', () => [{ Name: 'zone', Values: ['ap-guangzhou-6', ZONE] }], (s) => [s.web, s.db, s.batch]],
      ['project-id', () => [{ Name: 'project-id', Values: ['7'] }], (s) => [s.db]],
      ['instance-id', (s) => [{ Name: 'instance-id', Values: [s.batch] }], (s) => [s.batch]],
      ['instance-name (substring)', () => [{ Name: 'instance-name', Values: ['front'] }], (s) => [s.web]],
      ['instance-state', () => [{ Name: 'instance-state', Values: ['STOPPED'] }], (s) => [s.batch]],
      ['instance-charge-type', () => [{ Name: 'instance-charge-type', Values: ['PREPAID'] }], (s) => [s.db]],
      ['instance-type', () => [{ Name: 'instance-type', Values: ['S5.LARGE8'] }], (s) => [s.web]],
      ['image-id', () => [{ Name: 'image-id', Values: ['img-487zeit5'] }], (s) => [s.db]],
      ['vpc-id', () => [{ Name: 'vpc-id', Values: ['vpc-m0cnatxj'] }], (s) => [s.db]],
      ['subnet-id', () => [{ Name: 'subnet-id', Values: ['subnet-mv4sn55k'] }], (s) => [s.db]],
      ['security-group-id', () => [{ Name: 'security-group-id', Values: ['sg-p1ezv4wz'] }], (s) => [s.db]],
      ['private-ip-address', (s) => [{ Name: 'private-ip-address', Values: (s.web0?.PrivateIpAddresses as string[]) }], (s) => [s.web]],
      ['public-ip-address', (s) => [{ Name: 'public-ip-address', Values: (s.web0?.PublicIpAddresses as string[]) }], (s) => [s.web]],
      ['uuid', (s) => [{ Name: 'uuid', Values: [String(s.web0?.Uuid)] }], (s) => [s.web]],
      ['tag-key', () => [{ Name: 'tag-key', Values: ['team'] }], (s) => [s.web, s.db]],
      ['tag-value', () => [{ Name: 'tag-value', Values: ['data'] }], (s) => [s.db]],
      ['tag:<key>', () => [{ Name: 'tag:team', Values: ['web'] }], (s) => [s.web]],
      ['filters ANDed', () => [{ Name: 'tag:env', Values: ['prod'] }, { Name: 'zone', Values: [ZONE] }], (s) => [s.web]],
      ['creation window (China time) containing the purchase', () => [
        { Name: 'creation-start-time', Values: ['2024-06-01 12:00:00'] },
        { Name: 'creation-end-time', Values: ['2024-06-01 12:00:00'] },
      ], (s) => [s.web, s.db, s.batch]],
      ['creation window after the purchase', () => [{ Name: 'creation-start-time', Values: ['2024-06-01 12:00:01'] }], () => []],
      ['host-id (no dedicated hosts)', () => [{ Name: 'host-id', Values: ['host-h3m57oik'] }], () => []],
    ])('%s', (_name, filters, expected) => {
      const state = setup();
      expect(state.describe(filters(state))).toEqual(expected(state));
    });
  });

  it('keeps accounts and regions apart', () => {
    const fixture = createFixture();
    const [mine = ''] = fixture.run();
    expect(fixture.call('DescribeInstances', {}, { accountId: ACCOUNT_B })).toEqual({ TotalCount: 0, InstanceSet: [] });
    expect(fixture.call('DescribeInstances', {}, { region: 'ap-shanghai' })).toEqual({ TotalCount: 0, InstanceSet: [] });
    const [theirs = ''] = fixture.run({}, { accountId: ACCOUNT_B });
    expect(ids(fixture.call('DescribeInstances'))).toEqual([mine]);
    expect(ids(fixture.call('DescribeInstances', {}, { accountId: ACCOUNT_B }))).toEqual([theirs]);
    expect(fixture.call('DescribeInstances', { InstanceIds: [theirs] }).TotalCount).toBe(0);
  });

  it('forgets every instance on reset', () => {
    const fixture = createFixture();
    fixture.run({ Placement: { Zone: ZONE }, ImageId: X86_IMAGE });
    fixture.service.reset();
    expect(fixture.call('DescribeInstances').TotalCount).toBe(0);
  });
});

describe('DescribeInstancesStatus', () => {
  it('lists {InstanceId, InstanceState} per instance, paged, and narrows by InstanceIds', () => {
    const fixture = createFixture({ transitionMs: 1000, terminatedRetentionMs: 1000 });
    const created = fixture.run({ InstanceCount: 25 });
    const all = fixture.call('DescribeInstancesStatus');
    expect(all.TotalCount).toBe(25);
    expect(all.InstanceStatusSet).toEqual(created.slice(0, 20).map((InstanceId) => ({ InstanceId, InstanceState: 'PENDING' })));
    fixture.advance(1000);
    expect(fixture.call('DescribeInstancesStatus', { InstanceIds: created.slice(0, 2), Limit: 1, Offset: 1 })).toEqual({
      TotalCount: 2,
      InstanceStatusSet: [{ InstanceId: created[1], InstanceState: 'RUNNING' }],
    });
  });

  it.each<[Record<string, unknown>, string]>([
    [{ Limit: 101 }, 'InvalidParameterValue.LimitExceeded'],
    [{ InstanceIds: ['i-123'] }, 'InvalidInstanceId.Malformed'],
    [{ Filters: [] }, 'UnknownParameter'],
  ])('refuses %j with %s', (params, code) => {
    expect(apiError(() => createFixture().call('DescribeInstancesStatus', params)).code).toBe(code);
  });
});
