/**
 * DSelect-k builder (task-only gate, as the official dselect_k_moe DSelectKGate without routing inputs):
 * experts We [D, N·U] (He), be [N·U]; per task t selector logits z [T, k, m] (m = log2 N, U(−γ/100, γ/100))
 * and selector weights w [T, k] (U(−0.05, 0.05)), drawn in that order from the node's stream.
 * a_t = Σ_i softmax(w_t)_i · Π_b (bit_b(e) ? S(z_tib) : 1 − S(z_tib)); out_t = Σ_e a_te · relu(x·We_e + be_e).
 * S is the smooth step: 0 below −γ/2, 1 above γ/2, −2x³/γ³ + 3x/(2γ) + 1/2 between.
 */
import * as tf from '@tensorflow/tfjs-core';
import { filledVariable, initWeights, makeVariable, nodeRng, type NodeBuilder } from '../../train/layers/common';
import { experts, numbered, taskRows, unstack } from '../../train/layers/multitask';
import { DSELECT_NOTE, dselectSizes } from './spec';


/** The smooth step on a tensor (clipping to ±γ/2 where the cubic reaches 0 and 1 with zero slope). */
function smoothStep(z: tf.Tensor, gamma: number): tf.Tensor {
  const c = tf.clipByValue(z, -gamma / 2, gamma / 2);
  return tf.add(tf.sub(tf.mul(c, 3 / (2 * gamma)), tf.mul(tf.mul(tf.mul(c, c), c), 2 / gamma ** 3)), 0.5);
}

export const builder: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][0];
  const { n, k, units, gamma, m } = dselectSizes(ctx.params);
  const t = ctx.tasks.length;
  const rng = nodeRng(ctx);
  const we = makeVariable(initWeights(d * n * units, d, units, 'relu', rng), [d, n * units]);
  const be = filledVariable([n * units], 0);
  const z = makeVariable(Float32Array.from({ length: t * k * m }, () => ((rng.next() * 2 - 1) * gamma) / 100), [t, k, m]);
  const w = makeVariable(Float32Array.from({ length: t * k }, () => (rng.next() * 2 - 1) * 0.05), [t, k]);
  // bit b of expert e, most significant first (np.binary_repr's order)
  const bits = Array.from({ length: m }, (_, b) => Array.from({ length: n }, (_, e) => (e >> (m - 1 - b)) & 1));
  /** Expert weights a [T, N]. */
  const weights = (): tf.Tensor2D => {
    const s = smoothStep(z, gamma);
    let sel: tf.Tensor = tf.ones([t, k, n]);
    for (let b = 0; b < m; b++) {
      const sb = tf.slice(s, [0, 0, b], [t, k, 1]); // [T, k, 1]
      const c = tf.tensor1d(bits[b]); // [N]
      sel = tf.mul(sel, tf.add(tf.mul(c, sb), tf.mul(tf.sub(1, c), tf.sub(1, sb))));
    }
    const p = tf.expandDims(tf.softmax(w), 2); // [T, k, 1]
    return tf.sum(tf.mul(p, sel), 1) as tf.Tensor2D;
  };
  return {
    variables: [we, be, z, w],
    inspect: () => ({ title: 'Expert weights per task', note: DSELECT_NOTE, rowLabels: taskRows(ctx), colLabels: numbered('E', n), values: tf.tidy(weights) }),
    forward: (inputs) => {
      const e = experts(inputs[0], we, be, n, units); // [B, N, U]
      const rows = e.shape[0];
      const y = tf.matMul(weights(), tf.reshape(tf.transpose(e, [1, 0, 2]), [n, rows * units])); // [T, B·U]
      return unstack(tf.reshape(y, [t, rows, units]), 0);
    },
  };
};
