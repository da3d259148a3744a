/**
 * Trains a study's pending runs in a pool of workers (one per core, capped) and turns each result into a stored
 * run record. Progress counts the whole study (runs finished earlier included); the time left extrapolates this
 * session's wall time per finished run over the runs still to go.
 */
import { createWorkerPool, poolSize, type PoolResult, type WorkerFactory, type WorkerPool } from '../bridge';
import { newRunRecord, finishRun, appendPoints } from './runs';
import type { RunRecord } from './runsDb';
import { studyRunId, type PlannedRun } from './studyPlan';

/** How far the running study is. */
export interface StudyProgress {
  studyId: string;
  /** finished trainings of the whole study (earlier sessions included) */
  done: number;
  failed: number;
  total: number;
  /** wall ms since this session started it */
  elapsedMs: number;
  /** estimated wall ms left; null until one run of this session has finished */
  leftMs: number | null;
  workers: number;
}

export interface StudyRunnerDeps {
  factory: WorkerFactory;
  /** clock, ms */
  now: () => number;
  /** workers to use (default poolSize()) */
  workers?: number;
  /** a run finished (done or failed): store it */
  onRecord(rec: RunRecord): void;
  onProgress(p: StudyProgress): void;
  /** every pending run has come back */
  onFinished(p: StudyProgress): void;
}

export interface StudyRunner {
  /** Train `pending` (runs of study `studyId`, `doneBefore` of `total` already finished). */
  start(studyId: string, pending: readonly PlannedRun[], doneBefore: number, total: number): void;
  /** Terminate the workers; the runs in flight are lost, the finished ones are kept. Returns the wall ms of this session. */
  cancel(): number;
  running(): boolean;
}

/** A runner with no study yet. */
export function createStudyRunner({ factory, now, workers = poolSize(), onRecord, onProgress, onFinished }: StudyRunnerDeps): StudyRunner {
  let pool: WorkerPool | null = null;
  let progress: StudyProgress | null = null;
  let t0 = 0;
  let sessionDone = 0;
  let byRunId = new Map<string, PlannedRun>();

  const tick = (): StudyProgress => {
    const p = progress!;
    p.elapsedMs = now() - t0;
    const left = p.total - p.done - p.failed;
    p.leftMs = sessionDone > 0 ? (p.elapsedMs / sessionDone) * left : null;
    return { ...p };
  };

  const onResult = (r: PoolResult) => {
    const planned = byRunId.get(r.runId);
    if (!planned || !progress) return;
    const rec0 = newRunRecord(planned.config, planned.kind, planned.name, { id: r.runId, createdAt: now() });
    rec0.study = { id: progress.studyId, key: planned.key };
    if (planned.kind === 'baseline' && planned.taskId) rec0.baselineOf = { taskId: planned.taskId };
    const rec = finishRun(appendPoints(rec0, r.points), r.ok && r.points.length ? 'done' : 'failed', {
      stepsPerSec: r.stepsPerSec,
      elapsedMs: r.elapsedMs,
      backend: r.backend,
      ...(r.ok ? {} : { error: r.error ?? 'no result' }),
    });
    if (rec.status === 'done') progress.done++;
    else progress.failed++;
    sessionDone++;
    onRecord(rec);
    onProgress(tick());
  };

  const onIdle = () => {
    if (!progress) return;
    const p = tick();
    pool?.cancel();
    pool = null;
    progress = null;
    onFinished(p);
  };

  return {
    start(studyId, pending, doneBefore, total) {
      pool?.cancel();
      byRunId = new Map(pending.map((p) => [studyRunId(studyId, p.key), p]));
      progress = { studyId, done: doneBefore, failed: 0, total, elapsedMs: 0, leftMs: null, workers };
      t0 = now();
      sessionDone = 0;
      onProgress(tick());
      pool = createWorkerPool(workers, factory, onResult, onIdle);
      pool.run(pending.map((p) => ({ runId: studyRunId(studyId, p.key), config: p.config })));
    },
    cancel() {
      const ms = progress ? now() - t0 : 0;
      pool?.cancel();
      pool = null;
      progress = null;
      return ms;
    },
    running: () => progress !== null,
  };
}
