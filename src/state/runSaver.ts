/**
 * Where run records and weights are kept: this session's weights in memory, and everything in the runs database once
 * one is attached. Writes never throw: a failure is logged (a failed record write only once, as it repeats every flush).
 */
import type { MetricPoint } from '../protocol';
import type { RunRecord, RunsDb, RunWeights } from './runsDb';

export interface RunSaver {
  /** Write to `db` from now on (null: memory only). */
  attach(db: RunsDb | null): void;
  put(rec: RunRecord): void;
  putWeights(w: RunWeights): void;
  /** A run's weights from memory, else the database; null when it has none. */
  getWeights(runId: string): Promise<RunWeights | null>;
  rename(id: string, name: string): void;
  /** Store chunk `index` of a run's full evaluation series (see SeriesWriter). */
  putSeriesChunk(runId: string, index: number, points: MetricPoint[]): void;
  /** The run's stored full series ([] without a database or chunks). */
  readSeries(runId: string, tasks: number): Promise<MetricPoint[]>;
  /** Forget a run's record and weights. */
  remove(id: string): void;
}

/** A saver starting with `db` (null: memory only until attach). */
export function createRunSaver(db: RunsDb | null): RunSaver {
  let warned = false;
  const weightsById = new Map<string, RunWeights>();
  const log = (what: string) => (e: unknown) => console.warn(`runs: ${what}:`, e);
  return {
    attach: (next) => void (db = next),
    put: (rec) =>
      void db?.putRun(rec).catch((e: unknown) => {
        if (!warned) log('could not save a run')(e);
        warned = true;
      }),
    putWeights: (w) => {
      weightsById.set(w.runId, w);
      db?.putWeights(w).catch(log('could not save weights'));
    },
    getWeights: async (runId) => weightsById.get(runId) ?? (db ? db.getWeights(runId).catch(() => null) : null),
    putSeriesChunk: (runId, index, points) => void db?.putSeriesChunk(runId, index, points).catch(log('could not save a series chunk')),
    readSeries: async (runId, tasks) => (db ? db.readSeries(runId, tasks).catch(() => []) : []),
    rename: (id, name) => void db?.renameRun(id, name).catch(log('rename failed')),
    remove: (id) => {
      weightsById.delete(id);
      db?.deleteRun(id).catch(log('delete failed'));
    },
  };
}
