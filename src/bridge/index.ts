/** Starts and stops the training worker, and forwards only the current run's messages. */
import type { CsvTable, ExperimentConfig, NodeWeights } from '../model';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from '../protocol';

export type WorkerFactory = () => Worker;

/** The production worker: src/train/worker.ts, bundled by Vite as its own chunk (tfjs stays out of the page). */
export const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL('../train/worker.ts', import.meta.url), { type: 'module', name: 'mtl-trainer' });

export interface TrainingBridge {
  /** Start a run in a fresh worker (terminating any previous one); `init`: warm-start weights for some nodes. Returns its runId. */
  start(config: ExperimentConfig, init?: NodeWeights[]): string;
  pause(): void;
  resume(): void;
  /** Terminate the worker: the run stops at once. */
  stop(): void;
  /** runId of the live run, or null. */
  current(): string | null;
}

let counter = 0;
/** A new unique run id. */
export function newRunId(): string {
  counter += 1;
  return `run-${Date.now().toString(36)}-${counter}`;
}

/**
 * A bridge that delivers the live run's messages to `onMessage`. Messages of
 * older runIds are dropped; a worker crash becomes an 'error' message.
 */
/** The CSV uploaded in this tab (memory only); runs of a csv dataset get it with their 'start' message. */
let sessionTable: CsvTable | null = null;

/** Set (or clear) the session's CSV table that csv-dataset runs train on. */
export function setSessionTable(table: CsvTable | null): void {
  sessionTable = table;
}

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
    start(config, init) {
      stop();
      const id = newRunId();
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
      const table = config.dataset.kind === 'csv' ? sessionTable : null;
      post({ type: 'start', v: PROTOCOL_VERSION, runId: id, config, ...(table ? { table } : {}), ...(init?.length ? { init } : {}) });
      return id;
    },
    pause: () => runId && post({ type: 'pause', runId }),
    resume: () => runId && post({ type: 'resume', runId }),
    stop,
    current: () => runId,
  };
}
