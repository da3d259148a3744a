/**
 * CGC builder (Tang et al. 2020): Ks shared and Kt per-task relu experts in one matrix W [D, (Ks + T·Kt)·U], b;
 * gates Wg [D, T·(Ks + Kt)], bg. Task t mixes the shared experts and its own.
 * Parameters: (Ks + T·Kt)·(D·U + U) + T·(D·(Ks + Kt) + Ks + Kt).
 */
import * as tf from '@tensorflow/tfjs-core';
import { filledVariable, initWeights, makeVariable, nodeRng, type NodeBuilder } from '../../train/layers/common';
import { GATE_NOTE, experts, gates, meanGates, numbered, taskRows } from '../../train/layers/multitask';

export const builder: NodeBuilder = (ctx) => {
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
