import { runInstancesRequest } from '../../../../functions/instances-create/run-instances-request';
import { createInstancesBody } from '../../../../functions/instances-create/schema';
import { validateInput } from '../../../../lib/schemas/validate';

const resolved = { zone: 'ap-shanghai-2', diskSize: 50, clientToken: 'token-1' };

function requestFor(body: Record<string, unknown>) {
  return runInstancesRequest(validateInput(createInstancesBody, body, 'body'), resolved);
}

describe('runInstancesRequest', () => {
  it('sends only what the caller gave, plus the resolved zone, disk size and token', () => {
    expect(requestFor({ region: 'ap-shanghai', imageId: 'img-pmqg1cw7', instanceType: 'S5.MEDIUM2' })).toEqual({
      Placement: { Zone: 'ap-shanghai-2' },
      ImageId: 'img-pmqg1cw7',
      InstanceType: 'S5.MEDIUM2',
      SystemDisk: { DiskSize: 50 },
      ClientToken: 'token-1',
    });
  });

  it('maps every body field to its RunInstances parameter (reference §4.6)', () => {
    const request = requestFor({
      region: 'ap-shanghai',
      imageId: 'img-pmqg1cw7',
      instance_type: 'S5.16XLARGE256',
      instanceName: 'QCLOUD-TEST',
      system_disk: { disk_type: 'CLOUD_PREMIUM', disk_size: '50' },
      instanceCount: 2,
      instanceChargeType: 'PREPAID',
      instanceChargePrepaid: { period: 1, renew_flag: 'NOTIFY_AND_AUTO_RENEW' },
      internetMaxBandwidthOut: 10,
      password: 'Qcloud@TestApi123++',
      securityGroupIds: ['sg-p1ezv4wz'],
      vpcId: 'vpc-1urkhbj4',
      subnetId: 'subnet-dcs9x3gz',
      tags: [{ key: 'city', value: 'shenzhen' }],
      dryRun: false,
    });

    expect(request).toEqual({
      InstanceChargeType: 'PREPAID',
      InstanceChargePrepaid: { Period: 1, RenewFlag: 'NOTIFY_AND_AUTO_RENEW' },
      Placement: { Zone: 'ap-shanghai-2' },
      ImageId: 'img-pmqg1cw7',
      InstanceType: 'S5.16XLARGE256',
      SystemDisk: { DiskType: 'CLOUD_PREMIUM', DiskSize: 50 },
      VirtualPrivateCloud: { VpcId: 'vpc-1urkhbj4', SubnetId: 'subnet-dcs9x3gz' },
      InternetAccessible: { InternetMaxBandwidthOut: 10 },
      InstanceCount: 2,
      InstanceName: 'QCLOUD-TEST',
      LoginSettings: { Password: 'Qcloud@TestApi123++' },
      SecurityGroupIds: ['sg-p1ezv4wz'],
      TagSpecification: [{ ResourceType: 'instance', Tags: [{ Key: 'city', Value: 'shenzhen' }] }],
      DryRun: false,
      ClientToken: 'token-1',
    });
  });

  it('logs in with key pairs when given', () => {
    expect(requestFor({ region: 'ap-shanghai', imageId: 'img-pmqg1cw7', instanceType: 'S5.MEDIUM2', keyIds: ['skey-b4vakk62'] }).LoginSettings).toEqual({
      KeyIds: ['skey-b4vakk62'],
    });
  });

  it('leaves the system disk to the platform when neither the body nor the image gives a size', () => {
    const body = validateInput(createInstancesBody, { region: 'ap-shanghai', imageId: 'img-pmqg1cw7', instanceType: 'S5.MEDIUM2' }, 'body');

    expect(runInstancesRequest(body, { ...resolved, diskSize: undefined })).not.toHaveProperty('SystemDisk');
  });
});
