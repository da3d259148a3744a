/**
 * PLE builder (Tang et al. 2020), in spec.ts's layout (gateSlots): per level, relu experts per group (each task, the
 * shared group) and softmax gates; task outputs of the last level are the node's outputs.
 * Parameters per level with input width d: (Ks + T·Kt)·(d·U + U) + Σ_gates (d·k + k).
 */
import * as tf from '@tensorflow/tfjs-core';
import { filledVariable, initWeights, makeVariable, nodeRng, type NodeBuilder } from '../../train/layers/common';
import { experts, gates, taskRows } from '../../train/layers/multitask';
import { gateSlots, pleSizes, pleTable } from './spec';

export const builder: NodeBuilder = (ctx) => {
  const { levels, ks, kt, units } = pleSizes(ctx.params);
  const t = ctx.tasks.length;
  const rng = nodeRng(ctx);
  const variables: tf.Variable[] = [];
  const lv = Array.from({ length: levels }, (_, l) => {
    const d = l === 0 ? ctx.inShapes[0][0] : units;
    const ex = Array.from({ length: t + 1 }, (_, g) => {
      const k = g === t ? ks : kt;
      const w = makeVariable(initWeights(d * k * units, d, units, 'relu', rng), [d, k * units]);
      const b = filledVariable([k * units], 0);
      variables.push(w, b);
      return { w, b, k };
    });
    const gt = gateSlots(t, ks, kt, l === levels - 1).map((k) => {
      const w = makeVariable(initWeights(d * k, d, k, 'linear', rng), [d, k]);
      const b = filledVariable([k], 0);
      variables.push(w, b);
      return { w, b, k };
    });
    return { ex, gt };
  });
  /** Task outputs [B, U] and every gate's probabilities [B, 1, k], level by level. */
  const run = (x: tf.Tensor) => {
    let xs: tf.Tensor[] = Array.from({ length: t + 1 }, () => x);
    const probs: tf.Tensor3D[][] = [];
    for (const { ex, gt } of lv) {
      const e = ex.map((v, g) => experts(xs[g], v.w, v.b, v.k, units)); // [B, K_g, U]
      const ps = gt.map((v, g) => gates(xs[g], v.w, v.b, 1, v.k));
      xs = ps.map((p, g) => {
        const pool = tf.concat(g === t ? [e[t], ...e.slice(0, t)] : [e[t], e[g]], 1) as tf.Tensor3D;
        return tf.squeeze(tf.matMul(p, pool), [1]);
      });
      probs.push(ps);
    }
    return { outs: xs, probs };
  };
  return {
    variables,
    inspect: (inputs) => {
      const { probs } = run(inputs[0]);
      const means = probs.map((ps) => ps.map((p) => Array.from(tf.mean(p, [0, 1]).dataSync())));
      const table = pleTable(taskRows(ctx), ks, kt, means);
      return { ...table, values: tf.tensor2d(table.values, [table.rows, table.cols]) };
    },
    forward: (inputs) => run(inputs[0]).outs,
  };
};
