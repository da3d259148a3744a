/**
 * Builders for the multi-task fusion modules (src/model/nodes/fusion.ts). Each returns one output
 * tensor per task, in the experiment's task order (handle out{k} = task k).
 */
import * as tf from '@tensorflow/tfjs-core';
import { tamTokens } from '../../model';
import { filledVariable, initWeights, makeVariable, matMulTrained, nodeRng, type BuiltNode, type NodeBuildContext, type NodeBuilder } from './common';

/** tf.unstack, except along an axis of size 1: tfjs's Unpack gradient fails there (one task alone, e.g. a baseline). */
function unstack(x: tf.Tensor, axis = 0): tf.Tensor[] {
  return x.shape[axis] === 1 ? [tf.squeeze(x, [axis])] : tf.unstack(x, axis);
}

const sizeOf = (s: number[]) => s.reduce((a, d) => a * d, 1);

/** Row labels of an inspection table: one row per task (output k belongs to task k). */
const taskRows = (ctx: NodeBuildContext) => ctx.tasks.map((t) => t.name || t.id);
const numbered = (prefix: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => `${prefix}${from + i + 1}`);

/** Each task's gate weight per expert averaged over the batch: [B, T, K] → [T, K] (rows sum to 1). */
const meanGates = (g: tf.Tensor3D) => tf.mean(g, 0) as tf.Tensor2D;
const GATE_NOTE = 'Gates depend on the input: each cell is the task’s softmax weight on that expert, averaged over validation rows (rows sum to 1).';

/** Cross-stitch initial matrix: 0.9 on the diagonal, 0.1/(T−1) elsewhere (rows sum to 1); [[1]] for one task. */
export function crossStitchInit(t: number): Float32Array {
  const a = new Float32Array(t * t);
  for (let i = 0; i < t; i++) for (let j = 0; j < t; j++) a[i * t + j] = t === 1 ? 1 : i === j ? 0.9 : 0.1 / (t - 1);
  return a;
}

/** A [T, T] mixing matrix; out_i = Σ_j a_ij·x_j over T equally shaped streams (any rank). */
export const crossstitch: NodeBuilder = (ctx) => {
  const t = ctx.inShapes.length;
  const a = makeVariable(crossStitchInit(t), [t, t]);
  const size = sizeOf(ctx.inShapes[0]);
  return {
    variables: [a],
    inspect: () => ({
      title: 'Mixing matrix α',
      note: 'Row i is output i (task i); column j is input stream j, in edge order: out_i = Σ_j α_ij·in_j. Starts at 0.9 on the diagonal.',
      rowLabels: taskRows(ctx),
      colLabels: numbered('in ', t),
      values: tf.clone(a) as tf.Tensor2D,
    }),
    forward: (inputs) => {
      const b = inputs[0].shape[0];
      const x = tf.stack(inputs.map((v) => tf.reshape(v, [b * size]))) as tf.Tensor2D; // [T, B·size]
      return unstack(tf.matMul(a as tf.Tensor2D, x)).map((y) => tf.reshape(y, [b, ...ctx.inShapes[0]]));
    },
  };
};

/**
 * MTAN-style task attention over the last axis C (a vector [D] or the channels of [H, W, C], i.e. a 1×1
 * convolution): W [C, T·C] (Glorot), b [T·C] (zeros); out_t = x ⊙ σ(x·W_t + b_t) + x.
 */
export const taskattention: NodeBuilder = (ctx) => {
  const shape = ctx.inShapes[0];
  const c = shape[shape.length - 1];
  const t = ctx.tasks.length;
  const w = makeVariable(initWeights(c * t * c, c, c, 'linear', nodeRng(ctx)), [c, t * c]);
  const b = filledVariable([t * c], 0);
  return {
    variables: [w, b],
    forward: (inputs) => {
      const x = tf.reshape(inputs[0], [-1, c]);
      const all = tf.sigmoid(tf.add(matMulTrained(x, w), b));
      // One part: skip Split (tfjs's SplitV gradient fails on a single part).
      const masks = t === 1 ? [all] : tf.split(all, t, 1);
      return masks.map((m) => tf.reshape(tf.add(tf.mul(x, m), x), inputs[0].shape));
    },
  };
};

