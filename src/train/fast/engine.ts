/**
 * The JS engine's trainer: forward, backward and optimiser in plain typed-array loops,
 * with the tfjs engine's batching (same seeded epoch permutations), losses and
 * optimiser maths. No allocation per step: every buffer is made once.
 */
import { headsFedBy, sharedBoundary, usesRepresentation, type DatasetArrays, type ExperimentConfig, type TaskSpec } from '../../model';
import { deriveSeed, makeRng, permutation } from '../../data';
import type { MetricPoint } from '../../protocol';
import { createConflictMeter } from '../conflict';
import { assembleTrainer, batchesPerEpoch, metricPoint, type Trainer } from '../trainer';
import { createStrategy, gramOf } from '../weighting';
import { accuracy, activationBackward, adamStep, binaryLoss, denseBackward, denseForward, momentumStep, softmaxLoss, squaredLoss } from './kernels';
import { compileFast, loadFast, snapshotFast, type FastPlan } from './plan';

/** Per-batch-size working memory: one activation buffer per node (and grads and masks for training). */
interface Buffers {
  B: number;
  acts: Float32Array[];
  grads: Float32Array[];
  masks: (Float32Array | null)[];
}

function buffers(plan: FastPlan, B: number, training: boolean): Buffers {
  return {
    B,
    // The input's buffer is filled by gathering rows (training) or replaced by a view (evaluation).
    acts: plan.nodes.map((n) => new Float32Array(B * n.width)),
    grads: training ? plan.nodes.map((n) => new Float32Array(n.needsGrad || n.kind === 'head' ? B * n.width : 0)) : [],
    masks: plan.nodes.map((n) => (training && n.kind === 'dropout' && n.rate > 0 ? new Float32Array(B * n.width) : null)),
  };
}

/** Loss of one task on B rows; writes ∂(scale·loss)/∂z into dz when given. Returns the mean loss. */
function taskLoss(task: TaskSpec, z: Float32Array, y: ArrayLike<number>, B: number, dz: Float32Array | null, scale: number): number {
  switch (task.kind) {
    case 'binary':
      return binaryLoss(z, y, B, dz, scale);
    case 'multiclass':
      return softmaxLoss(z, y, B, task.classes, dz, scale);
    case 'regression':
      return squaredLoss(z, y, B, dz, scale);
  }
}

