/**
 * Web Worker entry: runs one experiment at a time. The main thread stops a run with
 * worker.terminate(); a new 'start' abandons the previous run.
 */
import { BOUNDARY_GRID, gridInputs, protocolMismatch, readFaultPlan, readout, workerLockName, type FromWorker, type MetricPoint, type ToWorker, type WorkerAlive } from '../protocol';
import { prepareDataset } from '../datasets';
import { activationFloatsPerRow, analyzeGraph, estimateMemory, formatBytes, MEMORY_NOTE_BYTES, memoryProblem, nodeKind, taskMismatches, weightingSpec, type BackendName, type DatasetArrays } from '../model';
import { backendLabel, webGpuDeviceLost } from './backend';
import { breakFirstStep, faultTicker } from './faults';
import { stepGeometry } from './batches';
import { startEngine, type Engine } from './engine';
import { trainLoop, type LoopControl } from './loop';
import { fgsmScores } from './robustness';
import { errorMessage } from './errors';
import type { Trainer } from './trainer';

/** Keep each uninterrupted stretch of work short so pause/resume messages get through. */
const CHUNK_MS = 30;
/** Batch metric points: at most one 'metrics' message per this many ms. */
const POST_MS = 100;
/**
 * Least wall time between two decision-boundary grids, ms: one at the first evaluation after it has
 * passed. The charts redraw every 250 ms; a 48×48 grid costs one forward pass over 2,304 rows.
 */
const BOUNDARY_MS = 250;

/** Longest wait for this worker's lock before a run starts anyway (unnoticed if it then dies silently), ms. */
const LOCK_WAIT_MS = 1000;

type Start = Extract<ToWorker, { type: 'start' }>;

interface Run {
  runId: string;
  cancelled: boolean;
  paused: boolean;
  /** resolves a pending pause */
  wake: (() => void) | null;
  trainer: Trainer | null;
  /** a 'metrics' message went out: from then on a failure is the run's, not the first step's */
  posted: boolean;
  /** the 'error' message went out (at most one per run) */
  failed: boolean;
  /** set while the run trains on WebGPU: resolves when its device is lost */
  deviceLost: Promise<string> | null;
  /** fires a test's injected fault (faults.ts); a no-op in production */
  tick: (step: number) => void;
}

/** Report the run's failure once, and stop it (a later error of the same run is not news). */
function fail(run: Run, message: string): void {
  if (run.failed || run.cancelled) return;
  run.failed = true;
  post({ type: 'error', runId: run.runId, message });
  cancel(run);
}

/** Thrown for an error at a run's first step, before any metrics: the run can start again on another backend. */
class FirstStepError extends Error {
  constructor(readonly original: unknown) {
    super(errorMessage(original));
  }
}

/** Where a backend that failed at its first step goes instead; null when there is nothing simpler left. */
function fallbackOf(backend: BackendName): 'wasm' | 'cpu' | null {
  return backend === 'cpu' ? null : backend === 'wasm' ? 'cpu' : 'wasm';
}

const ctx = self as unknown as DedicatedWorkerGlobalScope;
let active: Run | null = null;

function post(msg: FromWorker): void {
  ctx.postMessage(msg);
}

/** Yield to the event loop (a macrotask, so queued messages are handled) without setTimeout's 4 ms clamp. */
const channel = new MessageChannel();
const waiters: (() => void)[] = [];
channel.port1.onmessage = () => waiters.shift()?.();
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    waiters.push(resolve);
    channel.port2.postMessage(null);
  });
}

/** The run's memory estimate with the built model's exact parameter count, at the batch and evaluation rows both engines use (stepGeometry). */
function runMemory(config: Start['config'], data: DatasetArrays, params: number) {
  const perRow = activationFloatsPerRow(analyzeGraph(config.graph, { inputDim: data.inputDim, tasks: config.tasks }));
  const gradCopies = weightingSpec(config.weighting.kind)?.needsGrads ? config.tasks.length : 0;
  const dataFloats = (data.nTrain + data.nVal) * (data.inputDim + config.tasks.length);
  const { batch, nEvalTrain } = stepGeometry(config, data.nTrain);
  return { batch, memory: estimateMemory({ perRow, batch, evalRows: data.nVal + nEvalTrain, dataFloats, params, gradCopies }) };
}