/** K relu experts as one [D, K·U] matrix; returns [B, K, U]. */
function experts(x: tf.Tensor, w: tf.Variable, b: tf.Variable, k: number, units: number): tf.Tensor3D {
  return tf.reshape(tf.relu(tf.add(matMulTrained(x, w), b)), [-1, k, units]);
}

/** Softmax gates [B, T, K] from x·Wg + bg with Wg [D, T·K]. */
function gates(x: tf.Tensor, w: tf.Variable, b: tf.Variable, t: number, k: number): tf.Tensor3D {
  return tf.softmax(tf.reshape(tf.add(matMulTrained(x, w), b), [-1, t, k])) as tf.Tensor3D;
}

/**
 * MMoE: experts We [D, K·U] (He), be [K·U]; gates Wg [D, T·K] (Glorot), bg [T·K].
 * Parameters: K·(D·U + U) + T·(D·K + K). out_t = Σ_k softmax(x·Wg_t + bg_t)_k · relu(x·We_k + be_k).
 */
export const mmoe: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][0];
  const k = Number(ctx.params.experts);
  const units = Number(ctx.params.units);
  const t = ctx.tasks.length;
  const rng = nodeRng(ctx);
  const we = makeVariable(initWeights(d * k * units, d, units, 'relu', rng), [d, k * units]);
  const be = filledVariable([k * units], 0);
  const wg = makeVariable(initWeights(d * t * k, d, k, 'linear', rng), [d, t * k]);
  const bg = filledVariable([t * k], 0);
  return {
    variables: [we, be, wg, bg],
    inspect: (inputs) => ({
      title: 'Mean gate weight per expert',
      note: GATE_NOTE,
      rowLabels: taskRows(ctx),
      colLabels: numbered('E', k),
      values: meanGates(gates(inputs[0], wg, bg, t, k)),
    }),
    forward: (inputs) => {
      const x = inputs[0];
      const e = experts(x, we, be, k, units);
      return unstack(tf.matMul(gates(x, wg, bg, t, k), e), 1); // [B, T, K]·[B, K, U] → T × [B, U]
    },
  };
};

/**
 * CGC (Tang et al. 2020): Ks shared and Kt per-task relu experts in one matrix W [D, (Ks + T·Kt)·U], b;
 * gates Wg [D, T·(Ks + Kt)], bg. Task t mixes the shared experts and its own.
 * Parameters: (Ks + T·Kt)·(D·U + U) + T·(D·(Ks + Kt) + Ks + Kt).
 */
export const cgc: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][0];
  const ks = Number(ctx.params.sharedExperts);
  const kt = Number(ctx.params.taskExperts);
  const units = Number(ctx.params.units);
  const t = ctx.tasks.length;
  const all = ks + t * kt;
  const rng = nodeRng(ctx);
  const we = makeVariable(initWeights(d * all * units, d, units, 'relu', rng), [d, all * units]);
  const be = filledVariable([all * units], 0);
  const wg = makeVariable(initWeights(d * t * (ks + kt), d, ks + kt, 'linear', rng), [d, t * (ks + kt)]);
  const bg = filledVariable([t * (ks + kt)], 0);
  return {
    variables: [we, be, wg, bg],
    inspect: (inputs) => ({
      title: 'Mean gate weight per expert',
      note: `${GATE_NOTE} S = shared experts, T = the row task’s own experts.`,
      rowLabels: taskRows(ctx),
      colLabels: [...numbered('S', ks), ...numbered('T', kt)],
      values: meanGates(gates(inputs[0], wg, bg, t, ks + kt)),
    }),
    forward: (inputs) => {
      const x = inputs[0];
      const e = experts(x, we, be, all, units); // [B, Ks + T·Kt, U]
      const g = gates(x, wg, bg, t, ks + kt); // [B, T, Ks + Kt]
      return ctx.tasks.map((_, i) => {
        const parts: tf.Tensor[] = [];
        if (ks > 0) parts.push(tf.slice(e, [0, 0, 0], [-1, ks, -1]));
        if (kt > 0) parts.push(tf.slice(e, [0, ks + i * kt, 0], [-1, kt, -1]));
        const mine = parts.length === 1 ? parts[0] : tf.concat(parts, 1);
        const gi = tf.slice(g, [0, i, 0], [-1, 1, -1]); // [B, 1, Ks + Kt]
        return tf.squeeze(tf.matMul(gi as tf.Tensor3D, mine as tf.Tensor3D), [1]);
      });
    },
  };
};

