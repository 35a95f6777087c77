/**
 * For each HTTP function, the one request a cold start answers and the SDK call the baseline makes
 * for it (the same action, with the parameters our function sends). Instance routes get a fresh
 * instance in the state they need before every run, so that every run does the same work.
 */
import type { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_client';
import type { BenchCvmClients } from '../cvm-client';
import { DEMO_KEY_PAIR, type HttpCall } from '../events';

export const PROBE_REGION = 'ap-guangzhou';

export interface ProbeCall {
  readonly call: HttpCall;
  /** The CVM action both sides call. */
  readonly action: string;
  /** What the baseline passes to it. */
  readonly baselineParams: Readonly<Record<string, unknown>>;
}

/** Prepares the emulator for one run and returns its request. */
export type ColdStartProbe = (cvm: BenchCvmClients) => Promise<ProbeCall>;

interface InstanceTemplate {
  readonly zone: string;
  readonly instanceType: string;
  readonly imageId: string;
}

const DISK_SIZE_GIB = 50;

async function instanceTemplate(client: Client): Promise<InstanceTemplate> {
  const type = (await client.DescribeInstanceTypeConfigs({})).InstanceTypeConfigSet?.[0];
  const image = (await client.DescribeImages({ Limit: 1, InstanceType: type?.InstanceType })).ImageSet?.[0];
  if (type?.Zone === undefined || type.InstanceType === undefined || image?.ImageId === undefined) {
    throw new Error(`the emulator offers no instance type and image to create an instance in ${PROBE_REGION}`);
  }
  return { zone: type.Zone, instanceType: type.InstanceType, imageId: image.ImageId };
}

async function freshInstance(client: Client, state: 'RUNNING' | 'STOPPED'): Promise<string> {
  const template = await instanceTemplate(client);
  const run = await client.RunInstances({
    Placement: { Zone: template.zone },
    ImageId: template.imageId,
    InstanceType: template.instanceType,
    SystemDisk: { DiskSize: DISK_SIZE_GIB },
  });
  const instanceId = run.InstanceIdSet?.[0];
  if (instanceId === undefined) throw new Error('RunInstances created no instance');
  if (state === 'STOPPED') await client.StopInstances({ InstanceIds: [instanceId] });
  return instanceId;
}

function readCall(path: string, action: string, query: Readonly<Record<string, string>> = {}, baselineParams = {}): ColdStartProbe {
  return async () => ({ call: { method: 'GET', path, query: { ...DEMO_KEY_PAIR, ...query } }, action, baselineParams });
}

function instanceOperation(operation: 'start' | 'stop' | 'reboot' | 'terminate', action: string, from: 'RUNNING' | 'STOPPED'): ColdStartProbe {
  return async (cvm) => {
    const instanceId = await freshInstance(cvm.forRegion(PROBE_REGION), from);
    return {
      call: { method: 'PUT', path: `/api/instances/${operation}`, body: { ...DEMO_KEY_PAIR, region: PROBE_REGION, instanceIds: [instanceId] } },
      action,
      baselineParams: { InstanceIds: [instanceId] },
    };
  };
}

const createDryRun: ColdStartProbe = async (cvm) => {
  const template = await instanceTemplate(cvm.forRegion(PROBE_REGION));
  return {
    call: {
      method: 'POST',
      path: '/api/instances',
      body: {
        ...DEMO_KEY_PAIR,
        region: PROBE_REGION,
        zone: template.zone,
        imageId: template.imageId,
        instanceType: template.instanceType,
        systemDisk: { diskSize: DISK_SIZE_GIB },
        dryRun: true,
      },
    },
    action: 'RunInstances',
    baselineParams: {
      Placement: { Zone: template.zone },
      ImageId: template.imageId,
      InstanceType: template.instanceType,
      SystemDisk: { DiskSize: DISK_SIZE_GIB },
      DryRun: true,
    },
  };
};

/** By function name (functions/routes.ts); a route without a probe is reported as not measured. */
export const COLD_START_PROBES: Readonly<Record<string, ColdStartProbe>> = {
  regions: readCall('/api/regions', 'DescribeRegions'),
  zones: readCall('/api/zones', 'DescribeZones', { region: PROBE_REGION }),
  images: readCall('/api/images', 'DescribeImages', { region: PROBE_REGION }, { Offset: 0, Limit: 100 }),
  'instance-types': readCall('/api/instance-types', 'DescribeInstanceTypeConfigs', { region: PROBE_REGION }),
  'instances-list': readCall('/api/instances', 'DescribeInstances', { region: PROBE_REGION }, { Offset: 0, Limit: 20 }),
  'instances-create': createDryRun,
  'instances-start': instanceOperation('start', 'StartInstances', 'STOPPED'),
  'instances-stop': instanceOperation('stop', 'StopInstances', 'RUNNING'),
  'instances-reboot': instanceOperation('reboot', 'RebootInstances', 'RUNNING'),
  'instances-terminate': instanceOperation('terminate', 'TerminateInstances', 'RUNNING'),
};
