/** Helpers shared by the builders of the per-task (multi-output) kinds: task rows of inspection tables, experts and gates. */
import * as tf from '@tensorflow/tfjs-core';
import { matMulTrained, type NodeBuildContext } from './common';
import { taskRows as taskRowsOf } from '../tables';

/** tf.unstack, except along an axis of size 1: tfjs's Unpack gradient fails there (one task alone, e.g. a baseline). */
export function unstack(x: tf.Tensor, axis = 0): tf.Tensor[] {
  return x.shape[axis] === 1 ? [tf.squeeze(x, [axis])] : tf.unstack(x, axis);
}

/** Row labels of an inspection table: one row per task (output k belongs to task k). */
export const taskRows = (ctx: NodeBuildContext): string[] => taskRowsOf(ctx.tasks);

export { numbered, GATE_NOTE } from '../tables';

/** Each task's gate weight per expert averaged over the batch: [B, T, K] → [T, K] (rows sum to 1). */
export const meanGates = (g: tf.Tensor3D): tf.Tensor2D => tf.mean(g, 0) as tf.Tensor2D;

/** K relu experts as one [D, K·U] matrix; returns [B, K, U]. */
export function experts(x: tf.Tensor, w: tf.Variable, b: tf.Variable, k: number, units: number): tf.Tensor3D {
  return tf.reshape(tf.relu(tf.add(matMulTrained(x, w), b)), [-1, k, units]);
}

/** Softmax gates [B, T, K] from x·Wg + bg with Wg [D, T·K]. */
export function gates(x: tf.Tensor, w: tf.Variable, b: tf.Variable, t: number, k: number): tf.Tensor3D {
  return tf.softmax(tf.reshape(tf.add(matMulTrained(x, w), b), [-1, t, k])) as tf.Tensor3D;
}