/** A trainer on the JS engine for a config whose graph compileFast accepts. */
export function createFastTrainer(config: ExperimentConfig, data: DatasetArrays, opts: { maxEvalRows?: number } = {}): Trainer {
  const plan = compileFast(config, data.inputDim);
  const { nodes, heads } = plan;
  const P = plan.P;
  const G = new Float32Array(P.length);
  const m1 = new Float32Array(P.length);
  const m2 = new Float32Array(P.length);
  const tasks = config.tasks;
  const T = tasks.length;
  const strategy = createStrategy(config.weighting, tasks.map((t) => t.id), config.seed, config.optimizer.learningRate);
  const meter = createConflictMeter();
  // Which heads each node feeds: parameters of nodes feeding ≥ 2 heads are shared.
  const fed = headsFedBy(config.graph, heads.map((h) => nodes[h].id));
  const feeds = nodes.map((n) => fed.get(n.id) ?? new Set<number>());
  const sharedMask = new Uint8Array(plan.P.length);
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n];
    if (node.wOff >= 0 && feeds[n].size >= 2) sharedMask.fill(1, node.wOff, node.bOff + node.width);
  }
  const sharedIdx = Int32Array.from(Array.from(sharedMask.keys()).filter((i) => sharedMask[i]));
  let weights = new Array<number>(T).fill(1);
  // The shared representation: shared nodes read by a task-specific node (MGDA-UB's Z).
  const boundaryIds = new Set(sharedBoundary(config.graph, heads.map((h) => nodes[h].id)));
  const boundary = nodes.map((node) => boundaryIds.has(node.id));
  const onRepresentation = usesRepresentation(config.weighting);
  const evalEvery = Math.max(1, Math.round(config.evalEvery));
  const totalSteps = Math.max(0, Math.round(config.optimizer.steps));
  const nTrain = data.nTrain;
  const D = data.inputDim;
  const batch = Math.max(1, Math.min(Math.round(config.optimizer.batchSize), nTrain));
  const perEpoch = batchesPerEpoch(nTrain, batch);
  const nEvalTrain = Math.min(nTrain, opts.maxEvalRows ?? 1024);
  const epochSeed = deriveSeed(config.seed, 'batches');
  const { kind: optKind, learningRate: lr, momentum: mu } = config.optimizer;

  const train = buffers(plan, batch, true);
  const repGrads = tasks.map(() => nodes.map((node, n) => (boundary[n] ? new Float32Array(batch * node.width) : null)));
  const dz = heads.map((h) => new Float32Array(batch * nodes[h].width));
  const Gt = tasks.map(() => new Float32Array(P.length));
  const losses = new Array<number>(T).fill(0);
  const epochLoss = new Array<number>(T).fill(0);
  const sharedBufs = tasks.map(() => new Float32Array(sharedIdx.length));
  /** Task t's gradient restricted to the shared parameters (into a reused buffer). */
  const sharedValues = (g: Float32Array, t: number): Float32Array => {
    const out = sharedBufs[t];
    for (let i = 0; i < sharedIdx.length; i++) out[i] = g[sharedIdx[i]];
    return out;
  };
  const zeroGram = () => tasks.map(() => new Array<number>(T).fill(0));
  /** The boundary gradients of one task joined into one vector. */
  const concatViews = (parts: (Float32Array | null)[]): Float32Array => {
    const present = parts.filter((p): p is Float32Array => p !== null);
    const out = new Float32Array(present.reduce((a, p) => a + p.length, 0));
    let off = 0;
    for (const p of present) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  };
  const yBatch = tasks.map(() => new Float32Array(batch));
  const evalTrain = buffers(plan, nEvalTrain, false);
  const evalVal = buffers(plan, data.nVal, false);

  function forward(buf: Buffers, training: boolean, step: number): void {
    const B = buf.B;
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n];
      const out = buf.acts[n];
      switch (node.kind) {
        case 'input':
          break;
        case 'dense':
        case 'head':
          denseForward(buf.acts[node.srcs[0]], B, node.fanIn, node.width, P, node.wOff, node.bOff, node.act, out);
          break;
        case 'dropout': {
          const x = buf.acts[node.srcs[0]];
          const mask = buf.masks[n];
          if (!training || !mask) {
            out.set(x.subarray(0, B * node.width));
            break;
          }
          // Mask from (seed, node, step) only: reruns draw the same masks. Kept units scale by 1/(1 − rate).
          const rng = makeRng(deriveSeed(node.dropSeed, String(step)));
          const keep = 1 / (1 - node.rate);
          for (let i = 0; i < mask.length; i++) {
            mask[i] = rng.next() < node.rate ? 0 : keep;
            out[i] = x[i] * mask[i];
          }
          break;
        }
        case 'concat': {
          let off = 0;
          for (const s of node.srcs) {
            const w = nodes[s].width;
            const x = buf.acts[s];
            for (let i = 0; i < B; i++) for (let c = 0; c < w; c++) out[i * node.width + off + c] = x[i * w + c];
            off += w;
          }
          break;
        }
      }
    }
  }

  /**
   * Backpropagate buf.grads (seeded at the heads) into Gout; with `only`, visit just the nodes
   * feeding that task's head and keep that task's gradient at the shared representation.
   */
  function backward(buf: Buffers, Gout: Float32Array, only = -1, intoInput = false): void {
    const B = buf.B;
    // intoInput: every node's output gradient is wanted, down to the input (FGSM).
    const wants = (s: number) => intoInput || nodes[s].needsGrad;
    for (let n = nodes.length - 1; n >= 0; n--) {
      const node = nodes[n];
      if (only >= 0 && !feeds[n].has(only)) continue;
      // Every consumer has been visited: buf.grads[n] is now ∂L/∂(output of n).
      if (only >= 0 && boundary[n]) repGrads[only][n]!.set(buf.grads[n]);
      const d = buf.grads[n];
      switch (node.kind) {
        case 'input':
          break;
        case 'dense':
        case 'head': {
          const s = node.srcs[0];
          activationBackward(d, buf.acts[n], B * node.width, node.act);
          denseBackward(buf.acts[s], B, node.fanIn, node.width, P, Gout, node.wOff, node.bOff, d, wants(s) ? buf.grads[s] : null);
          break;
        }
        case 'dropout': {
          const s = node.srcs[0];
          if (!wants(s)) break;
          const ds = buf.grads[s];
          const mask = buf.masks[n];
          for (let i = 0; i < d.length; i++) ds[i] += mask ? d[i] * mask[i] : d[i];
          break;
        }
        case 'concat': {
          let off = 0;
          for (const s of node.srcs) {
            const w = nodes[s].width;
            if (wants(s)) {
              const ds = buf.grads[s];
              for (let i = 0; i < B; i++) for (let c = 0; c < w; c++) ds[i * w + c] += d[i * node.width + off + c];
            }
            off += w;
          }
          break;
        }
      }
    }
  }

  let step = 0;
  let lastEval = -1;
  let epoch = -1;
  let perm: Int32Array = new Int32Array(0);
  const inputIdx = nodes.findIndex((n) => n.kind === 'input');

  function trainStep(): void {
    if (step >= totalSteps) return;
    const e = Math.floor(step / perEpoch);
    if (e !== epoch) {
      perm = permutation(nTrain, makeRng(deriveSeed(epochSeed, String(e))));
      epoch = e;
    }
    const start = (step % perEpoch) * batch;
    const xb = train.acts[inputIdx];
    for (let i = 0; i < batch; i++) {
      const r = perm[start + i];
      for (let k = 0; k < D; k++) xb[i * D + k] = data.xTrain[r * D + k];
      for (let t = 0; t < tasks.length; t++) yBatch[t][i] = data.yTrain[tasks[t].id][r];
    }
    forward(train, true, step);
    // Each task's unweighted ∂L_t/∂z on its head (mean over the batch).
    for (let t = 0; t < T; t++) losses[t] = taskLoss(tasks[t], train.acts[heads[t]], yBatch[t], batch, dz[t], 1 / batch);
    // Per-task gradients: every step for gradient strategies, once per evaluation interval for the conflict view.
    const perTask = strategy.needsGrads || (sharedIdx.length > 0 && step % evalEvery === 0);
    let gram: number[][] | null = null;
    if (perTask) {
      for (let t = 0; t < T; t++) {
        for (const g of train.grads) g.fill(0);
        train.grads[heads[t]].set(dz[t]);
        Gt[t].fill(0);
        backward(train, Gt[t], t);
      }
      if (sharedIdx.length > 0) {
        gram = gramOf(Gt.map((g, t) => sharedValues(g, t)));
        meter.record(gram);
      }
    }
    // MGDA-UB on the representation: solve on ∂L_t/∂Z instead of the shared parameters' gradients.
    const solveGram = onRepresentation && perTask ? gramOf(repGrads.map((r) => concatViews(r))) : gram;
    const w = strategy.step({ step, losses, gram: strategy.needsGrads ? (solveGram ?? zeroGram()) : null });
    weights = w.shared;
    if (perTask) {
      for (let k = 0; k < G.length; k++) {
        const c = sharedMask[k] ? w.shared : w.task;
        let v = 0;
        for (let t = 0; t < T; t++) v += c[t] * Gt[t][k];
        G[k] = v;
      }
    } else {
      for (const g of train.grads) g.fill(0);
      for (let t = 0; t < T; t++) {
        const d = train.grads[heads[t]];
        for (let i = 0; i < d.length; i++) d[i] = dz[t][i] * w.task[t];
      }
      G.fill(0);
      backward(train, G);
    }
    for (let t = 0; t < T; t++) epochLoss[t] += losses[t];
    if (optKind === 'adam') adamStep(P, G, m1, m2, step + 1, lr);
    else momentumStep(P, G, m1, lr, mu);
    strategy.emit('afterStep', { step });
    if ((step + 1) % perEpoch === 0) {
      strategy.emit('epochEnd', { step, meanLosses: epochLoss.map((l) => l / perEpoch) });
      epochLoss.fill(0);
    }
    step++;
  }

  function lossesOn(buf: Buffers, x: Float32Array, y: Record<string, Float32Array>): { loss: number[]; metric: number[] } {
    buf.acts[inputIdx] = x.subarray(0, buf.B * D);
    forward(buf, false, step);
    const loss: number[] = [];
    const metric: number[] = [];
    tasks.forEach((task, t) => {
      const z = buf.acts[heads[t]];
      const yt = y[task.id];
      const l = taskLoss(task, z, yt, buf.B, null, 0);
      loss.push(l);
      metric.push(task.kind === 'regression' ? Math.sqrt(l) : accuracy(z, yt, buf.B, task.kind === 'multiclass' ? task.classes : 1));
    });
    return { loss, metric };
  }

  async function evaluate(): Promise<MetricPoint> {
    const at = step;
    const tr = lossesOn(evalTrain, data.xTrain, data.yTrain);
    const va = lossesOn(evalVal, data.xVal, data.yVal);
    lastEval = at;
    const point = metricPoint(at, { trainLoss: tr.loss, valLoss: va.loss, metric: va.metric }, weights, meter.take());
    strategy.emit('eval', { step: at, valLosses: va.loss });
    return point;
  }

  /** Inference buffers by row count, made on first use (the boundary grid and the validation set reuse theirs). */
  const predictBufs = new Map<number, Buffers>();
  async function predict(x: Float32Array, n: number): Promise<Float32Array[]> {
    let buf = predictBufs.get(n);
    if (!buf) predictBufs.set(n, (buf = buffers(plan, n, false)));
    buf.acts[inputIdx] = x.subarray(0, n * D);
    forward(buf, false, step);
    return heads.map((h) => buf.acts[h].slice(0, n * nodes[h].width));
  }

  /** ∂(task t's mean loss)/∂x for n rows (inference mode): backward through every node into the input. */
  async function inputGradient(t: number, x: Float32Array, y: Float32Array, n: number): Promise<Float32Array> {
    const buf: Buffers = { B: n, acts: nodes.map((node) => new Float32Array(n * node.width)), grads: nodes.map((node) => new Float32Array(n * node.width)), masks: nodes.map(() => null) };
    buf.acts[inputIdx] = x.subarray(0, n * D);
    forward(buf, false, step);
    taskLoss(tasks[t], buf.acts[heads[t]], y, n, buf.grads[heads[t]], 1 / n);
    backward(buf, new Float32Array(P.length), -1, true);
    return buf.grads[inputIdx];
  }

  return assembleTrainer({
    step: () => step,
    lastEval: () => lastEval,
    totalSteps,
    evalEvery,
    paramCount: P.length,
    inputGradient,
    weights: async () => snapshotFast(plan),
    // Dense graphs only: no mixing matrices or gates to show.
    inspect: async () => [],
    loadWeights: (init) => loadFast(plan, init),
    trainStep,
    evaluate,
    predict,
    dispose() {},
  });
}
