import type { Instance } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import {
  toCreatedInstancesBody,
  toInstanceItem,
  toInstanceStates,
  toInstancesBody,
  toRequestIdBody,
  toWaitUnfinishedBody,
} from '../../../../lib/mappers/instances';

/** Abbreviated from the documented DescribeInstances example (reference §4.7). */
const documentedInstance: Instance = {
  Placement: { Zone: 'ap-guangzhou-3', ProjectId: 1174660, HostId: 'host-h3m57oik', HostIds: [] },
  InstanceId: 'ins-xlsyru2j',
  InstanceType: 'S2.SMALL2',
  CPU: 1,
  Memory: 1,
  InstanceName: 'myInstance',
  InstanceChargeType: 'POSTPAID_BY_HOUR',
  PrivateIpAddresses: ['172.16.32.78'],
  PublicIpAddresses: ['123.207.11.190'],
  ImageId: 'img-8toqc6s3',
  CreatedTime: '2020-09-22T00:00:00+00:00',
  ExpiredTime: '2020-09-22T00:00:00+00:00',
  OsName: 'CentOS 7.4 64bit',
  InstanceState: 'RUNNING',
};

describe('toInstanceItem', () => {
  it('maps the documented instance to the contract shape, keys in the contract order, numbers as strings', () => {
    const item = toInstanceItem(documentedInstance);

    expect(item).toEqual({
      instanceId: 'ins-xlsyru2j',
      instanceName: 'myInstance',
      instanceState: 'RUNNING',
      instanceType: 'S2.SMALL2',
      cpu: '1',
      memory: '1',
      zone: 'ap-guangzhou-3',
      imageId: 'img-8toqc6s3',
      osName: 'CentOS 7.4 64bit',
      privateIpAddresses: ['172.16.32.78'],
      publicIpAddresses: ['123.207.11.190'],
      instanceChargeType: 'POSTPAID_BY_HOUR',
      createdTime: '2020-09-22T00:00:00+00:00',
      expiredTime: '2020-09-22T00:00:00+00:00',
    });
    expect(Object.keys(item)).toEqual([
      'instanceId',
      'instanceName',
      'instanceState',
      'instanceType',
      'cpu',
      'memory',
      'zone',
      'imageId',
      'osName',
      'privateIpAddresses',
      'publicIpAddresses',
      'instanceChargeType',
      'createdTime',
      'expiredTime',
    ]);
  });

  it('turns absent and null values into "" and null address lists into []', () => {
    // The API answers null for these on pay-as-you-go instances without a public IP (§4.7); the SDK types say otherwise.
    const sparse = JSON.parse('{"InstanceId":"ins-a1b2c3d4","PublicIpAddresses":null,"ExpiredTime":null}') as Instance;

    expect(toInstanceItem(sparse)).toMatchObject({
      instanceId: 'ins-a1b2c3d4',
      instanceName: '',
      cpu: '',
      zone: '',
      privateIpAddresses: [],
      publicIpAddresses: [],
      expiredTime: '',
    });
  });
});

describe('response bodies', () => {
  it('lists instances with the upstream total as a string', () => {
    expect(toInstancesBody({ TotalCount: 7, InstanceSet: [documentedInstance], RequestId: 'req-1' })).toEqual({
      instances: [toInstanceItem(documentedInstance)],
      totalCount: '7',
      requestId: 'req-1',
    });
    expect(toInstancesBody({})).toEqual({ instances: [], totalCount: '', requestId: '' });
  });

  it('answers a create with the new ids and a state change with the RequestId', () => {
    expect(toCreatedInstancesBody({ InstanceIdSet: ['ins-1vogaxgk'], RequestId: 'req-2' })).toEqual({ instanceIds: ['ins-1vogaxgk'], requestId: 'req-2' });
    expect(toRequestIdBody({ RequestId: 'req-3' })).toEqual({ requestId: 'req-3' });
  });

  it('orders wait states as the ids were asked for, with "" for an instance not listed', () => {
    const states = toInstanceStates(['ins-aaaaaaaa', 'ins-bbbbbbbb'], [{ InstanceId: 'ins-bbbbbbbb', InstanceState: 'STOPPING' }]);

    expect(states).toEqual([
      { instanceId: 'ins-aaaaaaaa', instanceState: '' },
      { instanceId: 'ins-bbbbbbbb', instanceState: 'STOPPING' },
    ]);
  });

  it('keeps the operation’s fields in a 202 body and puts requestId last', () => {
    const body = toWaitUnfinishedBody({ instanceIds: ['ins-aaaaaaaa'], requestId: 'req-4' }, [{ instanceId: 'ins-aaaaaaaa', instanceState: 'PENDING' }], 'RUNNING', 'time-out');

    expect(body).toEqual({
      instanceIds: ['ins-aaaaaaaa'],
      instances: [{ instanceId: 'ins-aaaaaaaa', instanceState: 'PENDING' }],
      targetState: 'RUNNING',
      waitOutcome: 'time-out',
      requestId: 'req-4',
    });
    expect(Object.keys(body)).toEqual(['instanceIds', 'instances', 'targetState', 'waitOutcome', 'requestId']);
  });
});
