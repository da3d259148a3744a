/** Starts and stops the training worker, and forwards only the current run's messages. */
import type { CsvTable, ExperimentConfig, NodeWeights } from '../model';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from '../protocol';

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
      w.onmessage = (ev: MessageEvent<FromWorker>) => {
        if (ev.data?.runId !== runId || w !== worker) return; // stale run
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
      post({ type: 'start', v: PROTOCOL_VERSION, runId: id, config, ...(table ? { table } : {}), ...(init?.length ? { init } : {}) });
    },
    pause: () => runId && post({ type: 'pause', runId }),
    resume: () => runId && post({ type: 'resume', runId }),
    stop,
    current: () => runId,
  };
}
export * from './pool';
