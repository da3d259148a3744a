/**
 * App-start persistence: open the runs database, mark runs a closed tab left 'running' as interrupted, load the
 * runs into the store, restore the saved experiment when the URL carries none, and autosave the experiment (at
 * once when the page is hidden or unloaded, so a quick reload keeps the last edit).
 */
import type { ExperimentConfig } from '../model';
import { payloadFromHash } from '../share';
import { openRunsDb, type RunsDb } from './runsDb';
import { browserStash, clearStash, readStashed, stashExperiment, type Stash } from './unloadStash';
import { liveRunIds } from './runLocks';
import { resilientDb } from './resilientDb';
import type { AppStore } from './store';

export interface PersistOptions {
  /** the location hash at start ('' = none); an experiment in it wins over the saved one */
  hash: string;
  /**
   * true when the start experiment came from a valid link in `hash`: it is saved as the current experiment at once
   * (the hash is then cleared, and a reload must reopen it), and the saved one it replaces becomes an Undo step
   */
  linkOpened?: boolean;
  /** where to listen for pagehide/visibilitychange (tests: a fake; default: window/document when present) */
  page?: PageEvents | null;
  /** the synchronous copy written on pagehide (tests: in memory; default: localStorage) */
  stash?: Stash | null;
  /** IndexedDB factory (tests: fake-indexeddb); defaults to globalThis.indexedDB, and persistence is off when there is none */
  factory?: IDBFactory;
  dbName?: string;
  /** autosave debounce, ms */
  saveDelayMs?: number;
  /** called once the opened link's experiment is kept (copy or database), so its hash can leave the address bar */
  clearLink?: () => void;
}

export interface Persistence {
  db: RunsDb | null;
  /** ids of runs found 'running' at start and marked interrupted */
  interrupted: string[];
  /** true when the saved experiment replaced the start one */
  restored: boolean;
  /** write a pending autosave now */
  flush(): void;
  /** stop autosaving and close the database */
  dispose(): void;
}

/** The page-lifecycle events that flush the autosave. */
export interface PageEvents {
  /** subscribe `fn` to "the page is going away or hidden"; returns the unsubscribe */
  onHide(fn: () => void): () => void;
}

/** pagehide (reload, navigation, close) and visibilitychange to hidden (tab switch, mobile background). */
const browserPage: PageEvents | null =
  typeof window === 'undefined' || typeof document === 'undefined'
    ? null
    : {
        onHide: (fn) => {
          const onVis = () => document.visibilityState === 'hidden' && fn();
          window.addEventListener('pagehide', fn);
          document.addEventListener('visibilitychange', onVis);
          return () => {
            window.removeEventListener('pagehide', fn);
            document.removeEventListener('visibilitychange', onVis);
          };
        },
      };

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

