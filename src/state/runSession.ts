/**
 * The one place that talks to the training worker: it starts runs, hands each worker message to the training view
 * (trainingPatch), the live run's record (liveRun) and the weights store, and trains queued baselines in turn.
 */
import type { StoreApi } from 'zustand';
import { createTrainingBridge, type TrainingBridge, type WorkerFactory } from '../bridge';
import type { ExperimentConfig, NodeWeights } from '../model';
import type { FromWorker } from '../protocol';
import { baselineRunName, type QueuedBaseline } from './baselineQueue';
import { createLiveRun, type LiveRun } from './liveRun';
import { upsertRun } from './runReducer';
import { newRunRecord } from './runs';
import type { RunSaver } from './runSaver';
import type { RunRecord, WarmStartRecord } from './runsDb';
import type { AppState } from './storeTypes';
import { idleTraining, trainingPatch } from './trainingView';

/** How a run starts: a single-task baseline's link to its multi-task run; a warm start's record and initial weights. */
export interface StartOptions {
  baselineOf?: RunRecord['baselineOf'];
  warm?: { record: WarmStartRecord; init?: NodeWeights[] };
}

export interface RunSession {
  /** End the live run as stopped, then train `snapshot` in a fresh worker as a new run record named `name`. */
  start(snapshot: ExperimentConfig, kind: RunRecord['kind'], name: string, opts?: StartOptions): void;
  pause(): void;
  resume(): void;
  /** Terminate the worker, drop queued baselines and end the live run as stopped. */
  stop(): void;
  /** Train `items` one after another (replacing any queue), counting progress in `baselines`. */
  startBaselines(items: QueuedBaseline[]): void;
  cancelBaselines(): void;
  readonly live: LiveRun;
}

export interface SessionDeps {
  set: StoreApi<AppState>['setState'];
  get: StoreApi<AppState>['getState'];
  factory: WorkerFactory;
  saver: RunSaver;
  /** clock, ms */
  now: () => number;
  /** least time between two writes of a running record, ms */
  flushMs: number;
  /** how long Pause waits for the worker before stopping the run instead, ms (default PAUSE_DEADLINE_MS) */
  pauseDeadlineMs?: number;
}

/** Pause answers within this: a worker still inside one long step is terminated (its points are kept). */
export const PAUSE_DEADLINE_MS = 800;

/** A session with no worker yet (the first run creates the bridge). */
export function createRunSession({ set, get, factory, saver, now, flushMs, pauseDeadlineMs = PAUSE_DEADLINE_MS }: SessionDeps): RunSession {
  const live = createLiveRun({
    now,
    flushMs,
    write: (rec) => {
      set((s) => ({ runs: upsertRun(s.runs, rec) }));
      saver.put(rec);
    },
    ended: () => set({ liveRunId: null }),
  });
  let queue: QueuedBaseline[] = [];
  let bridge: TrainingBridge | null = null;
  const getBridge = () => (bridge ??= createTrainingBridge(onMessage, factory));

  function start(snapshot: ExperimentConfig, kind: RunRecord['kind'], name: string, { baselineOf, warm }: StartOptions = {}): void {
    live.end('stopped');
    set({ ...idleTraining, status: 'starting', runTasks: snapshot.tasks, totalSteps: snapshot.optimizer.steps, warmStart: warm?.record ?? null });
    const rec = newRunRecord(snapshot, kind, name, { createdAt: now(), baselineOf });
    if (warm) rec.warmStart = warm.record;
    // The uploaded table is not part of the config (nor of a link): it travels with the start message.
    const table = snapshot.dataset.kind === 'csv' ? get().csv.table : null;
    getBridge().start({ runId: rec.id, config: snapshot, init: warm?.init, table });
    set({ runId: rec.id, liveRunId: rec.id });
    live.begin(rec);
  }

  function nextBaseline(): void {
    const next = queue.shift();
    if (!next) return void set({ baselines: null });
    start(next.config, 'baseline', baselineRunName(next, get().runs.map((r) => r.name)), { baselineOf: next.baselineOf });
  }

  const cancelBaselines = () => {
    queue = [];
    set({ baselines: null });
  };

  // A pause the worker has not confirmed yet: past its deadline the run is stopped (Stop means terminate).
  let pauseTimer: ReturnType<typeof setTimeout> | null = null;
  const clearPauseTimer = () => {
    if (pauseTimer !== null) clearTimeout(pauseTimer);
    pauseTimer = null;
  };
  function pause(): void {
    if (get().status !== 'running') return;
    getBridge().pause();
    clearPauseTimer();
    const runId = get().runId;
    pauseTimer = setTimeout(() => {
      pauseTimer = null;
      if (get().runId !== runId || get().status !== 'running') return;
      stop();
      const text = `One training step takes longer than ${pauseDeadlineMs / 1000} s here, so Pause stopped the run at step ${get().step}; its points are kept. A smaller batch or model can be paused.`;
      set({ status: 'stopped', banner: { kind: 'info', text } });
    }, pauseDeadlineMs);
  }

  function stop(): void {
    clearPauseTimer();
    getBridge().stop();
    cancelBaselines();
    live.end('stopped');
  }

  function onMessage(msg: FromWorker): void {
    if (msg.type === 'paused' || msg.type === 'done' || msg.type === 'error') clearPauseTimer();
    const patch = trainingPatch(get(), msg);
    if (patch) set(patch);
    // Arrives after 'predictions': the stored weights keep the validation predictions made with them.
    if (msg.type === 'weights') saver.putWeights({ runId: msg.runId, step: msg.step, weights: msg.weights, valPred: get().predictions?.pred });
    live.apply(msg);
    if (msg.type === 'error') cancelBaselines();
    const b = get().baselines;
    if (msg.type === 'done' && b) {
      set({ baselines: { ...b, done: b.done + 1 } });
      nextBaseline();
    }
  }

  return {
    start,
    pause,
    resume: () => getBridge().resume(),
    stop,
    startBaselines: (items) => {
      queue = items.slice();
      set({ baselines: { total: items.length, done: 0 } });
      nextBaseline();
    },
    cancelBaselines,
    live,
  };
}
