/** Builders for normalisation layers and the residual block. */
import * as tf from '@tensorflow/tfjs-core';
import { denseForward, activate, filledVariable, initWeights, makeVariable, nodeRng, type NodeBuilder } from './common';

const LAYERNORM_EPS = 1e-5;
const BATCHNORM_EPS = 1e-3;

/** (x − mean) / √(var + ε) over the last axis of each example, then · gain [D] (ones) + bias [D] (zeros). */
export const layernorm: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][ctx.inShapes[0].length - 1];
  const gain = filledVariable([d], 1);
  const bias = filledVariable([d], 0);
  return {
    variables: [gain, bias],
    forward: (inputs) => {
      const x = inputs[0];
      const { mean, variance } = tf.moments(x, -1, true);
      return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, LAYERNORM_EPS))), gain), bias);
    },
  };
};

/**
 * Per-feature (per-channel for images) normalisation over the batch and every axis but the last.
 * Trainable: gamma (ones) and beta (zeros). Running mean (zeros) and variance (ones) are NOT
 * trainable and live outside `variables`; they move once per training step (the first training
 * forward of that step: per-task strategies run several passes over the same batch):
 * running ← momentum·running + (1 − momentum)·batch. Evaluation normalises with them.
 */
export const batchnorm: NodeBuilder = (ctx) => {
  const shape = ctx.inShapes[0];
  const c = shape[shape.length - 1];
  const axes = shape.map((_, i) => i); // batch + all but the last example axis
  const momentum = Number(ctx.params.momentum);
  const gamma = filledVariable([c], 1);
  const beta = filledVariable([c], 0);
  const runMean = filledVariable([c], 0, false);
  const runVar = filledVariable([c], 1, false);
  let updatedAt = -1;
  const normalise = (x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor) =>
    tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, BATCHNORM_EPS))), gamma), beta);
  return {
    variables: [gamma, beta],
    state: [runMean, runVar],
    forward: (inputs, training, step) => {
      const x = inputs[0];
      if (!training) return normalise(x, runMean, runVar);
      const { mean, variance } = tf.moments(x, axes);
      if (step !== updatedAt) {
        updatedAt = step;
        tf.tidy(() => {
          runMean.assign(tf.add(tf.mul(runMean, momentum), tf.mul(mean, 1 - momentum)));
          runVar.assign(tf.add(tf.mul(runVar, momentum), tf.mul(variance, 1 - momentum)));
        });
      }
      return normalise(x, mean, variance);
    },
    dispose: () => {
      runMean.dispose();
      runVar.dispose();
    },
  };
};

/** y = act(x + W₂·act(W₁·x + b₁) + b₂); W₁, W₂ [D, D] (He for relu/elu, else Glorot), zero biases. */
export const residual: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][0];
  const activation = String(ctx.params.activation);
  const rng = nodeRng(ctx);
  const w1 = makeVariable(initWeights(d * d, d, d, activation, rng), [d, d]);
  const b1 = filledVariable([d], 0);
  const w2 = makeVariable(initWeights(d * d, d, d, activation, rng), [d, d]);
  const b2 = filledVariable([d], 0);
  return {
    variables: [w1, b1, w2, b2],
    forward: (inputs, training) => {
      const x = inputs[0];
      const h = denseForward(x, w1, b1, activation, training);
      return activate(tf.add(x, denseForward(h, w2, b2, 'linear', training)), activation);
    },
  };
};
