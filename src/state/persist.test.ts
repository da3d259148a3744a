import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../model';
import { hashFor } from '../share';
import { startPersistence, type PageEvents } from './persist';
import type { Stash } from './unloadStash';
import { openRunsDb } from './runsDb';
import { createAppStore } from './store';

/** Let fake-indexeddb's transactions finish. */
const settle = () => new Promise((r) => setTimeout(r, 20));

/** Page events the test fires by hand. */
function fakePage() {
  const fns = new Set<() => void>();
  const page: PageEvents = { onHide: (fn) => (fns.add(fn), () => void fns.delete(fn)) };
  return { page, hide: () => fns.forEach((f) => f()), count: () => fns.size };
}

/** A stash in memory. */
function memStash(): Stash & { value: string | null } {
  const m = { value: null as string | null, read: () => m.value, write: (v: string) => void (m.value = v), clear: () => void (m.value = null) };
  return m;
}

async function seed(factory: IDBFactory, dbName: string, name: string) {
  const db = await openRunsDb(dbName, factory);
  await db.saveCurrentExperiment({ ...defaultExperiment(), name });
  db.close();
}

describe('persistence of the current experiment', () => {
  it('saves at once when the page is hidden, without waiting for the autosave delay', async () => {
    const factory = new IDBFactory();
    const store = createAppStore(defaultExperiment());
    const fp = fakePage();
    const p = await startPersistence(store, { hash: '', factory, dbName: 'hide', saveDelayMs: 60_000, page: fp.page, stash: memStash() });
    store.getState().update((d) => void (d.name = 'last edit'));
    await settle();
    expect(await p.db!.loadCurrentExperiment()).toBeNull(); // still debounced
    fp.hide();
    await settle();
    expect((await p.db!.loadCurrentExperiment())!.name).toBe('last edit');
    p.dispose();
    expect(fp.count()).toBe(0);
  });

  it('on hide with a save pending, keeps a synchronous copy that the next start prefers; a completed save drops it', async () => {
    const factory = new IDBFactory();
    await seed(factory, 'stash', 'older, in the database');
    const stash = memStash();
    const a = createAppStore(defaultExperiment());
    const fp = fakePage();
    const p = await startPersistence(a, { hash: '', factory, dbName: 'stash', saveDelayMs: 60_000, page: fp.page, stash });
    fp.hide();
    expect(stash.value).toBeNull(); // nothing pending: nothing to copy
    a.getState().update((d) => void (d.name = 'newest'));
    fp.hide();
    expect(JSON.parse(stash.value!).name).toBe('newest');
    await settle();
    expect(stash.value).toBeNull(); // the database write completed here
    p.dispose();

    // When the page died before the database write completed, the copy is the newest work.
    const db = await openRunsDb('stash', factory);
    await db.saveCurrentExperiment({ ...defaultExperiment(), name: 'older, in the database' });
    db.close();
    stash.write(JSON.stringify({ ...defaultExperiment(), name: 'copied on unload' }));
    const b = createAppStore(defaultExperiment());
    const p2 = await startPersistence(b, { hash: '', factory, dbName: 'stash', page: null, stash });
    expect(b.getState().config.name).toBe('copied on unload');
    await settle();
    expect((await p2.db!.loadCurrentExperiment())!.name).toBe('copied on unload');
    expect(stash.value).toBeNull();
    p2.dispose();

    // A broken copy is ignored.
    stash.write('{"not": "an experiment"');
    const c = createAppStore(defaultExperiment());
    const p3 = await startPersistence(c, { hash: '', factory, dbName: 'stash', page: null, stash });
    expect(c.getState().config.name).toBe('copied on unload');
    p3.dispose();
  });

  it('restoring the saved experiment is not an undo step', async () => {
    const factory = new IDBFactory();
    await seed(factory, 'restore', 'saved work');
    const store = createAppStore(defaultExperiment());
    const p = await startPersistence(store, { hash: '', factory, dbName: 'restore', page: null, stash: null });
    expect(store.getState().config.name).toBe('saved work');
    expect(store.getState().history.past).toHaveLength(0);
    p.dispose();
  });

  it('an opened link is saved at once (a reload without the hash reopens it) and the work it replaced is one Undo away', async () => {
    const factory = new IDBFactory();
    await seed(factory, 'link', 'saved work');
    const shared = { ...defaultExperiment(), name: 'from the link' };
    const store = createAppStore(shared);
    const p = await startPersistence(store, { hash: hashFor(shared), linkOpened: true, factory, dbName: 'link', page: null, stash: null });
    await settle();
    expect(store.getState().config.name).toBe('from the link');
    expect((await p.db!.loadCurrentExperiment())!.name).toBe('from the link');
    store.getState().undo();
    expect(store.getState().config.name).toBe('saved work');
    p.dispose();
  });

  it('a bad link neither restores nor overwrites the saved experiment', async () => {
    const factory = new IDBFactory();
    await seed(factory, 'bad', 'saved work');
    const store = createAppStore(defaultExperiment());
    const p = await startPersistence(store, { hash: '#e=v1.garbage', factory, dbName: 'bad', page: null, stash: null });
    await settle();
    expect(store.getState().config.name).toBe(defaultExperiment().name);
    expect((await p.db!.loadCurrentExperiment())!.name).toBe('saved work');
    p.dispose();
  });
  it('an edit made while the database opens survives a reload at once (the copy carries it), and is saved once it is open', async () => {
    const factory = new IDBFactory();
    await seed(factory, 'early', 'saved work');
    const stash = memStash();
    const store = createAppStore(defaultExperiment());
    const fp = fakePage();
    const pending = startPersistence(store, { hash: '', factory, dbName: 'early', saveDelayMs: 60_000, page: fp.page, stash });
    store.getState().update((d) => void (d.name = 'edited before the database opened'));
    fp.hide(); // a reload now, before the database is open
    expect(JSON.parse(stash.value!).name).toBe('edited before the database opened');
    const p = await pending;
    await settle();
    expect(store.getState().config.name).toBe('edited before the database opened'); // not replaced by the saved work
    expect((await p.db!.loadCurrentExperiment())!.name).toBe('edited before the database opened');
    p.dispose();
    // The next start (the reload) reopens it.
    const next = createAppStore(defaultExperiment());
    const p2 = await startPersistence(next, { hash: '', factory, dbName: 'early', page: null, stash });
    expect(next.getState().config.name).toBe('edited before the database opened');
    p2.dispose();
  });

  it('an opened link is kept in the copy at once, so its hash may go before the database is open; an edit then a reload keeps the edit', async () => {
    const factory = new IDBFactory();
    await seed(factory, 'linkEarly', 'saved work');
    const stash = memStash();
    stash.write(JSON.stringify({ ...defaultExperiment(), name: 'unsaved work' }));
    const shared = { ...defaultExperiment(), name: 'from the link' };
    const store = createAppStore(shared);
    const fp = fakePage();
    let cleared = 0;
    const pending = startPersistence(store, { hash: hashFor(shared), linkOpened: true, factory, dbName: 'linkEarly', saveDelayMs: 60_000, page: fp.page, stash, clearLink: () => cleared++ });
    expect(cleared).toBe(1); // synchronously, before the database is open
    expect(JSON.parse(stash.value!).name).toBe('from the link');
    store.getState().update((d) => void (d.name = 'my edit after the link'));
    fp.hide();
    expect(JSON.parse(stash.value!).name).toBe('my edit after the link');
    // The reload (no hash any more) reopens the edit.
    const next = createAppStore(defaultExperiment());
    const p2 = await startPersistence(next, { hash: '', factory, dbName: 'linkEarly', page: null, stash });
    expect(next.getState().config.name).toBe('my edit after the link');
    p2.dispose();
    (await pending).dispose();
  });

  it('an opened link: the unsaved work it replaced (the copy) is the Undo step', async () => {
    const factory = new IDBFactory();
    await seed(factory, 'linkUndo', 'saved work');
    const stash = memStash();
    stash.write(JSON.stringify({ ...defaultExperiment(), name: 'unsaved work' }));
    const shared = { ...defaultExperiment(), name: 'from the link' };
    const store = createAppStore(shared);
    const p = await startPersistence(store, { hash: hashFor(shared), linkOpened: true, factory, dbName: 'linkUndo', page: null, stash });
    await settle();
    expect((await p.db!.loadCurrentExperiment())!.name).toBe('from the link');
    expect(stash.value).toBeNull();
    store.getState().undo();
    expect(store.getState().config.name).toBe('unsaved work');
    p.dispose();
  });
});
