/**
 * LSTM builder over [batch, L, D] sequences; its cell is shared with the Bidirectional LSTM.
 * Gate order (columns of W, U and b, each block `units` wide): i (input), f (forget),
 * g (candidate), o (output), as in Keras:
 *   z = x_t·W + h·U + b;  i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o)
 *   c = f ⊙ c + i ⊙ g;    h = o ⊙ tanh(c);       h₀ = c₀ = 0
 */
import * as tf from '@tensorflow/tfjs-core';
import { initWeights, makeVariable, matMulTrained, nodeRng, type NodeBuilder, type Rng } from '../../train/layers/common';

/** One LSTM cell's variables. */
export interface Cell {
  w: tf.Variable;
  u: tf.Variable;
  b: tf.Variable;
}

/** W [D, 4u], U [u, 4u] (Glorot), b [4u]: zeros except the forget block, 1 (remember by default). */
export function makeCell(d: number, units: number, rng: Rng): Cell {
  const w = makeVariable(initWeights(d * 4 * units, d, 4 * units, 'linear', rng), [d, 4 * units]);
  const u = makeVariable(initWeights(units * 4 * units, units, 4 * units, 'linear', rng), [units, 4 * units]);
  const bias = new Float32Array(4 * units);
  bias.fill(1, units, 2 * units);
  return { w, u, b: makeVariable(bias, [4 * units]) };
}

/** Hidden states of one pass over x [B, L, D], unrolled in time (reversed when `backward`), in input time order. */
export function runCell(cell: Cell, x: tf.Tensor, units: number, backward: boolean): tf.Tensor2D[] {
  const [batch, len, d] = x.shape;
  // Input projections of every step in one matMul: [B·L, D]·[D, 4u] → [B, L, 4u].
  const xw = tf.reshape(tf.add(matMulTrained(tf.reshape(x, [batch * len, d]), cell.w), cell.b), [batch, len, 4 * units]);
  const steps = tf.unstack(xw, 1) as tf.Tensor2D[];
  const hs: tf.Tensor2D[] = new Array(len);
  let h: tf.Tensor2D | null = null;
  let c: tf.Tensor2D | null = null;
  for (let k = 0; k < len; k++) {
    const t = backward ? len - 1 - k : k;
    const z = h ? tf.add(steps[t], tf.matMul(h, cell.u as tf.Tensor2D)) : steps[t];
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const ig = tf.mul(tf.sigmoid(zi), tf.tanh(zg));
    c = (c ? tf.add(tf.mul(tf.sigmoid(zf), c), ig) : ig) as tf.Tensor2D;
    h = tf.mul(tf.sigmoid(zo), tf.tanh(c)) as tf.Tensor2D;
    hs[t] = h;
  }
  return hs;
}

/** The pass's output: every state [B, L, u] or the last one read, [B, u]. */
export function cellOutput(hs: tf.Tensor2D[], backward: boolean, sequences: boolean): tf.Tensor {
  return sequences ? tf.stack(hs, 1) : hs[backward ? 0 : hs.length - 1];
}

export const builder: NodeBuilder = (ctx) => {
  const units = Number(ctx.params.units);
  const sequences = Boolean(ctx.params.returnSequences);
  const cell = makeCell(ctx.inShapes[0][1], units, nodeRng(ctx));
  return {
    variables: [cell.w, cell.u, cell.b],
    forward: (inputs) => cellOutput(runCell(cell, inputs[0], units, false), false, sequences),
  };
};
