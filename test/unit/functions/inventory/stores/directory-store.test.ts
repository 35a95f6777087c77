import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectoryStore } from '../../../../../functions/inventory/stores/directory-store';
import type { InventoryStore } from '../../../../../functions/inventory/stores/inventory-store';

describe('createDirectoryStore', () => {
  let root: string;
  let store: InventoryStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'inventory-store-'));
    store = createDirectoryStore(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes a new key whole, creating its folder, and leaves no temporary file behind', async () => {
    await expect(store.writeOnce('snapshots/a.json', Buffer.from('{"a":1}\n'))).resolves.toBe('written');
    expect(await readFile(join(root, 'snapshots', 'a.json'), 'utf8')).toBe('{"a":1}\n');
    expect(await readdir(join(root, 'snapshots'))).toEqual(['a.json']);
  });

  it('answers alreadyStored for the same bytes and conflict for different ones, never replacing the file', async () => {
    await store.writeOnce('snapshots/a.json', Buffer.from('first'));
    await expect(store.writeOnce('snapshots/a.json', Buffer.from('first'))).resolves.toBe('alreadyStored');
    await expect(store.writeOnce('snapshots/a.json', Buffer.from('second'))).resolves.toBe('conflict');
    expect(await readFile(join(root, 'snapshots', 'a.json'), 'utf8')).toBe('first');
    expect(await readdir(join(root, 'snapshots'))).toEqual(['a.json']);
  });

  it('lets exactly one of two concurrent writers of a key win', async () => {
    const outcomes = await Promise.all([
      store.writeOnce('snapshots/race.json', Buffer.from('one')),
      store.writeOnce('snapshots/race.json', Buffer.from('two')),
    ]);
    expect([...outcomes].sort()).toEqual(['conflict', 'written']);
    const winner = outcomes[0] === 'written' ? 'one' : 'two';
    expect(await readFile(join(root, 'snapshots', 'race.json'), 'utf8')).toBe(winner);
  });

  it('reads, checks existence and lists keys under a prefix in order', async () => {
    await store.writeOnce('snapshots/b.json', Buffer.from('b'));
    await store.writeOnce('snapshots/a.json', Buffer.from('a'));
    await store.writeOnce('diffs/a.json', Buffer.from('d'));
    expect(await store.list('snapshots/')).toEqual(['snapshots/a.json', 'snapshots/b.json']);
    expect((await store.read('snapshots/b.json'))?.toString()).toBe('b');
    expect(await store.read('snapshots/missing.json')).toBeUndefined();
    expect(await store.exists('diffs/a.json')).toBe(true);
    expect(await store.exists('diffs/missing.json')).toBe(false);
    expect(await store.list('nothing/')).toEqual([]);
  });

  it('locates a key as a path under the root', () => {
    expect(store.locate('snapshots/a.json')).toBe(join(root, 'snapshots', 'a.json'));
  });
});
