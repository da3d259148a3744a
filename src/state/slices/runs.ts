/** Runs slice: every run of this browser, their weights, warm-start sources, baselines, export, and the comparison ticks. */
import { WARM_FILE_PREFIX } from '../../model';
import { queueBaselines } from '../baselineQueue';
import type { MetricPoint } from '../../protocol';
import { newRunId } from '../runs';
import { fullSeries } from '../seriesWriter';
import type { QueueProgress } from '../runSession';
import { seedGroups } from '../seedGroups';
import { queueSeeds, resumeSeeds } from '../seedQueue';
import { buildPyTorchExport, type PyTorchExport } from '../exportProject';
import type { RunRecord, RunsDb, RunWeights, UnreadableRun } from '../runsDb';
import { idleTraining, type TrainingView } from '../trainingView';
import type { RunStatus, WarmSource } from '../types';
import type { SliceContext } from './context';

export interface RunsSlice {
  /** every run of this browser, newest first */
  runs: RunRecord[];
  /** id of the run the worker is training now, or null */
  liveRunId: string | null;
  /** ids of runs ticked for comparison, in ticking order */
  selectedRunIds: string[];
  /** progress of the run queue ("Train single-task baselines", "Train × N seeds"); null when none is running */
  queue: QueueProgress | null;
  /** stored runs that could not be read back (an older version, damaged): listed with their reason until deleted */
  unreadableRuns: UnreadableRun[];
  /** Use `db` for persistence from now on; `stored` (already loaded from it) are merged under the runs in memory, which are then written to it; `unreadable` are listed. */
  attachDb(db: RunsDb | null, stored?: RunRecord[], unreadable?: UnreadableRun[]): void;
  /** Add runs (and unreadable ones) read from the database to the list, without writing anything. */
  addStoredRuns(stored: RunRecord[], unreadable?: UnreadableRun[]): void;
  /** Delete an unreadable stored run from the database and the list. */
  deleteUnreadable(key: string): void;
  /** A finished run's trained weights (from memory, else the database); null when it has none */
  getRunWeights(runId: string): Promise<RunWeights | null>;
  /** Every evaluation of a run (its stored chunks, then `known` points past them), for the metrics CSV; `tasks` = its task count. */
  fullSeries(runId: string, tasks: number, known: readonly MetricPoint[]): Promise<MetricPoint[]>;
  /** tfjs weights uploaded in this tab (memory only, never persisted): a warm-start source under runId WARM_FILE_PREFIX + name */
  uploadedWeights: WarmSource | null;
  setUploadedWeights(u: WarmSource | null): void;
  /** A warm-start source by config.warmStart.runId (a run of this browser with weights, or the uploaded file); null when absent */
  getWarmSource(runId: string): Promise<WarmSource | null>;
  /** Export → PyTorch: the project zip of run `runId` (its config and weights), or with null of the current experiment (with its newest matching finished run's weights); null and an error banner on failure */
  exportPyTorch(runId: string | null): Promise<PyTorchExport | null>;
  /** Train one single-task baseline per task of the current experiment, one after another. */
  trainBaselines(): void;
  /** Train the current experiment over its seeds (config.seeds) as one seed group, with the missing same-seed baselines, one after another. */
  trainSeeds(): void;
  /** Delete every run of seed group `groupId` (its baselines stay: other studies of the same seeds use them). */
  deleteSeedGroup(groupId: string): void;
  /** Train the seeds of group `groupId` that did not finish (an interrupted or stopped study), with their missing baselines. */
  resumeSeedGroup(groupId: string): void;
  renameRun(id: string, name: string): void;
  /** Delete a run (stopping it first when it is the live one); the message offers Undo, which puts it and its weights back. */
  deleteRun(id: string): void;
  /** Load a run's config into the editor and, unless another run is live, its curves into the live charts. */
  openRun(id: string): void;
  toggleRunSelected(id: string): void;
}

/** The live charts' view of a stored run: its curves, tasks and final figures (no boundary: it is not stored). */
export function recordView(run: RunRecord): TrainingView {
  const status: RunStatus = run.status === 'interrupted' || run.status === 'running' ? 'stopped' : run.status;
  return {
    ...idleTraining,
    status,
    runId: run.id,
    backend: run.backend,
    runTasks: run.config.tasks,
    totalSteps: run.config.optimizer.steps,
    points: run.points,
    step: run.points.at(-1)?.step ?? 0,
    stepsPerSec: run.stepsPerSec,
    elapsedMs: run.elapsedMs ?? 0,
    error: run.error ?? null,
    warmStart: run.warmStart ?? null,
  };
}

