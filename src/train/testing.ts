/**
 * Test-only helpers, for tests in src/train and outside it (e.g. src/export's parity tests), so that tfjs
 * stays imported by src/train alone. Never imported by app code.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { MetricPoint } from '../protocol';
import type { BuiltModel } from './builder';
import { trainLoop } from './loop';
import type { Trainer } from './trainer';

/** Run tfjs on its CPU backend (Node tests). */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
}

/** tfjs tensors alive now (soak checks: the count must stay flat while a trainer runs). */
export function liveTensors(): number {
  return tf.memory().numTensors;
}

/** Up to n more steps (bounded by totalSteps) through the worker's loop, evaluating when due (the current step first); the new points. */
export async function runSteps(trainer: Trainer, n: number): Promise<MetricPoint[]> {
  const points: MetricPoint[] = [];
  await trainLoop(trainer, { onEval: (p) => void points.push(p) }, trainer.step + n);
  return points;
}

/** The heads' outputs of one forward pass over n rows of x (n × inputDim), in training mode when `training` (BatchNorm updates its statistics). */
export async function forwardOnce(model: BuiltModel, x: Float32Array, n: number, inputDim: number, training: boolean): Promise<Float32Array[]> {
  const outs = tf.tidy(() => model.forward(tf.tensor2d(x, [n, inputDim]), training, 0));
  const values = await Promise.all(outs.map((o) => o.data() as Promise<Float32Array>));
  tf.dispose(outs);
  return values;
}
