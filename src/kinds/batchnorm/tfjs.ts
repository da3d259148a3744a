/**
 * BatchNorm builder: per-feature (per-channel for images) normalisation over the batch and every axis but the last.
 * Trainable: gamma (ones) and beta (zeros). Running mean (zeros) and variance (ones) are NOT
 * trainable and live outside `variables`; they move once per training step (the first training
 * forward of that step: per-task strategies run several passes over the same batch):
 * running ← momentum·running + (1 − momentum)·batch. Evaluation normalises with them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { filledVariable, type NodeBuilder } from '../../train/layers/common';
import { BATCHNORM_EPS } from './spec';


export const builder: NodeBuilder = (ctx) => {
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
