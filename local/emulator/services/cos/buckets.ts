/**
 * Bucket state. Buckets are not configured: a bucket comes into existence, empty, on the first
 * authenticated request addressed to its virtual-hosted name, and belongs to the caller's account and
 * to the region in that name. Afterwards another account gets 403 `AccessDenied` and the same name in
 * another region 404 `NoSuchBucket` (a bucket lives in one region, reference §7a.1). This stands in
 * for creating the bucket at deploy time, which the inventory function never does itself.
 */
export interface StoredObject {
  readonly key: string;
  readonly body: Buffer;
  /** Quoted lower-case hex MD5 of the body, as for a plain single PUT (§7a.4). */
  readonly etag: string;
  readonly lastModifiedMs: number;
  /** Headers stored with the object and returned by GET/HEAD: Content-Type, Cache-Control, x-cos-meta-*, … */
  readonly storedHeaders: Readonly<Record<string, string>>;
}

export interface CosBucket {
  /** Full name with APPID, e.g. `examplebucket-1250000000`. */
  readonly name: string;
  readonly appId: string;
  readonly region: string;
  readonly ownerAccountId: string;
  readonly objects: Map<string, StoredObject>;
}

export type BucketLookup =
  | { readonly kind: 'found'; readonly bucket: CosBucket }
  | { readonly kind: 'otherRegion' }
  | { readonly kind: 'otherAccount' };

export class CosBucketStore {
  private readonly buckets = new Map<string, CosBucket>();

  /** The bucket for this request, created for the caller if the name is new. */
  open(name: string, appId: string, region: string, accountId: string): BucketLookup {
    const existing = this.buckets.get(name);
    if (existing === undefined) {
      const bucket: CosBucket = { name, appId, region, ownerAccountId: accountId, objects: new Map() };
      this.buckets.set(name, bucket);
      return { kind: 'found', bucket };
    }
    if (existing.region !== region) {
      return { kind: 'otherRegion' };
    }
    if (existing.ownerAccountId !== accountId) {
      return { kind: 'otherAccount' };
    }
    return { kind: 'found', bucket: existing };
  }

  reset(): void {
    this.buckets.clear();
  }
}
