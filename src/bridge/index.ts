/** Starts and stops the training worker, and forwards only the current run's messages. */
import type { CsvTable, ExperimentConfig, NodeWeights } from '../model';
import { PROTOCOL_VERSION, readFaultPlan, workerLockName, type FromWorker, type ToWorker, type WorkerAlive } from '../protocol';

export type WorkerFactory = () => Worker;

/** The production worker: src/train/worker.ts, bundled by Vite as its own chunk (tfjs stays out of the page). */
export const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL('../train/worker.ts', import.meta.url), { type: 'module', name: 'mtl-trainer' });

/** What a run starts with; the caller owns the run id (it is also the run record's id). */
export interface RunStart {
  runId: string;
  config: ExperimentConfig;
  /** warm-start weights for some nodes */
  init?: NodeWeights[];
  /** the uploaded CSV a csv-dataset run trains on (never part of the config) */
  table?: CsvTable | null;
}

/** What the page says when a worker vanished without a word (closed, killed, out of memory). */
export const WORKER_GONE_MESSAGE =
  'The training worker stopped unexpectedly (it may have run out of memory). The points so far are kept; train again, perhaps with a smaller batch or model.';

interface LockManagerLike {
  request(name: string, cb: () => unknown): Promise<unknown>;
}

/**
 * Call `gone` once the worker holding `name` has ended: the page's request for the lock is granted only then.
 * A no-op where Web Locks are missing (the worker's onerror still reports crashes that throw).
 */
function whenWorkerGone(name: string, gone: () => void): void {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  locks?.request(name, gone).catch(() => undefined);
}

/** The fault a test asked for through globalThis.__MTL_FAULTS__ (see protocol/faults.ts); null in production. */
const injectedFault = () => readFaultPlan((globalThis as { __MTL_FAULTS__?: unknown }).__MTL_FAULTS__);

export interface TrainingBridge {
  /** Start a run in a fresh worker, terminating any previous one. */
  start(run: RunStart): void;
  pause(): void;
  resume(): void;
  /** Terminate the worker: the run stops at once. */
  stop(): void;
  /** runId of the live run, or null. */
  current(): string | null;
}

/**
 * A bridge that delivers the live run's messages to `onMessage`. Messages of
 * older runIds are dropped; a worker crash becomes an 'error' message.
 */
export function createTrainingBridge(onMessage: (msg: FromWorker) => void, factory: WorkerFactory = defaultWorkerFactory): TrainingBridge {
  let worker: Worker | null = null;
  let runId: string | null = null;
  const post = (msg: ToWorker) => worker?.postMessage(msg);
  const stop = () => {
    worker?.terminate();
    worker = null;
    runId = null;
  };
  return {
    start({ runId: id, config, init, table }) {
      stop();
      const w = factory();
      worker = w;
      runId = id;
      w.onmessage = (ev: MessageEvent<FromWorker | WorkerAlive>) => {
        if (ev.data?.runId !== runId || w !== worker) return; // stale run
        if (ev.data.type === 'alive') {
          // Granted when the worker is gone; by then a run that ended normally has cleared `worker`.
          whenWorkerGone(workerLockName(id), () => {
            if (w !== worker) return;
            onMessage({ type: 'error', runId: id, message: WORKER_GONE_MESSAGE });
            stop();
          });
          return;
        }
        onMessage(ev.data);
        if (ev.data.type === 'done' || ev.data.type === 'error') {
          w.terminate();
          if (worker === w) worker = null;
        }
      };
      w.onerror = (ev: ErrorEvent) => {
        if (w !== worker) return;
        ev.preventDefault();
        onMessage({ type: 'error', runId: id, message: `The training worker crashed: ${ev.message || 'unknown error'}` });
        stop();
      };
      w.onmessageerror = () => {
        if (w === worker) onMessage({ type: 'error', runId: id, message: 'The training worker sent a message that could not be read.' });
      };
      const faults = injectedFault();
      post({ type: 'start', v: PROTOCOL_VERSION, runId: id, config, ...(table ? { table } : {}), ...(init?.length ? { init } : {}), ...(faults ? { faults } : {}) });
    },
    pause: () => runId && post({ type: 'pause', runId }),
    resume: () => runId && post({ type: 'resume', runId }),
    stop,
    current: () => runId,
  };
}
export * from './pool';
