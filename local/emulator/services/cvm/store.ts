import { catalogueDate, type ImageDefinition } from '../../catalogue/images';
import { resourceIdFromSeed } from '../../catalogue/hash';
import type { Instance } from './models/instance';

/** A RunInstances answer remembered for its ClientToken (reference §4.6). */
export interface ClientTokenRecord {
  readonly fingerprint: string;
  readonly instanceIds: readonly string[];
}

/**
 * The mutable state of one account in one region (moto's `BackendDict[account][region]`): instances,
 * ClientToken answers, private images and private-IP allocation. Nothing here is shared across
 * accounts or regions.
 */
export class RegionStore {
  private readonly instances = new Map<string, Instance>();
  private readonly usedIps = new Map<string, Set<string>>();
  private readonly nextHost = new Map<string, number>();
  readonly clientTokens = new Map<string, ClientTokenRecord>();
  privateImages: readonly ImageDefinition[] = [];

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  get defaultVpcId(): string {
    return resourceIdFromSeed('vpc', `default-vpc:${this.accountId}:${this.region}`);
  }

  defaultSubnetId(zone: string): string {
    return resourceIdFromSeed('subnet', `default-subnet:${this.accountId}:${zone}`);
  }

  get defaultSecurityGroupId(): string {
    return resourceIdFromSeed('sg', `default-sg:${this.accountId}:${this.region}`);
  }

  /** Instances still visible at `now`, in creation order; settles due transitions and drops expired ones. */
  visibleInstances(now: number, retentionMs: number): readonly Instance[] {
    for (const [instanceId, instance] of this.instances) {
      instance.settle(now);
      if (instance.isGone(now, retentionMs)) this.release(instanceId, instance);
    }
    return [...this.instances.values()];
  }

  add(instance: Instance): void {
    this.instances.set(instance.spec.instanceId, instance);
  }

  isIpUsed(vpcId: string, ip: string): boolean {
    return this.usedIps.get(vpcId)?.has(ip) ?? false;
  }

  reserveIp(vpcId: string, ip: string): void {
    const used = this.usedIps.get(vpcId) ?? new Set<string>();
    used.add(ip);
    this.usedIps.set(vpcId, used);
  }

  /** Next free address: 172.16.0.0/16 in the default VPC, 10.0.0.0/16 in any other. */
  allocateIp(vpcId: string): string {
    const prefix = vpcId === this.defaultVpcId ? '172.16' : '10.0';
    let host = this.nextHost.get(vpcId) ?? 2;
    for (;;) {
      const ip = `${prefix}.${(host >> 8) & 255}.${host & 255}`;
      host += (host & 255) >= 254 ? 4 : 1;
      if (!this.isIpUsed(vpcId, ip)) {
        this.nextHost.set(vpcId, host);
        this.reserveIp(vpcId, ip);
        return ip;
      }
    }
  }

  /**
   * Replaces the account's private images in this region with exactly `count` deterministic ones
   * (`seedPrivateImages`, for paging benchmarks), built on the given public images.
   */
  seedPrivateImages(count: number, bases: readonly ImageDefinition[]): void {
    this.privateImages = Array.from({ length: count }, (_, index) => {
      const base = bases[index % bases.length];
      const seed = `private:${this.accountId}:${this.region}:${index}`;
      const name = `private-image-${String(index + 1).padStart(4, '0')}`;
      return {
        imageId: resourceIdFromSeed('img', seed),
        osName: base?.osName ?? { 'zh-CN': 'CentOS 7.6 64位', 'en-US': 'CentOS 7.6 64bit' },
        imageName: name,
        imageType: 'PRIVATE_IMAGE',
        createdTime: catalogueDate(seed),
        imageSize: 50,
        architecture: base?.architecture ?? 'x86_64',
        platform: base?.platform ?? 'CentOS',
        imageCreator: this.accountId,
        imageSource: 'CREATE_IMAGE',
        isSupportCloudinit: true,
        snapshotSet: [{ SnapshotId: resourceIdFromSeed('snap', seed), DiskUsage: 'SYSTEM_DISK', DiskSize: 50 }],
        tags: [],
      };
    });
  }

  private release(instanceId: string, instance: Instance): void {
    this.instances.delete(instanceId);
    this.usedIps.get(instance.spec.vpc.VpcId)?.delete(instance.spec.privateIpAddress);
  }
}

/** Region stores per account, created on first use; `reset()` drops them all. */
export class StoreRegistry {
  private readonly stores = new Map<string, RegionStore>();

  get(accountId: string, region: string): RegionStore {
    const key = `${accountId}\u0000${region}`;
    let store = this.stores.get(key);
    if (store === undefined) {
      store = new RegionStore(accountId, region);
      this.stores.set(key, store);
    }
    return store;
  }

  reset(): void {
    this.stores.clear();
  }
}
