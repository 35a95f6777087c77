/**
 * The local-directory store. A write goes to a hidden temporary file in the target directory, is
 * flushed, and is then hard-linked to its final name: `link` is atomic and fails if the name exists,
 * so a reader never sees half a file and an existing snapshot is never replaced.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InventoryStoreError, type InventoryStore, type WriteOutcome } from './inventory-store';

/** Structural, not `instanceof Error`: Node's fs errors may come from another realm (a VM context, Jest). */
function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function storeError(operation: string, path: string, error: unknown): InventoryStoreError {
  const code = errorCode(error) ?? 'EUNKNOWN';
  return new InventoryStoreError(code, `Could not ${operation} ${path} (${code}).`);
}

/**
 * @example
 * const store = createDirectoryStore('.inventory');
 * await store.writeOnce('snapshots/20190221T114900Z-EveryDay.json', bytes); // 'written'
 */
export function createDirectoryStore(root: string): InventoryStore {
  const pathOf = (key: string): string => join(root, ...key.split('/'));

  async function read(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(pathOf(key));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw storeError('read', pathOf(key), error);
    }
  }

  async function writeTemporary(temporary: string, body: Buffer): Promise<void> {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(body);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function writeOnce(key: string, body: Buffer): Promise<WriteOutcome> {
    const path = pathOf(key);
    const temporary = join(dirname(path), `.${randomBytes(8).toString('hex')}.tmp`);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeTemporary(temporary, body);
      await link(temporary, path);
      return 'written';
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw storeError('write', path, error);
      const existing = await read(key);
      return existing !== undefined && existing.equals(body) ? 'alreadyStored' : 'conflict';
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
  }

  return {
    locate: pathOf,
    read,
    writeOnce,
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return false;
        throw storeError('inspect', pathOf(key), error);
      }
    },
    async list(prefix) {
      const slash = prefix.lastIndexOf('/');
      const folder = prefix.slice(0, slash + 1);
      try {
        const names = await readdir(pathOf(folder));
        return names
          .filter((name) => !name.startsWith('.'))
          .map((name) => `${folder}${name}`)
          .filter((key) => key.startsWith(prefix))
          .sort();
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return [];
        throw storeError('list', pathOf(folder), error);
      }
    },
  };
}
