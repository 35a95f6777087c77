/**
 * Where snapshots and diffs are kept: a local directory, or a COS bucket when deployed. Every write is
 * write-once and whole: the object appears complete or not at all, and an existing key is never
 * replaced.
 */

/**
 * - `written`: this call stored the bytes;
 * - `alreadyStored`: the key already held exactly these bytes (an earlier attempt of the same run);
 * - `conflict`: the key holds other bytes (another run recorded it first); nothing was changed.
 */
export type WriteOutcome = 'written' | 'alreadyStored' | 'conflict';

export interface InventoryStore {
  /** Human-readable location of a key: a file path or a `cos://bucket/key` URL. */
  locate(key: string): string;
  exists(key: string): Promise<boolean>;
  /** The bytes under `key`, or undefined when there is none. */
  read(key: string): Promise<Buffer | undefined>;
  /** Every key starting with `prefix`. */
  list(prefix: string): Promise<string[]>;
  writeOnce(key: string, body: Buffer): Promise<WriteOutcome>;
}

/** A store operation failed for a reason other than a missing key (permissions, network, bucket). */
export class InventoryStoreError extends Error {
  override readonly name = 'InventoryStoreError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
