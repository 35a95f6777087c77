import { apiError, ARM_IMAGE, createFixture, WINDOWS_IMAGE, X86_IMAGE, ZONE } from './service-fixture';

describe('RunInstances', () => {
  it('creates one pay-as-you-go S1.SMALL1 instance from zone and image only (the documented minimal purchase)', () => {
    const fixture = createFixture();
    const [instanceId, ...rest] = fixture.run();
    expect(rest).toEqual([]);
    expect(instanceId).toMatch(/^ins-[a-z0-9]{8}$/);
    const [instance] = fixture.instances();
    expect(instance).toMatchObject({
      InstanceId: instanceId,
      InstanceType: 'S1.SMALL1',
      CPU: 1,
      Memory: 1,
      InstanceName: '未命名',
      InstanceChargeType: 'POSTPAID_BY_HOUR',
      Placement: { Zone: ZONE, ProjectId: 0 },
      SystemDisk: { DiskType: 'CLOUD_PREMIUM', DiskSize: 50 },
      DataDisks: [],
      PublicIpAddresses: null,
      InternetAccessible: { InternetChargeType: 'TRAFFIC_POSTPAID_BY_HOUR', InternetMaxBandwidthOut: 0, PublicIpAssigned: false },
      ImageId: X86_IMAGE,
      OsName: 'TencentOS Server 3.1 (TK4)',
      RenewFlag: null,
      ExpiredTime: null,
      CreatedTime: '2024-06-01T04:00:00Z',
      InstanceState: 'PENDING',
      LatestOperation: 'RunInstances',
      LatestOperationState: 'OPERATING',
      StopChargingMode: 'NOT_APPLICABLE',
      IsolatedSource: 'NOTISOLATED',
      RestrictState: 'NORMAL',
      DisableApiTermination: false,
      DefaultLoginUser: 'root',
      DefaultLoginPort: 22,
      LoginSettings: { KeyIds: [] },
      Tags: [],
    });
    expect(instance?.PrivateIpAddresses).toEqual(['172.16.0.2']);
    expect(instance?.Uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect((instance?.SecurityGroupIds as string[])[0]).toMatch(/^sg-[a-z0-9]{8}$/);
  });

  it('stores the full documented pay-as-you-go purchase: type, disks, bandwidth, name, tags, keys', () => {
    const fixture = createFixture();
    const [instanceId] = fixture.run({
      InstanceChargeType: 'POSTPAID_BY_HOUR',
      InstanceType: 'S5.LARGE8',
      SystemDisk: { DiskType: 'CLOUD_SSD', DiskSize: 100 },
      DataDisks: [{ DiskType: 'CLOUD_PREMIUM', DiskSize: 200 }, { DiskType: 'CLOUD_SSD', DiskSize: 100, DeleteWithInstance: false, Encrypt: true }],
      InternetAccessible: { InternetChargeType: 'BANDWIDTH_POSTPAID_BY_HOUR', InternetMaxBandwidthOut: 10 },
      InstanceName: 'QCLOUD-TEST',
      LoginSettings: { KeyIds: ['skey-b4vakk62'] },
      SecurityGroupIds: ['sg-p1ezv4wz'],
      VirtualPrivateCloud: { VpcId: 'vpc-m0cnatxj', SubnetId: 'subnet-mv4sn55k' },
      TagSpecification: [{ ResourceType: 'instance', Tags: [{ Key: 'team', Value: 'infra' }] }],
      DisableApiTermination: true,
      Placement: { Zone: ZONE, ProjectId: 1174660 },
    });
    const [instance] = fixture.instances();
    expect(instance).toMatchObject({
      InstanceId: instanceId,
      InstanceType: 'S5.LARGE8',
      CPU: 4,
      Memory: 8,
      InstanceName: 'QCLOUD-TEST',
      Placement: { Zone: ZONE, ProjectId: 1174660 },
      SystemDisk: { DiskType: 'CLOUD_SSD', DiskSize: 100 },
      DataDisks: [
        { DiskType: 'CLOUD_PREMIUM', DiskSize: 200, DeleteWithInstance: true, Encrypt: false },
        { DiskType: 'CLOUD_SSD', DiskSize: 100, DeleteWithInstance: false, Encrypt: true },
      ],
      InternetAccessible: { InternetChargeType: 'BANDWIDTH_POSTPAID_BY_HOUR', InternetMaxBandwidthOut: 10, PublicIpAssigned: true },
      VirtualPrivateCloud: { VpcId: 'vpc-m0cnatxj', SubnetId: 'subnet-mv4sn55k', AsVpcGateway: false, PrivateIpAddresses: ['10.0.0.2'] },
      PrivateIpAddresses: ['10.0.0.2'],
      LoginSettings: { KeyIds: ['skey-b4vakk62'] },
      SecurityGroupIds: ['sg-p1ezv4wz'],
      Tags: [{ Key: 'team', Value: 'infra' }],
      DisableApiTermination: true,
    });
    expect(instance?.PublicIpAddresses).toEqual([expect.stringMatching(/^119\.28\.\d+\.\d+$/)]);
    const diskIds = [instance?.SystemDisk, ...(instance?.DataDisks as unknown[])].map((disk) => (disk as { DiskId: string }).DiskId);
    expect(new Set(diskIds).size).toBe(3);
    diskIds.forEach((diskId) => expect(diskId).toMatch(/^disk-[a-z0-9]{8}$/));
  });

  it('sets RenewFlag and ExpiredTime (Period months later) for PREPAID instances', () => {
    const fixture = createFixture();
    fixture.run({ InstanceChargeType: 'PREPAID', InstanceChargePrepaid: { Period: 3, RenewFlag: 'NOTIFY_AND_AUTO_RENEW' } });
    expect(fixture.instances()[0]).toMatchObject({
      InstanceChargeType: 'PREPAID',
      RenewFlag: 'NOTIFY_AND_AUTO_RENEW',
      CreatedTime: '2024-06-01T04:00:00Z',
      ExpiredTime: '2024-09-01T04:00:00Z',
      InternetAccessible: { InternetChargeType: 'BANDWIDTH_PREPAID' },
    });
  });

  it('gives GPU instances a GPUInfo and Windows instances the Administrator login', () => {
    const fixture = createFixture();
    fixture.run({ InstanceType: 'GN7.10XLARGE160', ImageId: WINDOWS_IMAGE, LoginSettings: { Password: 'Qcloud@TestApi123++' } });
    expect(fixture.instances()[0]).toMatchObject({
      CPU: 40,
      Memory: 160,
      GPUInfo: { GPUCount: 2, GPUId: [], GPUType: 'NVIDIA T4' },
      DefaultLoginUser: 'Administrator',
      DefaultLoginPort: 3389,
      LoginSettings: { KeyIds: [] },
    });
  });

  it('runs an arm image on the arm family SR1', () => {
    const fixture = createFixture();
    fixture.run({ ImageId: ARM_IMAGE, InstanceType: 'SR1.LARGE8' });
    expect(fixture.instances()[0]).toMatchObject({ InstanceType: 'SR1.LARGE8', OsName: 'TencentOS Server 3.1 for ARM64 (TK4)' });
  });

  it('answers OsName in English for en-US', () => {
    const fixture = createFixture();
    fixture.run({ ImageId: 'img-9qabwvbn' });
    expect(fixture.instances({ language: 'en-US' })[0]?.OsName).toBe('CentOS 7.6 64bit');
    expect(fixture.instances({ language: 'zh-CN' })[0]?.OsName).toBe('CentOS 7.6 64位');
  });

  it('never returns or stores the password anywhere in DescribeInstances', () => {
    const fixture = createFixture();
    fixture.run({ LoginSettings: { Password: 'Sup3rSecret!pw' } });
    expect(JSON.stringify(fixture.instances())).not.toContain('Sup3rSecret');
  });

  it.each([
    ['web-{R:3}', 2, ['web-3', 'web-4']],
    ['web-{R:3,F:3}', 2, ['web-003', 'web-004']],
    ['server_', 3, ['server_1', 'server_2', 'server_3']],
    ['solo', 1, ['solo']],
    ['bad-{R:1,F:9}', 2, ['bad-{R:1,F:9}1', 'bad-{R:1,F:9}2']],
  ])('names %s × %i as %j', (name, count, expected) => {
    const fixture = createFixture();
    fixture.run({ InstanceName: name, InstanceCount: count });
    expect(fixture.instances().map((instance) => instance.InstanceName)).toEqual(expected);
  });

  it('creates 100 instances with distinct ids and private IPs in one call', () => {
    const fixture = createFixture();
    const ids = fixture.run({ InstanceCount: 100 });
    expect(new Set(ids).size).toBe(100);
    const ips = fixture.instances().map((instance) => (instance.PrivateIpAddresses as string[])[0]);
    expect(new Set(ips).size).toBe(100);
  });

  it('assigns the fixed private IPs given in VirtualPrivateCloud, in order', () => {
    const fixture = createFixture();
    fixture.run({
      InstanceCount: 2,
      VirtualPrivateCloud: { VpcId: 'vpc-1urkhbj4', SubnetId: 'subnet-dcs9x3gz', PrivateIpAddresses: ['10.0.0.19', '10.0.0.18'] },
    });
    expect(fixture.instances().map((instance) => instance.PrivateIpAddresses)).toEqual([['10.0.0.19'], ['10.0.0.18']]);
    expect(
      apiError(() =>
        fixture.run({ VirtualPrivateCloud: { VpcId: 'vpc-1urkhbj4', SubnetId: 'subnet-dcs9x3gz', PrivateIpAddresses: ['10.0.0.18'] } }),
      ).code,
    ).toBe('VpcIpIsUsed');
  });

  describe('validation', () => {
    const base = { Placement: { Zone: ZONE }, ImageId: X86_IMAGE };
    it.each<[string, Record<string, unknown>, string]>([
      ['no Placement', { ImageId: X86_IMAGE }, 'MissingParameter'],
      ['no zone', { Placement: {}, ImageId: X86_IMAGE }, 'MissingParameter'],
      ['no ImageId', { Placement: { Zone: ZONE } }, 'MissingParameter'],
      ['zone of another region', { ...base, Placement: { Zone: 'ap-shanghai-2' } }, 'InvalidZone.MismatchRegion'],
      ['unknown zone of the region', { ...base, Placement: { Zone: 'ap-guangzhou-99' } }, 'InvalidParameterValue.ZoneNotSupported'],
      ['sold-out zone', { ...base, Placement: { Zone: 'ap-guangzhou-1' } }, 'ResourceInsufficient.AvailabilityZoneSoldOut'],
      ['malformed image id', { ...base, ImageId: 'img-1122' }, 'InvalidImageId.Malformed'],
      ['unknown image', { ...base, ImageId: 'img-zzzzzzzz' }, 'InvalidImageId.NotFound'],
      ['malformed type', { ...base, InstanceType: 's5 large' }, 'InvalidInstanceType.Malformed'],
      ['unknown type', { ...base, InstanceType: 'ZZ9.LARGE8' }, 'InvalidParameterValue.InstanceTypeNotFound'],
      ['arm image on x86 type', { ...base, ImageId: ARM_IMAGE, InstanceType: 'S5.LARGE8' }, 'InvalidParameterValue.InvalidImageForGivenInstanceType'],
      ['x86 image on arm type', { ...base, InstanceType: 'SR1.LARGE8' }, 'InvalidParameterValue.InvalidImageForGivenInstanceType'],
      ['InstanceCount 0', { ...base, InstanceCount: 0 }, 'InvalidParameterValue.Range'],
      ['InstanceCount 101', { ...base, InstanceCount: 101 }, 'InvalidParameterValue.Range'],
      ['MinCount above InstanceCount', { ...base, InstanceCount: 2, MinCount: 3 }, 'InvalidParameterValue.InvalidParameterMinCount'],
      ['InstanceCount as a string', { ...base, InstanceCount: '2' }, 'InvalidParameter'],
      ['DryRun as a string', { ...base, DryRun: 'yes' }, 'InvalidParameter'],
      ['unknown parameter', { ...base, Colour: 'blue' }, 'UnknownParameter'],
      ['unknown charge type', { ...base, InstanceChargeType: 'FREE' }, 'InvalidParameterValue'],
      ['PREPAID without InstanceChargePrepaid', { ...base, InstanceChargeType: 'PREPAID' }, 'MissingParameter'],
      ['PREPAID period 13', { ...base, InstanceChargeType: 'PREPAID', InstanceChargePrepaid: { Period: 13 } }, 'InvalidPeriod'],
      ['system disk 10 GiB', { ...base, SystemDisk: { DiskSize: 10 } }, 'InvalidParameterValue.Range'],
      ['system disk 4096 GiB', { ...base, SystemDisk: { DiskSize: 4096 } }, 'InvalidParameterValue.Range'],
      ['system disk smaller than the 50 GiB image', { ...base, SystemDisk: { DiskSize: 40 } }, 'InvalidParameterValue'],
      ['unknown system disk type', { ...base, SystemDisk: { DiskType: 'FLOPPY' } }, 'InvalidParameterValue'],
      ['data disk without size', { ...base, DataDisks: [{ DiskType: 'CLOUD_PREMIUM' }] }, 'MissingParameter'],
      ['cloud SSD data disk of 50 GiB', { ...base, DataDisks: [{ DiskType: 'CLOUD_SSD', DiskSize: 50 }] }, 'InvalidParameterValue.CloudSsdDataDiskSizeTooSmall'],
      ['22 data disks', { ...base, DataDisks: Array.from({ length: 22 }, () => ({ DiskType: 'CLOUD_PREMIUM', DiskSize: 10 })) }, 'InvalidParameterValue.LimitExceeded'],
      ['password and keys together', { ...base, LoginSettings: { Password: 'Abcdef12', KeyIds: ['skey-b4vakk62'] } }, 'InvalidParameterCombination'],
      ['short Linux password', { ...base, LoginSettings: { Password: 'Ab1' } }, 'InvalidPassword'],
      ['one-class Linux password', { ...base, LoginSettings: { Password: 'abcdefghij' } }, 'InvalidPassword'],
      ['two-class Windows password', { ...base, ImageId: WINDOWS_IMAGE, LoginSettings: { Password: 'abcdefghij12' } }, 'InvalidPassword'],
      ['keys on Windows', { ...base, ImageId: WINDOWS_IMAGE, LoginSettings: { KeyIds: ['skey-b4vakk62'] } }, 'UnsupportedOperation.KeyPairUnsupportedWindows'],
      ['malformed key id', { ...base, LoginSettings: { KeyIds: ['key-1'] } }, 'InvalidKeyPairId.Malformed'],
      ['KeepImageLogin on a public image', { ...base, LoginSettings: { KeepImageLogin: 'true' } }, 'InvalidParameterValue'],
      ['malformed security group', { ...base, SecurityGroupIds: ['sg-1'] }, 'InvalidSgId.Malformed'],
      ['VPC without subnet', { ...base, VirtualPrivateCloud: { VpcId: 'vpc-m0cnatxj' } }, 'MissingParameter'],
      ['malformed VPC id', { ...base, VirtualPrivateCloud: { VpcId: 'vpc-1', SubnetId: 'subnet-mv4sn55k' } }, 'InvalidParameterValue.VpcIdMalformed'],
      ['IP count differs from InstanceCount', { ...base, VirtualPrivateCloud: { VpcId: 'vpc-m0cnatxj', SubnetId: 'subnet-mv4sn55k', PrivateIpAddresses: ['10.0.0.5', '10.0.0.6'] } }, 'InvalidParameterValue'],
      ['malformed private IP', { ...base, VirtualPrivateCloud: { VpcId: 'vpc-m0cnatxj', SubnetId: 'subnet-mv4sn55k', PrivateIpAddresses: ['10.0.0.300'] } }, 'InvalidParameter.InvalidIpFormat'],
      ['public IP with 0 Mbps', { ...base, InternetAccessible: { InternetMaxBandwidthOut: 0, PublicIpAssigned: true } }, 'InvalidParameterCombination'],
      ['unknown tag resource type', { ...base, TagSpecification: [{ ResourceType: 'disk', Tags: [] }] }, 'InvalidParameterValue'],
      ['name of 129 characters', { ...base, InstanceName: 'n'.repeat(129) }, 'InvalidInstanceName.TooLong'],
      ['ClientToken of 65 characters', { ...base, ClientToken: 't'.repeat(65) }, 'InvalidClientToken.TooLong'],
      ['UserData not base64', { ...base, UserData: 'not base64!' }, 'InvalidParameterValue.InvalidUserDataFormat'],
    ])('%s → %s', (_case, params, code) => {
      const fixture = createFixture();
      expect(apiError(() => fixture.call('RunInstances', params)).code).toBe(code);
      expect(fixture.instances()).toEqual([]);
    });

    it('refuses a type the zone does not sell with ResourceUnavailable.InstanceType', () => {
      const fixture = createFixture();
      const sold = (zone: string): string[] =>
        (fixture.call('DescribeInstanceTypeConfigs', { Filters: [{ Name: 'zone', Values: [zone] }] }).InstanceTypeConfigSet as { InstanceType: string }[]).map(
          (row) => row.InstanceType,
        );
      const inZone3 = sold(ZONE);
      const notInZone4 = inZone3.find((type) => !sold('ap-guangzhou-4').includes(type) && !type.startsWith('SR1'));
      expect(notInZone4).toBeDefined();
      const error = apiError(() => fixture.run({ Placement: { Zone: 'ap-guangzhou-4' }, InstanceType: notInZone4 }));
      expect(error.code).toBe('ResourceUnavailable.InstanceType');
      expect(error.message).toContain('ap-guangzhou-4');
    });

    it('names the offending parameter and never echoes a password', () => {
      const fixture = createFixture();
      expect(apiError(() => fixture.run({ SystemDisk: { DiskSize: '50' } })).message).toContain('SystemDisk.DiskSize');
      expect(apiError(() => fixture.run({ DataDisks: [{ DiskSize: 50 }, { DiskType: 'CLOUD_PREMIUM' }] })).message).toContain('DataDisks.1.DiskSize');
      expect(apiError(() => fixture.run({ LoginSettings: { Password: 'weakpassword' } })).message).not.toContain('weakpassword');
    });
  });

  describe('ClientToken', () => {
    it('answers the same InstanceIdSet for the same token and parameters and creates nothing new', () => {
      const fixture = createFixture();
      const first = fixture.run({ ClientToken: 'token-1', InstanceCount: 2 });
      const second = fixture.run({ ClientToken: 'token-1', InstanceCount: 2 });
      expect(second).toEqual(first);
      expect(fixture.instances()).toHaveLength(2);
    });

    it('refuses the same token with different parameters', () => {
      const fixture = createFixture();
      fixture.run({ ClientToken: 'token-1' });
      const error = apiError(() => fixture.run({ ClientToken: 'token-1', InstanceName: 'other' }));
      expect(error.code).toBe('InvalidParameterValue');
      expect(error.message).toContain('ClientToken');
      expect(fixture.instances()).toHaveLength(1);
    });

    it('keeps tokens per account: another account with the same token gets its own instance', () => {
      const fixture = createFixture();
      const mine = fixture.run({ ClientToken: 'shared' });
      const theirs = fixture.run({ ClientToken: 'shared' }, { accountId: '100000000002' });
      expect(theirs).not.toEqual(mine);
    });

    it('creates new instances for calls without a token', () => {
      const fixture = createFixture();
      fixture.run();
      fixture.run();
      expect(fixture.instances()).toHaveLength(2);
    });
  });

  describe('DryRun', () => {
    it('answers only the RequestId fields (nothing) and creates nothing when every check passes', () => {
      const fixture = createFixture();
      expect(fixture.call('RunInstances', { Placement: { Zone: ZONE }, ImageId: X86_IMAGE, InstanceCount: 3, DryRun: true })).toEqual({});
      expect(fixture.instances()).toEqual([]);
    });

    it('answers the validation error when a check fails', () => {
      const fixture = createFixture();
      expect(apiError(() => fixture.run({ DryRun: true, ImageId: 'img-zzzzzzzz' })).code).toBe('InvalidImageId.NotFound');
    });

    it('does not consume the ClientToken', () => {
      const fixture = createFixture();
      fixture.run({ DryRun: true, ClientToken: 'later' });
      expect(fixture.run({ ClientToken: 'later' })).toHaveLength(1);
      expect(fixture.instances()).toHaveLength(1);
    });
  });
});
