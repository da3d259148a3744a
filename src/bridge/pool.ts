/**
 * A pool of training workers for studies: up to `size` runs at once, each worker reused run after run (its
 * start-up is paid once), runs sent as lean starts (metrics and 'done' only). Cancel terminates every worker.
 */
import type { BackendName, ExperimentConfig } from '../model';
import { PROTOCOL_VERSION, type FromWorker, type MetricPoint } from '../protocol';
import type { WorkerFactory } from './index';

/** Most workers a study uses: more would only share the same cores with the page. */
export const MAX_POOL_WORKERS = 4;

/** How many workers suit this machine: its logical cores (navigator.hardwareConcurrency) minus none, between 1 and MAX_POOL_WORKERS. */
export function poolSize(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return Math.max(1, Math.min(MAX_POOL_WORKERS, Math.floor(cores ?? 2) || 2));
}

export interface PoolJob {
  runId: string;
  config: ExperimentConfig;
}

/** What one run came back with: its points, or the error that ended it. */
export interface PoolResult {
  runId: string;
  ok: boolean;
  points: MetricPoint[];
  backend: BackendName | null;
  stepsPerSec: number;
  /** training time inside the worker, ms */
  elapsedMs: number;
  error?: string;
}

export interface WorkerPool {
  /** Queue `jobs` behind any queued ones; each result arrives through onResult, in completion order. */
  run(jobs: readonly PoolJob[]): void;
  /** Terminate every worker and drop the queue (no result arrives for the runs in flight). */
  cancel(): void;
  /** runs queued or in flight */
  pending(): number;
}

/** A pool of up to `size` workers made by `factory` on demand; `onIdle` is called when the queue has drained. */
export function createWorkerPool(size: number, factory: WorkerFactory, onResult: (r: PoolResult) => void, onIdle: () => void = () => {}): WorkerPool {
  const queue: PoolJob[] = [];
  const slots: { worker: Worker | null; job: PoolJob | null; got: PoolResult | null }[] = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, job: null, got: null }));

  const finish = (slot: (typeof slots)[number], r: PoolResult) => {
    slot.job = null;
    slot.got = null;
    onResult(r);
    next(slot);
    if (queue.length === 0 && slots.every((s) => !s.job)) onIdle();
  };

  const listen = (slot: (typeof slots)[number], w: Worker) => {
    w.onmessage = (ev: MessageEvent<FromWorker>) => {
      const msg = ev.data;
      const got = slot.got;
      if (w !== slot.worker || !got || msg?.runId !== got.runId) return;
      if (msg.type === 'ready') got.backend = msg.backend;
      else if (msg.type === 'metrics') for (const p of msg.points) got.points.push(p);
      else if (msg.type === 'done') finish(slot, { ...got, ok: true, stepsPerSec: msg.stepsPerSec, elapsedMs: msg.elapsedMs });
      else if (msg.type === 'error') finish(slot, { ...got, ok: false, error: msg.message });
    };
    w.onerror = (ev: ErrorEvent) => {
      if (w !== slot.worker || !slot.got) return;
      ev.preventDefault();
      // A crashed worker is replaced for the next run.
      w.terminate();
      slot.worker = null;
      finish(slot, { ...slot.got, ok: false, error: `The training worker crashed: ${ev.message || 'unknown error'}` });
    };
  };

  function next(slot: (typeof slots)[number]): void {
    const job = queue.shift();
    if (!job) return;
    if (!slot.worker) {
      slot.worker = factory();
      listen(slot, slot.worker);
    }
    slot.job = job;
    slot.got = { runId: job.runId, ok: false, points: [], backend: null, stepsPerSec: 0, elapsedMs: 0 };
    slot.worker.postMessage({ type: 'start', v: PROTOCOL_VERSION, runId: job.runId, config: job.config, lean: true });
  }

  return {
    run(jobs) {
      queue.push(...jobs);
      for (const s of slots) if (!s.job) next(s);
      if (queue.length === 0 && slots.every((s) => !s.job)) onIdle();
    },
    cancel() {
      queue.length = 0;
      for (const s of slots) {
        s.worker?.terminate();
        s.worker = null;
        s.job = null;
        s.got = null;
      }
    },
    pending: () => queue.length + slots.filter((s) => s.job).length,
  };
}
