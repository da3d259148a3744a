/**
 * MMoE builder: experts We [D, K·U] (He), be [K·U]; gates Wg [D, T·K] (Glorot), bg [T·K].
 * Parameters: K·(D·U + U) + T·(D·K + K). out_t = Σ_k softmax(x·Wg_t + bg_t)_k · relu(x·We_k + be_k).
 */
import * as tf from '@tensorflow/tfjs-core';
import { filledVariable, initWeights, makeVariable, nodeRng, type NodeBuilder } from '../../train/layers/common';
import { GATE_NOTE, experts, gates, meanGates, numbered, taskRows, unstack } from '../../train/layers/multitask';

export const builder: NodeBuilder = (ctx) => {
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
