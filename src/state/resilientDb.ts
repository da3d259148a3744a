/**
 * A runs database that survives storage faults. When a call fails because the connection is gone (the database was
 * deleted or closed under the tab), it reopens the database once, writes back every run the tab still holds and
 * retries. A full disk (quota) or a database that cannot be reopened leaves the tab working in memory. Each kind of
 * trouble is told to the user once.
 */
import type { ExperimentConfig } from '../model';
import type { RunRecord, RunsDb, RunWeights } from './runsDb';

export interface ResilienceDeps {
  /** open the database afresh (rejects when it cannot) */
  reopen: () => Promise<RunsDb>;
  /** every run record the tab holds now (written back after a reopen) */
  known: () => readonly RunRecord[];
  /** show a sentence to the user (called at most once per kind of trouble) */
  notify: (kind: 'error' | 'info', text: string) => void;
}

/** A storage error that more space would fix. */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || /quota/i.test(String((e as { message?: unknown } | null)?.message ?? ''));
}

/** `first` wrapped: failed calls reopen once and retry; see the module comment. */
export function resilientDb(first: RunsDb, { reopen, known, notify }: ResilienceDeps): RunsDb {
  let db: RunsDb | null = first;
  let reopening: Promise<RunsDb | null> | null = null;
  const told = new Set<string>();
  const tell = (key: string, kind: 'error' | 'info', text: string) => {
    if (told.has(key)) return;
    told.add(key);
    notify(kind, text);
  };
  // Weights this tab wrote: a reopened (empty) database gets them back with the records.
  const weights = new Map<string, RunWeights>();
  let experiment: ExperimentConfig | null = null;

  async function replay(fresh: RunsDb): Promise<void> {
    for (const r of known()) await fresh.putRun(r);
    for (const w of weights.values()) await fresh.putWeights(w);
    if (experiment) await fresh.saveCurrentExperiment(experiment);
  }

  async function reopenAndReplay(): Promise<RunsDb | null> {
    try {
      db?.close();
    } catch {
      // already closed
    }
    try {
      const fresh = await reopen();
      await replay(fresh);
      tell('reopened', 'info', 'The runs database was closed or deleted while the app was open. It was reopened and this tab’s runs were saved again.');
      return fresh;
    } catch (e) {
      console.warn('runs: could not reopen the database:', e);
      tell('lost', 'error', 'Runs can no longer be saved in this browser (its storage is unavailable). They stay in this tab until it is closed: export the ones you want to keep.');
      return null;
    }
  }

  /** One reopen at a time: calls that fail together share it. */
  function reopenOnce(): Promise<RunsDb | null> {
    reopening ??= reopenAndReplay().then((fresh) => {
      db = fresh;
      reopening = null;
      return fresh;
    });
    return reopening;
  }

  /** Run `op` on the database; on a connection fault reopen once and retry; a quota error is told and rethrown. */
  async function call<T>(op: (d: RunsDb) => Promise<T>, offline: T): Promise<T> {
    const current = db;
    if (!current) return offline;
    try {
      return await op(current);
    } catch (e) {
      if (isQuotaError(e)) {
        tell('quota', 'error', 'The browser’s storage for this site is full: new runs are kept in this tab only. Delete old runs or free space to save again.');
        throw e;
      }
      // Another call may already have replaced the connection.
      const fresh = db !== current ? db : await reopenOnce();
      if (!fresh) return offline;
      return op(fresh);
    }
  }

  return {
    putRun: (r) => call((d) => d.putRun(r), undefined),
    getRun: (id) => call((d) => d.getRun(id), null),
    listRuns: () => call((d) => d.listRuns(), []),
    listAll: (onPage) => call((d) => d.listAll(onPage), { runs: [], unreadable: [] }),
    deleteRun: (id) => {
      weights.delete(id);
      return call((d) => d.deleteRun(id), undefined);
    },
    putWeights: (w) => {
      weights.set(w.runId, w);
      return call((d) => d.putWeights(w), undefined);
    },
    getWeights: (id) => call((d) => d.getWeights(id), weights.get(id) ?? null),
    renameRun: (id, name) => call((d) => d.renameRun(id, name), false),
    saveCurrentExperiment: (cfg) => {
      experiment = cfg;
      return call((d) => d.saveCurrentExperiment(cfg), undefined);
    },
    loadCurrentExperiment: () => call((d) => d.loadCurrentExperiment(), null),
    markInterrupted: (isLive) => call((d) => d.markInterrupted(isLive), []),
    putSeriesChunk: (runId, index, points) => call((d) => d.putSeriesChunk(runId, index, points), undefined),
    readSeries: (runId, tasks) => call((d) => d.readSeries(runId, tasks), []),
    studies: {
      putStudy: (st) => call((d) => d.studies.putStudy(st), undefined),
      listStudies: () => call((d) => d.studies.listStudies(), []),
      deleteStudy: (id) => call((d) => d.studies.deleteStudy(id), undefined),
      putStudyRun: (r) => call((d) => d.studies.putStudyRun(r), undefined),
      listStudyRuns: (id) => call((d) => d.studies.listStudyRuns(id), []),
      markInterrupted: () => call((d) => d.studies.markInterrupted(), []),
    },
    close: () => db?.close(),
  };
}