/** The run's live side views: decision boundaries (2D inputs only) and fusion modules' tables (cross-stitch α, mean gates). */
function liveViews(run: Run, trainer: Trainer, config: Start['config'], data: DatasetArrays) {
  const grid = data.inputDim === 2 ? gridInputs(BOUNDARY_GRID) : null;
  const nGrid = BOUNDARY_GRID.size * BOUNDARY_GRID.size;
  let lastBoundary = -Infinity;
  // A model without any fusion table is not asked again.
  let inspecting = true;
  let lastInspect = -Infinity;
  const boundary = async () => {
    if (!grid) return;
    lastBoundary = performance.now();
    const outs = await trainer.predict(grid, nGrid);
    const values = config.tasks.map((t, i) => readout(t, outs[i], nGrid));
    ctx.postMessage({ type: 'boundary', runId: run.runId, step: trainer.step, grid: BOUNDARY_GRID, values } satisfies FromWorker, values.map((v) => v.buffer));
  };
  const inspect = async () => {
    if (!inspecting) return;
    lastInspect = performance.now();
    const nodes = await trainer.inspect();
    if (nodes.length === 0) inspecting = false;
    else post({ type: 'inspect', runId: run.runId, step: trainer.step, nodes });
  };
  return {
    /** both views now */
    async all() {
      await boundary();
      await inspect();
    },
    /** each view whose BOUNDARY_MS has passed */
    async due() {
      if (performance.now() - lastBoundary >= BOUNDARY_MS) await boundary();
      if (performance.now() - lastInspect >= BOUNDARY_MS) await inspect();
    },
  };
}

/** The loop control of a run: chunks of CHUNK_MS, metrics batched per POST_MS, pause and cancel between chunks. */
function runControl(run: Run, trainer: Trainer, views: ReturnType<typeof liveViews>) {
  let pending: MetricPoint[] = [];
  // Wall time spent training, excluding pauses: steps/s reflects compute, not the user.
  let activeMs = 0;
  let lastPost = -Infinity;
  let t0 = 0;
  const stepsPerSec = () => (activeMs > 0 ? (trainer.step * 1000) / activeMs : 0);
  const flush = () => {
    run.posted = true;
    post({ type: 'metrics', runId: run.runId, points: pending, step: trainer.step, stepsPerSec: stepsPerSec() });
    pending = [];
    lastPost = performance.now();
  };
  const control: LoopControl = {
    async onEval(point) {
      pending.push(point);
      await views.due();
    },
    async beforeChunk() {
      while (!run.cancelled && run.paused) {
        // Flush first, so that nothing arrives after 'paused'.
        flush();
        post({ type: 'paused', runId: run.runId, step: trainer.step });
        await new Promise<void>((resolve) => (run.wake = resolve));
        if (!run.cancelled) post({ type: 'resumed', runId: run.runId, step: trainer.step });
      }
      t0 = performance.now();
      return !run.cancelled;
    },
    chunkOver: () => performance.now() - t0 >= CHUNK_MS || run.paused,
    async afterChunk() {
      activeMs += performance.now() - t0;
      run.tick(trainer.step);
      if (performance.now() - lastPost >= POST_MS) flush();
      await yieldToEventLoop();
    },
  };
  return { control, flush, stepsPerSec, activeMs: () => activeMs };
}

/** The end of a finished run: last metrics and views, predictions, weights, robustness, then 'done'. */
async function finishRun(run: Run, trainer: Trainer, config: Start['config'], data: DatasetArrays, live: ReturnType<typeof runControl>, views: ReturnType<typeof liveViews>, lean = false) {
  live.flush();
  // A study's run reports its metrics only: the extras would cost more than its training.
  if (lean) return post({ type: 'done', runId: run.runId, step: trainer.step, stepsPerSec: live.stepsPerSec(), elapsedMs: live.activeMs() });
  await views.all();
  const outs = await trainer.predict(data.xVal, data.nVal);
  const pred = config.tasks.map((t, i) => readout(t, outs[i], data.nVal));
  const truth = config.tasks.map((t) => data.yVal[t.id].slice(0, data.nVal));
  post({ type: 'predictions', runId: run.runId, step: trainer.step, pred, truth });
  post({ type: 'weights', runId: run.runId, step: trainer.step, weights: await trainer.weights() });
  // FGSM needs inputs one can move by ε (not token ids): each kind's spec says whether it allows it.
  if (!config.graph.nodes.some((n) => nodeKind(n.kind)?.fgsm === false)) {
    const eps = [0, 0.05, 0.1, 0.2];
    const scores = await fgsmScores(trainer, config.tasks, data.xVal, data.yVal, data.nVal, eps);
    if (run.cancelled) return;
    post({ type: 'robustness', runId: run.runId, robustness: { eps, scores } });
  }
  post({ type: 'done', runId: run.runId, step: trainer.step, stepsPerSec: live.stepsPerSec(), elapsedMs: live.activeMs() });
}

