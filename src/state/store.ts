/**
 * The app store (zustand), made of slices: experiment (config, analysis, uploaded CSV), training (the live run's
 * view), runs (every run record) and ui (selection, banner). The state is flat so that a component selecting one
 * field re-renders only when that field changes: training ticks touch the training fields alone, and a running
 * run's record is refreshed in `runs` at most every `flushMs` (see liveRun.ts).
 */
import { create } from 'zustand';
import { defaultWorkerFactory, type WorkerFactory } from '../bridge';
import { defaultExperiment, type ExperimentConfig } from '../model';
import { createRunSaver } from './runSaver';
import { createRunSession } from './runSession';
import type { RunsDb } from './runsDb';
import { experimentSlice } from './slices/experiment';
import { runsSlice } from './slices/runs';
import { trainingSlice } from './slices/training';
import { uiSlice } from './slices/ui';
import { studiesSlice } from './slices/studies';
import { createStudyRunner, type StudyRunner } from './studyRunner';
import type { AppState } from './storeTypes';

export type * from './storeTypes';
export { selectedNodeId } from './slices/ui';

export interface StoreOptions {
  /** persistence; null/absent = runs live in memory only (attachDb can add it later) */
  db?: RunsDb | null;
  /** clock in ms (tests) */
  now?: () => number;
  /** least time between two refreshes of a running run's record, ms */
  flushMs?: number;
  /** workers a study trains in (default: one per core, capped; see poolSize) */
  studyWorkers?: number;
}

/** Build a store; tests pass a fake worker factory (and a fake-indexeddb database), the app uses the real worker. */
export function createAppStore(initial: ExperimentConfig = defaultExperiment(), factory: WorkerFactory = defaultWorkerFactory, opts: StoreOptions = {}) {
  return create<AppState>()((set, get) => {
    const saver = createRunSaver(opts.db ?? null);
    const session = createRunSession({ set, get, factory, saver, now: opts.now ?? Date.now, flushMs: opts.flushMs ?? 2000 });
    const ctx = { set, get, session, saver };
    let runner: StudyRunner | null = null;
    const { studyRunnerHooks, ...studies } = studiesSlice(ctx, () => runner!);
    runner = createStudyRunner({ factory, now: opts.now ?? Date.now, workers: opts.studyWorkers, ...studyRunnerHooks });
    return { ...experimentSlice(ctx, initial), ...trainingSlice(ctx), ...runsSlice(ctx), ...uiSlice(ctx), ...studies };
  });
}

export type AppStore = ReturnType<typeof createAppStore>;