/** The runs slice: no runs yet (attachDb loads the stored ones). */
export function runsSlice({ set, get, session, saver }: SliceContext): RunsSlice {
  return {
    runs: [],
    liveRunId: null,
    selectedRunIds: [],
    queue: null,
    unreadableRuns: [],
    attachDb: (db, stored = [], unreadable = []) => {
      saver.attach(db);
      set({ unreadableRuns: unreadable });
      const mine = get().runs;
      const ids = new Set(mine.map((r) => r.id));
      set({ runs: mine.concat(stored.filter((r) => !ids.has(r.id))).sort((a, b) => b.createdAt - a.createdAt) });
      const live = session.live.record();
      for (const r of mine) saver.put(r.id === live?.id ? live : r);
    },
    getRunWeights: (runId) => saver.getWeights(runId),
    fullSeries: (runId, tasks, known) => fullSeries(saver, runId, tasks, known),
    uploadedWeights: null,
    setUploadedWeights: (u) => set({ uploadedWeights: u }),
    getWarmSource: async (runId) => {
      if (runId.startsWith(WARM_FILE_PREFIX)) {
        const u = get().uploadedWeights;
        return u && WARM_FILE_PREFIX + u.name === runId ? u : null;
      }
      const run = get().runs.find((r) => r.id === runId);
      const w = run ? await saver.getWeights(runId) : null;
      return run && w ? { name: run.name, config: run.config, weights: w.weights } : null;
    },
    exportPyTorch: async (runId) => {
      try {
        const s = get();
        return await buildPyTorchExport({ ...s, table: s.csv.table }, runId);
      } catch (e) {
        set({ banner: { kind: 'error', text: `Could not export to PyTorch: ${e instanceof Error ? e.message : String(e)}` } });
        return null;
      }
    },
    trainBaselines: () => {
      const { config, analysis, runs } = get();
      if (!analysis.ok) return set({ banner: { kind: 'error', text: `Cannot train baselines: ${analysis.firstError}` } });
      const items = queueBaselines(config, runs);
      if (items.length === 0) return set({ banner: { kind: 'error', text: 'No task has a head, so there is no single-task baseline to train.' } });
      session.startQueue(
        'baselines',
        items.map((b) => ({ config: b.config, kind: 'baseline', baselineOf: b.baselineOf })),
      );
    },
    trainSeeds: () => {
      const { config, analysis, runs } = get();
      if (!analysis.ok) return set({ banner: { kind: 'error', text: `Cannot train: ${analysis.firstError}` } });
      // Every seed draws its own initial weights; a warm start would overwrite them.
      if (config.warmStart) return set({ banner: { kind: 'error', text: 'A seeded study draws each seed’s initial weights: turn the warm start off to train over seeds.' } });
      session.startQueue('seeds', queueSeeds(structuredClone(config), runs, newRunId()).items);
    },
    deleteSeedGroup: (groupId) => {
      for (const r of get().runs) if (r.seedGroup?.id === groupId) get().deleteRun(r.id);
    },
    resumeSeedGroup: (groupId) => {
      const { runs } = get();
      const group = seedGroups(runs).find((g) => g.id === groupId);
      const items = group ? resumeSeeds(group, runs) : [];
      if (items.length === 0) return set({ banner: { kind: 'info', text: 'Every seed of this group has finished.' } });
      session.startQueue('seeds', items);
    },
    renameRun: (id, name) => {
      const clean = name.trim().slice(0, 200);
      if (!clean) return;
      session.live.rename(id, clean);
      set((s) => ({ runs: s.runs.map((r) => (r.id === id ? { ...r, name: clean } : r)) }));
      saver.rename(id, clean);
    },
    addStoredRuns: (stored, unreadable = []) => {
      const ids = new Set(get().runs.map((r) => r.id));
      const fresh = stored.filter((r) => !ids.has(r.id));
      if (fresh.length) set((s) => ({ runs: s.runs.concat(fresh).sort((a, b) => b.createdAt - a.createdAt) }));
      if (unreadable.length) set((s) => ({ unreadableRuns: s.unreadableRuns.concat(unreadable) }));
    },
    deleteUnreadable: (key) => {
      saver.remove(key);
      set((s) => ({ unreadableRuns: s.unreadableRuns.filter((u) => u.key !== key) }));
    },
    deleteRun: (id) => {
      if (session.live.record()?.id === id) get().stop();
      const rec = get().runs.find((r) => r.id === id);
      if (!rec) return;
      // The weights and the full series are read before they are deleted, so Undo can write them back.
      const gone = Promise.all([saver.getWeights(id), saver.readSeries(id, rec.config.tasks.length)]).then(([w, series]) => {
        saver.remove(id);
        return { w, series };
      });
      const undo = () =>
        void gone.then(({ w, series }) => {
          if (get().runs.some((r) => r.id === id)) return;
          set((s) => ({ runs: s.runs.concat([rec]).sort((a, b) => b.createdAt - a.createdAt) }));
          saver.put(rec);
          if (w) saver.putWeights(w);
          if (series.length) saver.putSeriesChunk(id, 0, series);
        });
      set((s) => ({
        runs: s.runs.filter((r) => r.id !== id),
        selectedRunIds: s.selectedRunIds.filter((x) => x !== id),
        banner: { kind: 'info', text: `Deleted run “${rec.name}”.`, action: { label: 'Undo', run: undo } },
      }));
    },
    openRun: (id) => {
      const run = get().runs.find((r) => r.id === id);
      if (!run) return;
      const before = get().config;
      get().setConfig(structuredClone(run.config));
      // A live run keeps the charts: they follow it until it ends.
      const busy = get().liveRunId !== null || get().status === 'starting';
      if (!busy && get().runId !== run.id) set(recordView(run));
      const text = `Opened the experiment of run “${run.name}” in the editor${busy ? '; the charts keep following the live run' : ', with its curves'}.`;
      set({ banner: { kind: 'info', text, action: { label: 'Undo', run: () => get().setConfig(before) } } });
    },
    toggleRunSelected: (id) =>
      set((s) => ({ selectedRunIds: s.selectedRunIds.includes(id) ? s.selectedRunIds.filter((x) => x !== id) : [...s.selectedRunIds, id] })),
  };
}
