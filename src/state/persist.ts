/**
 * App-start persistence: open the runs database, mark runs a closed tab left 'running' as interrupted, load the
 * runs into the store, restore the saved experiment when the URL carries none, and autosave the experiment.
 */
import { payloadFromHash } from '../share';
import { openRunsDb, type RunsDb } from './runsDb';
import { liveRunIds } from './runLocks';
import { resilientDb } from './resilientDb';
import type { AppStore } from './store';

export interface PersistOptions {
  /** the location hash at start ('' = none); an experiment in it wins over the saved one */
  hash: string;
  /** IndexedDB factory (tests: fake-indexeddb); defaults to globalThis.indexedDB, and persistence is off when there is none */
  factory?: IDBFactory;
  dbName?: string;
  /** autosave debounce, ms */
  saveDelayMs?: number;
}

export interface Persistence {
  db: RunsDb | null;
  /** ids of runs found 'running' at start and marked interrupted */
  interrupted: string[];
  /** true when the saved experiment replaced the start one */
  restored: boolean;
  /** stop autosaving and close the database */
  dispose(): void;
}

const started = new WeakMap<AppStore, Promise<Persistence>>();

/** Start persistence for `store` (once per store: a second call returns the first call's promise). Never rejects; without IndexedDB it gives db null. */
export function startPersistence(store: AppStore, opts: PersistOptions): Promise<Persistence> {
  let p = started.get(store);
  if (!p) {
    p = boot(store, opts);
    started.set(store, p);
  }
  return p;
}

async function boot(store: AppStore, { hash, factory = globalThis.indexedDB, dbName, saveDelayMs = 500 }: PersistOptions): Promise<Persistence> {
  const startConfig = store.getState().config;
  let db: RunsDb;
  const notify = (kind: 'error' | 'info', text: string) => store.getState().setBanner({ kind, text });
  try {
    db = resilientDb(await openRunsDb(dbName, factory), { reopen: () => openRunsDb(dbName, factory), known: () => store.getState().runs, notify });
  } catch (e) {
    console.warn('runs: persistence off:', e instanceof Error ? e.message : e);
    notify('error', 'This browser offers no storage to this page (IndexedDB is unavailable), so runs are kept in this tab only: export the ones you want to keep.');
    return { db: null, interrupted: [], restored: false, dispose: () => {} };
  }
  let interrupted: string[] = [];
  let restored = false;
  try {
    // Runs another tab is training now stay 'running'.
    const live = await liveRunIds();
    interrupted = await db.markInterrupted((id) => live.has(id));
    store.getState().attachDb(db);
    const urlHasNone = payloadFromHash(hash) === null && (!hash || hash === '#');
    if (urlHasNone) {
      const saved = await db.loadCurrentExperiment();
      // Only when the user has not started editing in the meantime.
      if (saved && store.getState().config === startConfig) {
        store.getState().setConfig(saved);
        restored = true;
      }
    }
    // Rows appear page by page (the main thread is free between pages); this tab's own runs were written first.
    await db.listAll((runs, unreadable) => store.getState().addStoredRuns(runs, unreadable));
  } catch (e) {
    console.warn('runs: could not load saved runs:', e);
    store.getState().attachDb(db);
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.config === prev.config) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      db.saveCurrentExperiment(store.getState().config).catch((e: unknown) => console.warn('runs: could not save the experiment:', e));
    }, saveDelayMs);
  });
  return {
    db,
    interrupted,
    restored,
    dispose: () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      store.getState().attachDb(null);
      db.close();
    },
  };
}