/** Train on `engine` from its first step to 'done'. An error inside the first step, before any metrics went out, becomes a FirstStepError. */
async function trainOn(run: Run, { config, init, lean }: Start, data: DatasetArrays, { trainer, backend, notes }: Engine): Promise<void> {
  run.trainer = trainer;
  if (run.cancelled) return;
  const { memory, batch } = runMemory(config, data, trainer.paramCount);
  const tooBig = memoryProblem(memory, batch);
  if (tooBig) throw new Error(tooBig);
  if (memory.total >= MEMORY_NOTE_BYTES) notes.push(`This run needs about ${formatBytes(memory.total)} of memory.`);
  run.deviceLost = backend === 'webgpu' ? webGpuDeviceLost() : null;
  // A lost GPU device may leave a pending read that never settles: the run fails from here, and the page terminates the worker.
  void run.deviceLost?.then((why) => fail(run, `The WebGPU device was lost at step ${trainer.step} (${why}). The points so far are kept; choose tfjs WASM or tfjs CPU under Backend and train again.`));
  post({ type: 'ready', runId: run.runId, backend, requested: config.backend, notes });
  // Warm start before step 0, so the first evaluation already sees the copied weights.
  if (init) post({ type: 'warmstart', runId: run.runId, report: trainer.loadWeights(init) });
  const views = lean ? { all: async () => {}, due: async () => {} } : liveViews(run, trainer, config, data);
  const live = runControl(run, trainer, views);
  let finished: boolean;
  try {
    finished = await trainLoop(trainer, live.control);
  } catch (err) {
    // A diverged loss or an engine out of memory is the data's or the settings' fault, not the backend's.
    const text = err instanceof Error ? err.message : String(err);
    const backendFault = !/diverged|not finite/i.test(text) && errorMessage(err) === text;
    throw !run.posted && trainer.step <= 1 && backendFault ? new FirstStepError(err) : err;
  }
  if (!finished || run.cancelled) return;
  await finishRun(run, trainer, config, data, live, views, lean);
}

async function train(run: Run, msg: Start): Promise<void> {
  const { config, table, faults } = msg;
  // The page refuses these too; a message built elsewhere (a study, an old tab) is checked again here.
  const mismatch = taskMismatches(config);
  if (mismatch.length) throw new Error(mismatch.join(' '));
  // Datasets load their digits/rows here (served by the app), off the main thread.
  const data = await prepareDataset(config, table);
  const engine = await startEngine(config, data);
  if (readFaultPlan(faults)?.kind === 'first-step') breakFirstStep(engine.trainer);
  try {
    await trainOn(run, msg, data, engine);
  } catch (err) {
    const next = fallbackOf(engine.backend);
    if (!(err instanceof FirstStepError) || !next || run.cancelled) throw err instanceof FirstStepError ? err.original : err;
    // Nothing reached the page but 'ready': the run starts over, from step 0, on a simpler backend.
    engine.trainer.dispose();
    run.trainer = null;
    const retry = await startEngine(config, data, next);
    retry.notes.unshift(`${backendLabel(engine.backend)} failed at its first step (${err.message}); the run started again on ${backendLabel(retry.backend)}.`);
    await trainOn(run, msg, data, retry);
  }
}

async function start(msg: Start): Promise<void> {
  if (active) cancel(active);
  const run: Run = { runId: msg.runId, cancelled: false, paused: false, wake: null, trainer: null, posted: false, failed: false, deviceLost: null, tick: faultTicker(readFaultPlan(msg.faults) ?? undefined, ctx) };
  active = run;
  // Held before any work, so that a worker dying at once is noticed too (waiting at most LOCK_WAIT_MS for it).
  await Promise.race([holdWorkerLock(msg.runId), new Promise((r) => setTimeout(r, LOCK_WAIT_MS))]);
  try {
    await train(run, msg);
  } catch (err) {
    // A read that failed because the GPU device went away says less than the loss itself: wait briefly for it.
    const lost = run.deviceLost && (await Promise.race([run.deviceLost.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 200))]));
    if (!lost) fail(run, errorMessage(err));
  } finally {
    run.trainer?.dispose();
    run.trainer = null;
    if (active === run) active = null;
  }
}

/**
 * Hold this worker's lock (workerLockName) for as long as it lives, and tell the page once it is held: the page then
 * waits for the lock, which it gets only when this worker is gone — even when it dies without a word.
 */
function holdWorkerLock(runId: string): Promise<void> {
  const locks = (ctx.navigator as { locks?: { request(name: string, cb: () => Promise<void>): Promise<void> } }).locks;
  if (!locks) return Promise.resolve();
  return new Promise<void>((held) => {
    locks
      .request(workerLockName(runId), () => {
        ctx.postMessage({ type: 'alive', runId } satisfies WorkerAlive);
        held();
        return new Promise<void>(() => undefined);
      })
      .catch(() => held());
  });
}

function cancel(run: Run): void {
  run.cancelled = true;
  run.wake?.();
}

ctx.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'start': {
      const mismatch = protocolMismatch(msg.v);
      if (mismatch) post({ type: 'error', runId: msg.runId, message: mismatch });
      else void start(msg);
      break;
    }
    case 'pause':
      // The loop answers 'paused' once it has stopped and flushed its points.
      if (active?.runId === msg.runId) active.paused = true;
      break;
    case 'resume':
      if (active?.runId === msg.runId && active.paused) {
        active.paused = false;
        active.wake?.();
        active.wake = null;
      }
      break;
    default: {
      const never: never = msg;
      post({ type: 'error', runId: String((never as { runId?: unknown }).runId ?? ''), message: `Unknown message ${JSON.stringify(never)}` });
    }
  }
};

// A failure outside the awaited chain (e.g. inside a tfjs backend) must still reach the UI.
ctx.addEventListener('unhandledrejection', (ev) => {
  if (active) fail(active, errorMessage(ev.reason));
});
