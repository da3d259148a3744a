/** Runs slice: every run of this browser, their weights, warm-start sources, baselines, export, and the comparison ticks. */
import { WARM_FILE_PREFIX } from '../../model';
import { queueBaselines } from '../baselineQueue';
import { newRunId } from '../runs';
import type { QueueProgress } from '../runSession';
import { seedGroups } from '../seedGroups';
import { queueSeeds, resumeSeeds } from '../seedQueue';
import { buildPyTorchExport, type PyTorchExport } from '../exportProject';
import type { RunRecord, RunsDb, RunWeights } from '../runsDb';
import type { WarmSource } from '../types';
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
  /** Use `db` for persistence from now on; `stored` (already loaded from it) are merged under the runs in memory, which are then written to it. */
  attachDb(db: RunsDb | null, stored?: RunRecord[]): void;
  /** A finished run's trained weights (from memory, else the database); null when it has none */
  getRunWeights(runId: string): Promise<RunWeights | null>;
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
  /** Delete a run (stopping it first when it is the live one). */
  deleteRun(id: string): void;
  /** Load a run's config into the editor. */
  openRun(id: string): void;
  toggleRunSelected(id: string): void;
}

/** The runs slice: no runs yet (attachDb loads the stored ones). */
export function runsSlice({ set, get, session, saver }: SliceContext): RunsSlice {
  return {
    runs: [],
    liveRunId: null,
    selectedRunIds: [],
    queue: null,
    attachDb: (db, stored = []) => {
      saver.attach(db);
      const mine = get().runs;
      const ids = new Set(mine.map((r) => r.id));
      set({ runs: mine.concat(stored.filter((r) => !ids.has(r.id))).sort((a, b) => b.createdAt - a.createdAt) });
      const live = session.live.record();
      for (const r of mine) saver.put(r.id === live?.id ? live : r);
    },
    getRunWeights: (runId) => saver.getWeights(runId),
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
    deleteRun: (id) => {
      if (session.live.record()?.id === id) get().stop();
      saver.remove(id);
      set((s) => ({ runs: s.runs.filter((r) => r.id !== id), selectedRunIds: s.selectedRunIds.filter((x) => x !== id) }));
    },
    openRun: (id) => {
      const run = get().runs.find((r) => r.id === id);
      if (!run) return;
      get().setConfig(structuredClone(run.config));
      set({ banner: { kind: 'info', text: `Opened the experiment of run “${run.name}” in the editor.` } });
    },
    toggleRunSelected: (id) =>
      set((s) => ({ selectedRunIds: s.selectedRunIds.includes(id) ? s.selectedRunIds.filter((x) => x !== id) : [...s.selectedRunIds, id] })),
  };
}
