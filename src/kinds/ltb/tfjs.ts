/**
 * Learning-to-Branch builder: level sizes n_0 … n_L (`depth` inner levels of `width` blocks, then one leaf per task).
 * Variables in order: W_0 [n_0, D, U] (He), b_0 [n_0, U]; per level l ≥ 1: W_l [n_l, U, U] (He), b_l [n_l, U],
 * logits θ_l [n_l, n_{l−1}] (zeros: every parent equally likely). Block j of level l:
 * h_lj = relu((Σ_i g_lji·h_{l−1,i})·W_lj + b_lj), g_l = softmax((θ_l + Gumbel noise) / τ(step)) while training
 * (noise drawn from the node's 'gumbel' stream at that step, levels in order, row-major), one-hot argmax θ_l at evaluation.
 */
import * as tf from '@tensorflow/tfjs-core';
import { filledVariable, initWeights, makeVariable, nodeRng, type NodeBuilder } from '../../train/layers/common';
import { numbered, taskRows, unstack } from '../../train/layers/multitask';
import { purposeSeed, stepRng } from '../../train/fast/kernel';
import { LTB_NOTE, blockRows, gumbel, levelSizes, temperature } from './spec';

export const builder: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][0];
  const units = Number(ctx.params.units);
  const [tau, anneal, noise] = [Number(ctx.params.tau), Number(ctx.params.anneal), ctx.params.noise === true];
  const sizes = levelSizes(Number(ctx.params.depth), Number(ctx.params.width), ctx.tasks.length);
  const rng = nodeRng(ctx);
  const noiseSeed = purposeSeed(ctx.seed, 'gumbel', ctx.node.id);
  const w0 = makeVariable(initWeights(sizes[0] * d * units, d, units, 'relu', rng), [sizes[0], d, units]);
  const b0 = filledVariable([sizes[0], units], 0);
  const levels = sizes.slice(1).map((n, i) => ({
    w: makeVariable(initWeights(n * units * units, units, units, 'relu', rng), [n, units, units]),
    b: filledVariable([n, units], 0),
    theta: filledVariable([n, sizes[i]], 0),
  }));

  /** Parent weights [n_l, n_{l−1}] of every level ≥ 1 for this pass. */
  function parentWeights(training: boolean, step: number): tf.Tensor2D[] {
    if (!training) return levels.map(({ theta }) => tf.cast(tf.oneHot(tf.argMax(theta, 1), theta.shape[1]!), 'float32') as tf.Tensor2D);
    const t = temperature(tau, anneal, step);
    const draws = noise ? stepRng(noiseSeed, step) : null;
    return levels.map(({ theta }) => {
      const logits = draws ? tf.add(theta, tf.tensor(Float32Array.from({ length: theta.size }, () => gumbel(draws.next())), theta.shape)) : theta;
      return tf.softmax(tf.div(logits, t)) as tf.Tensor2D;
    });
  }

  return {
    variables: [w0, b0, ...levels.flatMap(({ w, b, theta }) => [w, b, theta])],
    inspect: () => ({
      title: 'Parent probabilities per block',
      note: LTB_NOTE,
      rowLabels: blockRows(sizes, taskRows(ctx)),
      colLabels: numbered('P', sizes[0]),
      values: tf.tidy(() => tf.concat(levels.map(({ theta }) => tf.softmax(theta)), 0) as tf.Tensor2D),
    }),
    forward: (inputs, training, step) => {
      const x = inputs[0] as tf.Tensor2D;
      const rows = x.shape[0];
      // level 0: [B, D]·[D, n_0·U] → [n_0, B, U]
      const wide = tf.reshape(tf.transpose(w0, [1, 0, 2]), [d, sizes[0] * units]);
      const pre = tf.reshape(tf.add(tf.matMul(x, wide), tf.reshape(b0, [1, -1])), [rows, sizes[0], units]);
      let h = tf.transpose(tf.relu(pre), [1, 0, 2]);
      const g = parentWeights(training, step);
      levels.forEach(({ w, b }, i) => {
        const n = sizes[i + 1];
        const mix = tf.reshape(tf.matMul(g[i], tf.reshape(h, [sizes[i], rows * units])), [n, rows, units]);
        h = tf.relu(tf.add(tf.matMul(mix, w), tf.expandDims(b, 1)));
      });
      return unstack(h, 0);
    },
  };
};
