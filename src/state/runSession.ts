/**
 * The one place that talks to the training worker: it starts runs, hands each worker message to the training view
 * (trainingPatch), the live run's record (liveRun) and the weights store, and trains queued runs (single-task
 * baselines, the seeds of a study) one after another.
 */
import type { StoreApi } from 'zustand';
import { createTrainingBridge, type TrainingBridge, type WorkerFactory } from '../bridge';
import type { ExperimentConfig, WarmInit } from '../model';
import type { FromWorker } from '../protocol';
import { baselineRunName } from './baselineQueue';
import { createLiveRun, type LiveRun } from './liveRun';
import { upsertRun } from './runReducer';
import { newRunRecord } from './runs';
import type { RunSaver } from './runSaver';
import { createSeriesWriter } from './seriesWriter';
import type { RunRecord, SeedGroupRef, WarmStartRecord } from './runsDb';
import type { AppState } from './storeTypes';
import { idleTraining, trainingPatch } from './trainingView';

/** How a run starts: a single-task baseline's link to its multi-task run; a warm start's record and initial weights; its seed group. */
export interface StartOptions {
  baselineOf?: RunRecord['baselineOf'];
  warm?: { record: WarmStartRecord; init?: WarmInit[] };
  seedGroup?: SeedGroupRef;
}

/** One run waiting in the session's queue. */
export interface QueuedRun {
  config: ExperimentConfig;
  kind: RunRecord['kind'];
  /** its name; absent for a baseline, named at its start ("Baseline · ‹task› #n") */
  name?: string;
  baselineOf?: RunRecord['baselineOf'];
  seedGroup?: SeedGroupRef;
  /** the study seed this run belongs to (0-based index of count), for the progress line */
  seed?: { index: number; count: number };
}

/** How far the queue is: what it trains, how many runs were queued and finished, and the current run's study seed. */
export interface QueueProgress {
  what: 'baselines' | 'seeds';
  total: number;
  done: number;
  seed?: { index: number; count: number };
}

export interface RunSession {
  /** End the live run as stopped, then train `snapshot` in a fresh worker as a new run record named `name`. */
  start(snapshot: ExperimentConfig, kind: RunRecord['kind'], name: string, opts?: StartOptions): void;
  pause(): void;
  resume(): void;
  /** Terminate the worker, drop the queue and end the live run as stopped. */
  stop(): void;
  /** Train `items` one after another (replacing any queue), counting progress in `queue`; a failed run drops the rest. */
  startQueue(what: QueueProgress['what'], items: QueuedRun[]): void;
  cancelQueue(): void;
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
  // The full evaluation series goes to the database in chunks; the record keeps a bounded one.
  const series = createSeriesWriter((runId, index, points) => saver.putSeriesChunk(runId, index, points));
  let queue: QueuedRun[] = [];
  let bridge: TrainingBridge | null = null;
  const getBridge = () => (bridge ??= createTrainingBridge(onMessage, factory));

  function start(snapshot: ExperimentConfig, kind: RunRecord['kind'], name: string, { baselineOf, warm, seedGroup }: StartOptions = {}): void {
    live.end('stopped');
    series.end();
    set({ ...idleTraining, status: 'starting', runTasks: snapshot.tasks, totalSteps: snapshot.optimizer.steps, warmStart: warm?.record ?? null });
    const rec = newRunRecord(snapshot, kind, name, { createdAt: now(), baselineOf, seedGroup });
    if (warm) rec.warmStart = warm.record;
    // The uploaded table is not part of the config (nor of a link): it travels with the start message.
    const table = snapshot.dataset.kind === 'csv' ? get().csv.table : null;
    getBridge().start({ runId: rec.id, config: snapshot, init: warm?.init, table });
    set({ runId: rec.id, liveRunId: rec.id });
    live.begin(rec);
    series.begin(rec.id);
  }

  function nextQueued(): void {
    const next = queue.shift();
    const q = get().queue;
    if (!next || !q) return void set({ queue: null });
    const name = next.name ?? baselineRunName({ config: next.config, baselineOf: next.baselineOf ?? { taskId: next.config.tasks[0].id } }, get().runs.map((r) => r.name));
    // The progress is set before start(): start() renders the live view, which shows it.
    set({ queue: { ...q, seed: next.seed } });
    start(next.config, next.kind, name, { baselineOf: next.baselineOf, seedGroup: next.seedGroup });
  }

  const cancelQueue = () => {
    queue = [];
    set({ queue: null });
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
    cancelQueue();
    live.end('stopped');
    series.end();
  }

  function onMessage(msg: FromWorker): void {
    if (msg.type === 'paused' || msg.type === 'done' || msg.type === 'error') clearPauseTimer();
    const patch = trainingPatch(get(), msg);
    if (patch) set(patch);
    // Arrives after 'predictions': the stored weights keep the validation predictions made with them.
    if (msg.type === 'weights') saver.putWeights({ runId: msg.runId, step: msg.step, weights: msg.weights, valPred: get().predictions?.pred });
    live.apply(msg);
    if (msg.type === 'metrics') series.add(msg.runId, msg.points);
    else if (msg.type === 'done' || msg.type === 'error') series.end();
    if (msg.type === 'error') cancelQueue();
    const q = get().queue;
    if (msg.type === 'done' && q) {
      set({ queue: { ...q, done: q.done + 1 } });
      nextQueued();
    }
  }

  return {
    start,
    pause,
    resume: () => getBridge().resume(),
    stop,
    startQueue: (what, items) => {
      queue = items.slice();
      set({ queue: { what, total: items.length, done: 0 } });
      nextQueued();
    },
    cancelQueue,
    live,
  };
}
