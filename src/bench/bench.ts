/**
 * Benchmark page: drives the app's own training worker (same file, same protocol)
 * and reports steady-state steps/s. Used by run-bench.mjs through window.runBench.
 */
import { defaultParams, WEIGHTINGS, weightingSpec, type BackendChoice, type BackendName } from '../model';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from '../protocol';
import type { WorkerAlive } from '../protocol/faults';
import { WORKLOAD_IDS, workloadConfig, type Workload } from './workloads';

export interface BenchSpec {
  workload: Workload;
  backend: BackendChoice;
  /** training steps to run (the run ends early when measureMs is used up) */
  steps: number;
  /** batch size instead of the workload's own (--batch in run-bench.mjs) */
  batch?: number;
  /** measuring window after warm-up, in ms */
  measureMs?: number;
  /** hard cap from start to finish, in ms (warm-up on SwiftShader can take many seconds) */
  capMs?: number;
  /** loss-weighting strategy id (default: the workload's own, equal) */
  weighting?: string;
}

export interface BenchResult {
  workload: Workload;
  requested: BackendChoice;
  backend: BackendName | null;
  notes: string[];
  batch: number;
  /** steps known complete at the last sync point (evaluation read-back or 'done') */
  steps: number;
  /** steady-state rate between the first sync point after step 0 and the last one */
  stepsPerSec: number;
  /** the worker's own figure: all steps over all training time, warm-up included */
  overallStepsPerSec: number;
  examplesPerSec: number;
  /** ms from 'ready' until the first sync point after step 0 (shader compilation, first evaluation) */
  warmupMs: number;
  /** true when the run was cut by measureMs/capMs rather than finishing its steps */
  cut: boolean;
  /** an explicit backend the worker could not run this model on (it fell back to `backend`): not measured */
  unsupported?: boolean;
  error?: string;
}

/** Backends whose steps have finished when the worker posts about them. */
const SYNCHRONOUS = new Set<BackendName>(['js', 'wasm', 'cpu']);

/** Run one workload in a fresh worker; resolves (never rejects) with the numbers or an error. */
export function runBench(spec: BenchSpec): Promise<BenchResult> {
  const config = workloadConfig(spec.workload, spec.steps);
  config.backend = spec.backend;
  if (spec.batch) config.optimizer.batchSize = spec.batch;
  if (spec.weighting) {
    const w = weightingSpec(spec.weighting);
    if (!w) throw new Error(`unknown weighting ${spec.weighting}`);
    config.weighting = { kind: w.id, params: defaultParams(w.params), weights: config.weighting.weights };
  }
  const measureMs = spec.measureMs ?? 5000;
  const capMs = spec.capMs ?? 60_000;
  const runId = `bench-${spec.workload}-${spec.backend}-${Date.now()}`;
  const worker = new Worker(new URL('../train/worker.ts', import.meta.url), { type: 'module' });

  const result: BenchResult = {
    workload: spec.workload,
    requested: spec.backend,
    backend: null,
    notes: [],
    batch: config.optimizer.batchSize,
    steps: 0,
    stepsPerSec: 0,
    overallStepsPerSec: 0,
    examplesPerSec: 0,
    warmupMs: 0,
    cut: false,
  };

  return new Promise((resolve) => {
    const t0 = performance.now();
    let readyAt = 0;
    // Sync points: moments when every dispatched step had finished. GPU backends queue work
    // asynchronously, so a message's `step` may run ahead of the device; an evaluation awaits
    // its read-back (the queue drains) and 'done' follows the final one. Rates use only these.
    let warm: { t: number; step: number } | null = null;
    let last: { t: number; step: number } | null = null;
    const finish = (error?: string) => {
      clearInterval(timer);
      worker.terminate();
      const ok = last && warm && last.t > warm.t && last.step > warm.step;
      result.stepsPerSec = ok ? ((last!.step - warm!.step) * 1000) / (last!.t - warm!.t) : result.overallStepsPerSec;
      result.steps = last?.step ?? 0;
      result.examplesPerSec = result.stepsPerSec * result.batch;
      if (error) result.error = error;
      resolve(result);
    };
    const sync = (t: number, step: number) => {
      if (!warm) {
        // The first sync point after step 0 ends the warm-up (shader compilation, first allocations).
        if (step > 0) {
          warm = { t, step };
          result.warmupMs = t - readyAt;
        }
      } else last = { t, step };
    };
    const timer = setInterval(() => {
      const now = performance.now();
      if (now - t0 >= capMs) {
        result.cut = true;
        finish(warm ? undefined : `no progress within ${capMs} ms`);
      } else if (warm && last && now - warm.t >= measureMs) {
        result.cut = true;
        finish();
      }
    }, 50);
    worker.onerror = (ev) => finish(`worker error: ${ev.message}`);
    worker.onmessage = (ev: MessageEvent<FromWorker | WorkerAlive>) => {
      // The worker's liveness note is for the app's bridge (worker-crash detection), not a FromWorker.
      if (ev.data.type === 'alive') return;
      const msg = ev.data;
      const now = performance.now();
      switch (msg.type) {
        case 'ready':
          readyAt = now;
          result.backend = msg.backend;
          result.notes = msg.notes;
          // An explicit choice that fell back (e.g. js on a graph the JS engine lacks a kernel for) would only
          // measure another backend's cell again: stop at once and say so.
          if (spec.backend !== 'auto' && msg.backend !== spec.backend) {
            result.unsupported = true;
            finish(`not supported here: ${msg.notes.join(' ')}`);
          }
          break;
        case 'metrics':
          result.overallStepsPerSec = msg.stepsPerSec;
          // The JS engine and tfjs cpu/wasm compute synchronously, so every message's step is done; GPU
          // backends only at an evaluation point (its read-back drains the queue).
          if (result.backend && SYNCHRONOUS.has(result.backend)) sync(now, msg.step);
          else if (msg.points.length) sync(now, msg.points[msg.points.length - 1].step);
          break;
        case 'done':
          result.overallStepsPerSec = msg.stepsPerSec;
          sync(now, msg.step);
          finish();
          break;
        case 'error':
          finish(msg.message);
          break;
        case 'paused':
        case 'resumed':
        case 'boundary':
        case 'predictions':
        case 'robustness':
        case 'weights':
        case 'warmstart':
        case 'inspect':
          break;
        default: {
          const never: never = msg;
          finish(`unexpected message ${JSON.stringify(never)}`);
        }
      }
    };
    const start: ToWorker = { type: 'start', v: PROTOCOL_VERSION, runId, config };
    worker.postMessage(start);
  });
}

declare global {
  interface Window {
    runBench: typeof runBench;
    weightingIds: string[];
    workloadIds: readonly string[];
  }
}
window.runBench = runBench;
window.weightingIds = WEIGHTINGS.map((w) => w.id);
window.workloadIds = WORKLOAD_IDS;

// ?workload=…&backend=…&steps=…&autorun=1 runs once and prints the result on the page.
const q = new URLSearchParams(location.search);
if (q.get('autorun') === '1') {
  const out = document.getElementById('result')!;
  out.textContent = 'running…';
  void runBench({
    workload: q.get('workload') ?? WORKLOAD_IDS[0],
    backend: (q.get('backend') as BackendChoice) ?? 'auto',
    steps: Number(q.get('steps') ?? 2000),
    measureMs: Number(q.get('measureMs') ?? 5000),
  }).then((r) => (out.textContent = JSON.stringify(r, null, 2)));
}