/** A built TAM node: also exposes its attention weights [B, H, T, L] for an input batch. */
export type TamNode = BuiltNode & { attention(x: tf.Tensor): tf.Tensor };

/**
 * Task-aware multi-head attention: the input is read as L tokens of width d; keys and values
 * Wk, Wv [d, dm]; one learned query per task Q [T, dm]; H heads of width dm/H; scaled dot-product
 * softmax over tokens; output projection Wo [dm, dm], bo [dm]. Parameters: 2·d·dm + T·dm + dm² + dm.
 */
export const tam: NodeBuilder = (ctx) => {
  const tok = tamTokens(ctx.params, ctx.inShapes);
  if (typeof tok === 'string') throw new Error(tok);
  const [len, d] = tok;
  const heads = Number(ctx.params.heads);
  const dm = Number(ctx.params.dModel);
  const dh = dm / heads;
  const t = ctx.tasks.length;
  const rng = nodeRng(ctx);
  const wk = makeVariable(initWeights(d * dm, d, dm, 'linear', rng), [d, dm]);
  const wv = makeVariable(initWeights(d * dm, d, dm, 'linear', rng), [d, dm]);
  const q = makeVariable(initWeights(t * dm, dm, t, 'linear', rng), [t, dm]);
  const wo = makeVariable(initWeights(dm * dm, dm, dm, 'linear', rng), [dm, dm]);
  const bo = filledVariable([dm], 0);

  /** tokens·W split into heads: [B·H, L, dh]. */
  const project = (tokens: tf.Tensor, w: tf.Variable, b: number) =>
    tf.reshape(tf.transpose(tf.reshape(matMulTrained(tokens, w), [b, len, heads, dh]), [0, 2, 1, 3]), [b * heads, len, dh]) as tf.Tensor3D;

  /** Attention weights [B·H, T, L] (softmax over tokens) and the values [B·H, L, dh]. */
  function attend(x: tf.Tensor): { a: tf.Tensor3D; v: tf.Tensor3D; b: number } {
    const b = x.shape[0];
    const tokens = tf.reshape(x, [b * len, d]);
    const k = project(tokens, wk, b);
    const v = project(tokens, wv, b);
    const qh = tf.transpose(tf.reshape(q, [t, heads, dh]), [1, 0, 2]); // [H, T, dh]
    const qb = tf.reshape(tf.tile(tf.expandDims(qh, 0), [b, 1, 1, 1]), [b * heads, t, dh]) as tf.Tensor3D;
    const scores = tf.mul(tf.matMul(qb, k, false, true), 1 / Math.sqrt(dh));
    return { a: tf.softmax(scores) as tf.Tensor3D, v, b };
  }

  const node: TamNode = {
    variables: [wk, wv, q, wo, bo],
    attention: (x) => {
      const { a, b } = attend(x);
      return tf.reshape(a, [b, heads, t, len]);
    },
    forward: (inputs) => {
      const { a, v, b } = attend(inputs[0]);
      const o = tf.reshape(tf.transpose(tf.reshape(tf.matMul(a, v), [b, heads, t, dh]), [0, 2, 1, 3]), [b * t, dm]); // heads joined per task
      const y = tf.reshape(tf.add(matMulTrained(o, wo), bo), [b, t, dm]);
      return unstack(y, 1);
    },
  };
  return node;
};

