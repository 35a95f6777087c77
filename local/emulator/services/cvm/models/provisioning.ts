import { defaultLoginOf } from '../../../catalogue/images';
import type { IdGenerator } from '../ids';
import type { RegionStore } from '../store';
import { Instance, type InstanceSpec } from './instance';
import type { Purchase } from './purchase';

/** `createdAt` plus `months` calendar months (prepaid expiry). */
function addMonths(createdAt: number, months: number): number {
  const date = new Date(createdAt);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

export interface ProvisioningRequest {
  readonly purchase: Purchase;
  readonly store: RegionStore;
  readonly ids: IdGenerator;
  readonly now: number;
  readonly transitionMs: number;
  readonly requestId: string;
}

/** Creates the instances of a validated purchase in PENDING and returns their ids in order. */
export function provisionInstances({ purchase, store, ids, now, transitionMs, requestId }: ProvisioningRequest): readonly string[] {
  return purchase.names.map((instanceName, index) => {
    const fixedIp = purchase.privateIps?.[index];
    if (fixedIp !== undefined) store.reserveIp(purchase.vpc.VpcId, fixedIp);
    const spec: InstanceSpec = {
      instanceId: ids.next('ins'),
      uuid: ids.uuid(),
      zone: purchase.zone.zone,
      projectId: purchase.projectId,
      instanceType: purchase.instanceType,
      imageId: purchase.image.imageId,
      osName: purchase.image.osName,
      defaultLogin: defaultLoginOf(purchase.image),
      instanceName,
      chargeType: purchase.chargeType,
      ...(purchase.prepaid === undefined
        ? {}
        : { prepaid: { renewFlag: purchase.prepaid.renewFlag, expiredAt: addMonths(now, purchase.prepaid.period) } }),
      systemDisk: { ...purchase.systemDisk, DiskId: ids.next('disk') },
      dataDisks: purchase.dataDisks.map((disk) => ({ ...disk, DiskId: ids.next('disk') })),
      privateIpAddress: fixedIp ?? store.allocateIp(purchase.vpc.VpcId),
      ...(purchase.internet.PublicIpAssigned ? { publicIpAddress: ids.publicIp() } : {}),
      internet: purchase.internet,
      vpc: purchase.vpc,
      securityGroupIds: purchase.securityGroupIds,
      keyIds: purchase.keyIds,
      tags: purchase.tags,
      createdAt: now,
      disableApiTermination: purchase.disableApiTermination,
      camRoleName: purchase.camRoleName,
    };
    store.add(new Instance(spec, requestId, transitionMs));
    return spec.instanceId;
  });
}
