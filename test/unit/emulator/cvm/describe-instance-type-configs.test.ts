import { apiError, createFixture, REGION, ZONE } from './service-fixture';

interface TypeRow {
  Zone: string;
  InstanceType: string;
  InstanceFamily: string;
  CPU: number;
  Memory: number;
  GPU: number;
  FPGA: number;
  GpuCount: number;
  GpuType?: string;
  GpuMemory?: number;
}

function rows(response: Record<string, unknown>): TypeRow[] {
  return response.InstanceTypeConfigSet as TypeRow[];
}

describe('DescribeInstanceTypeConfigs', () => {
  it('lists every type of every AVAILABLE zone of the region, without TotalCount', () => {
    const fixture = createFixture();
    const response = fixture.call('DescribeInstanceTypeConfigs');
    expect(Object.keys(response)).toEqual(['InstanceTypeConfigSet']);
    const zones = new Set(rows(response).map((row) => row.Zone));
    expect([...zones]).toEqual(['ap-guangzhou-3', 'ap-guangzhou-4', 'ap-guangzhou-5', 'ap-guangzhou-6', 'ap-guangzhou-7']);
  });

  it('shows explicit CPU, memory, GPU and FPGA figures', () => {
    const fixture = createFixture();
    const byType = (instanceType: string): TypeRow | undefined =>
      rows(fixture.call('DescribeInstanceTypeConfigs', { Filters: [{ Name: 'instance-type', Values: [instanceType] }] }))[0];
    expect(byType('S5.LARGE8')).toEqual({ Zone: ZONE, InstanceType: 'S5.LARGE8', InstanceFamily: 'S5', GPU: 0, CPU: 4, Memory: 8, FPGA: 0, GpuCount: 0 });
    expect(byType('GN7.20XLARGE320')).toEqual({
      Zone: ZONE, InstanceType: 'GN7.20XLARGE320', InstanceFamily: 'GN7', GPU: 4, CPU: 80, Memory: 320, FPGA: 0, GpuCount: 4, GpuType: 'NVIDIA T4', GpuMemory: 16,
    });
    expect(byType('FX4.8XLARGE128')).toMatchObject({ InstanceFamily: 'FX4', CPU: 32, Memory: 128, FPGA: 1, GPU: 0 });
  });

  it('lists the seed’s SA2/SA3 range in ap-guangzhou-5', () => {
    const types = rows(
      createFixture().call('DescribeInstanceTypeConfigs', {
        Filters: [{ Name: 'zone', Values: ['ap-guangzhou-5'] }, { Name: 'instance-family', Values: ['SA3'] }],
      }),
    );
    expect(types.map((row) => row.InstanceType)).toContain('SA3.58XLARGE940');
    expect(types.find((row) => row.InstanceType === 'SA3.58XLARGE940')).toMatchObject({ CPU: 232, Memory: 940 });
    expect(types.every((row) => row.Zone === 'ap-guangzhou-5' && row.InstanceFamily === 'SA3')).toBe(true);
  });

  it('does not sell every family in every zone', () => {
    const all = rows(createFixture().call('DescribeInstanceTypeConfigs', {}, { region: 'ap-beijing' }));
    const familiesPerZone = new Map<string, Set<string>>();
    all.forEach((row) => familiesPerZone.set(row.Zone, (familiesPerZone.get(row.Zone) ?? new Set()).add(row.InstanceFamily)));
    const sizes = [...familiesPerZone.values()].map((families) => families.size);
    expect(new Set(sizes).size).toBeGreaterThan(1);
    expect(familiesPerZone.has('ap-beijing-1')).toBe(false);
    [...familiesPerZone.values()].forEach((families) => expect(families.has('S1')).toBe(true));
  });

  it.each<[Record<string, unknown>, string]>([
    [{ Filters: [{ Name: 'zone', Values: ['ap-guangzhou-3', 'ap-guangzhou-4'] }] }, 'InvalidFilterValue.LimitExceeded'],
    [{ Filters: [{ Name: 'cpu', Values: ['4'] }] }, 'InvalidFilter'],
    [{ Filters: [{ Name: 'zone', Values: ['ap-shanghai-2'] }] }, 'InvalidZone.MismatchRegion'],
    [{ Filters: [{ Name: 'zone', Values: ['ap-guangzhou-99'] }] }, 'InvalidParameterValue.ZoneNotSupported'],
    [{ Filters: [{ Name: 'instance-type', Values: ['large'] }] }, 'InvalidInstanceType.Malformed'],
    [{ Filters: Array.from({ length: 11 }, () => ({ Name: 'zone', Values: [ZONE] })) }, 'InvalidParameterValue.LimitExceeded'],
    [{ Limit: 10 }, 'UnknownParameter'],
  ])('refuses %j with %s', (params, code) => {
    expect(apiError(() => createFixture().call('DescribeInstanceTypeConfigs', params)).code).toBe(code);
  });

  it('reflects added and removed types, and restores them on reset', () => {
    const fixture = createFixture();
    const inZone = (): string[] =>
      rows(fixture.call('DescribeInstanceTypeConfigs', { Filters: [{ Name: 'zone', Values: [ZONE] }, { Name: 'instance-family', Values: ['S9'] }] })).map(
        (row) => row.InstanceType,
      );
    fixture.service.applyCatalogueChange({ kind: 'addInstanceType', region: REGION, zone: ZONE, instanceType: 'S9.MEDIUM4' });
    expect(inZone()).toEqual(['S9.MEDIUM4']);
    expect(rows(fixture.call('DescribeInstanceTypeConfigs', { Filters: [{ Name: 'instance-type', Values: ['S9.MEDIUM4'] }] }))[0]).toMatchObject({
      CPU: 2,
      Memory: 4,
    });
    expect(fixture.run({ InstanceType: 'S9.MEDIUM4' })).toHaveLength(1);
    fixture.service.applyCatalogueChange({ kind: 'removeInstanceType', region: REGION, zone: ZONE, instanceType: 'S1.SMALL1' });
    expect(apiError(() => fixture.run()).code).toBe('ResourceUnavailable.InstanceType');
    fixture.service.reset();
    expect(inZone()).toEqual([]);
    expect(fixture.run()).toHaveLength(1);
  });
});