/**
 * CARE-style cross-task enhancement over T vector streams [D]: Wq, Wk, Wv [D, D] (Glorot);
 * out_i = x_i + Σ_{j≠i} softmax_j(q_i·k_j / √D)·v_j. One stream passes through unchanged.
 */
export const care: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][0];
  const t = ctx.inShapes.length;
  const rng = nodeRng(ctx);
  const [wq, wk, wv] = [0, 1, 2].map(() => makeVariable(initWeights(d * d, d, d, 'linear', rng), [d, d]));
  // −1e9 on the diagonal: a stream attends to the others only.
  const mask = tf.tensor2d(Array.from({ length: t * t }, (_, i) => (Math.floor(i / t) === i % t ? -1e9 : 0)), [t, t]);
  return {
    variables: [wq, wk, wv],
    dispose: () => mask.dispose(),
    forward: (inputs) => {
      if (t === 1) return [inputs[0]];
      const b = inputs[0].shape[0];
      const x = tf.stack(inputs, 1) as tf.Tensor3D; // [B, T, D]
      const flat = tf.reshape(x, [b * t, d]);
      const proj = (w: tf.Variable) => tf.reshape(matMulTrained(flat, w), [b, t, d]) as tf.Tensor3D;
      const scores = tf.add(tf.mul(tf.matMul(proj(wq), proj(wk), false, true), 1 / Math.sqrt(d)), mask);
      return unstack(tf.add(x, tf.matMul(tf.softmax(scores) as tf.Tensor3D, proj(wv))), 1);
    },
  };
};

/**
 * Ensemble: per task t and member m (index t·N + m), an MLP relu(x·W1_tm + b1_tm)·W2_tm + b2_tm.
 * W1 [D, T·N·H] (He, one draw from the node's stream, so every member starts differently), b1 [T·N·H] zeros;
 * W2 [T·N, H, U] (Glorot), b2 [T·N, U] zeros; with combine 'learned' also logits [T, N] (zeros: equal weights).
 * out_t = Σ_m w_tm·y_tm with w_tm = 1/N (mean) or softmax_m(logits_t). Parameters: T·N·(D·H + H + H·U + U) (+ T·N).
 */
export const ensemble: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][0];
  const n = Number(ctx.params.members);
  const h = Number(ctx.params.hidden);
  const u = Number(ctx.params.units);
  const t = ctx.tasks.length;
  const m = t * n;
  const rng = nodeRng(ctx);
  const w1 = makeVariable(initWeights(d * m * h, d, h, 'relu', rng), [d, m * h]);
  const b1 = filledVariable([m * h], 0);
  const w2 = makeVariable(initWeights(m * h * u, h, u, 'linear', rng), [m, h, u]);
  const b2 = filledVariable([m, u], 0);
  const logits = ctx.params.combine === 'learned' ? filledVariable([t, n], 0) : null;
  return {
    variables: logits ? [w1, b1, w2, b2, logits] : [w1, b1, w2, b2],
    ...(logits && {
      inspect: () => ({
        title: 'Member weights',
        note: 'Each task’s learned softmax weight per member (rows sum to 1; they start equal).',
        rowLabels: taskRows(ctx),
        colLabels: numbered('M', n),
        values: tf.softmax(logits) as tf.Tensor2D,
      }),
    }),
    forward: (inputs) => {
      const b = inputs[0].shape[0];
      const hid = tf.transpose(tf.reshape(tf.relu(tf.add(matMulTrained(inputs[0], w1), b1)), [b, m, h]), [1, 0, 2]); // [T·N, B, H]
      const y = tf.add(tf.matMul(hid as tf.Tensor3D, w2 as tf.Tensor3D), tf.reshape(b2, [m, 1, u])); // [T·N, B, U]
      const members = tf.reshape(y, [t, n, b * u]);
      const mixed = logits
        ? tf.matMul(tf.reshape(tf.softmax(logits), [t, 1, n]) as tf.Tensor3D, members as tf.Tensor3D) // [T, 1, B·U]
        : tf.mean(members, 1);
      return unstack(tf.reshape(mixed, [t, b, u]));
    },
  };
};