async function boot(store: AppStore, opts: PersistOptions): Promise<Persistence> {
  const { hash, linkOpened = false, page = browserPage, stash = browserStash(), factory = globalThis.indexedDB, dbName, saveDelayMs = 500, clearLink } = opts;
  const startConfig = store.getState().config;
  // From the first moment, not from when the database is open: an edit made while it opens, followed by a quick
  // reload, must survive (the synchronous copy below carries it).
  let db: RunsDb | null = null;
  /** an edit came before the database was open, so it still has to be saved */
  let unsaved = false;
  /** true while the start-up restore sets the config (that is not an edit) */
  let restoring = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // A completed save holds the newest work: the unload copy, if any, is older.
  const save = () => {
    if (!db) return void (unsaved = true);
    unsaved = false;
    void db
      .saveCurrentExperiment(store.getState().config)
      .then(() => clearStash(stash))
      .catch((e: unknown) => console.warn('runs: could not save the experiment:', e));
  };
  const flush = () => {
    if (!timer) return;
    clearTimeout(timer);
    timer = null;
    save();
  };
  // Going away: the IndexedDB write may not finish, so keep a synchronous copy too.
  const flushOnHide = () => {
    if (timer || unsaved) stashExperiment(stash, store.getState().config);
    flush();
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.config === prev.config || restoring) return;
    // The default shown because the stored experiment failed to render must not overwrite it.
    if (s.startup?.fellBack && s.config === s.startup.shown) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, saveDelayMs);
  });
  const unHide = page?.onHide(flushOnHide) ?? (() => {});
  // A link's experiment is kept at once in the synchronous copy (the work it replaces is read first, for Undo), so
  // its hash can leave the address bar now: a reload before the database is open reopens the copy, never the stale
  // link over a newer edit.
  const replaced = linkOpened ? readStashed(stash) : null;
  if (linkOpened && stashExperiment(stash, startConfig)) clearLink?.();
  const notify = (kind: 'error' | 'info', text: string) => store.getState().setBanner({ kind, text });
  try {
    db = resilientDb(await openRunsDb(dbName, factory), { reopen: () => openRunsDb(dbName, factory), known: () => store.getState().runs, notify });
  } catch (e) {
    unsubscribe();
    unHide();
    if (timer) clearTimeout(timer);
    console.warn('runs: persistence off:', e instanceof Error ? e.message : e);
    notify('error', 'This browser offers no storage to this page (IndexedDB is unavailable), so runs are kept in this tab only: export the ones you want to keep.');
    return { db: null, interrupted: [], restored: false, flush: () => {}, dispose: () => {} };
  }
  const opened = db;
  let interrupted: string[] = [];
  let restored = false;
  try {
    // Runs another tab is training now stay 'running'.
    const live = await liveRunIds();
    interrupted = await opened.markInterrupted((id) => live.has(id));
    store.getState().attachDb(opened);
    await store.getState().attachStudies(opened.studies);
    restoring = true;
    try {
      restored = await restoreSaved(store, opened, startConfig, { hash, linkOpened, replaced, save, stash });
    } finally {
      restoring = false;
    }
    // Rows appear page by page (the main thread is free between pages); this tab's own runs were written first.
    await opened.listAll((runs, unreadable) => store.getState().addStoredRuns(runs, unreadable));
  } catch (e) {
    console.warn('runs: could not load saved runs:', e);
    store.getState().attachDb(opened);
  }
  // Edited while the database opened: save those edits now.
  if (unsaved || (!restored && store.getState().config !== startConfig)) save();
  return {
    db: opened,
    interrupted,
    restored,
    flush,
    dispose: () => {
      unsubscribe();
      unHide();
      if (timer) clearTimeout(timer);
      store.getState().attachDb(null);
      void store.getState().attachStudies(null);
      opened.close();
    },
  };
}

/**
 * Start-up choice between the saved experiment and the start one; true when the saved one was restored. Nothing
 * changes once the user has started editing (the store's config is no longer `startConfig`).
 */
async function restoreSaved(store: AppStore, db: RunsDb, startConfig: ExperimentConfig, o: { hash: string; linkOpened: boolean; replaced: ExperimentConfig | null; save: () => void; stash: Stash | null }): Promise<boolean> {
  const urlHasNone = payloadFromHash(o.hash) === null && (!o.hash || o.hash === '#');
  if (!urlHasNone && !o.linkOpened) return false; // a bad link: its message says the default is shown
  // The unload copy exists only when it is newer than the database's. For a link it was read before the link's
  // experiment took its place.
  const stashed = o.linkOpened ? o.replaced : readStashed(o.stash);
  const saved = stashed ?? (await db.loadCurrentExperiment());
  if (store.getState().config !== startConfig) return false;
  if (urlHasNone) {
    if (!saved) return false;
    store.getState().setConfig(saved);
    // Restoring is not an edit: Undo must not go back to the default experiment.
    store.getState().clearHistory();
    // Kept for the error boundaries: if this experiment fails to render, they fall back (see ui/common/ErrorBoundary).
    store.setState({ startup: { stored: saved, shown: store.getState().config, fellBack: false } });
    if (stashed) o.save();
    return true;
  }
  // The link wins (it is saved now, so a reload reopens it); the work it replaced stays one Undo away.
  if (saved && JSON.stringify(saved) !== JSON.stringify(startConfig)) store.getState().pushUndo(saved);
  o.save();
  return false;
}
