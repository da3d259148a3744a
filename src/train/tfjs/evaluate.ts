/** The tfjs engine's reads of the model in inference mode: evaluation, predictions, input gradients, live inspection. */
import * as tf from '@tensorflow/tfjs-core';
import type { DatasetArrays, TaskSpec } from '../../model';
import type { BuiltModel } from '../builder';
import type { TaskLoss } from '../losses';
import type { EngineCore } from '../trainer';
import type { Device } from './device';

/** Validation rows the live inspection (mean gate weights) averages over. */
const INSPECT_ROWS = 256;

/** The inference-mode parts of the engine core; every call reads the device once, asynchronously. */
export function tfjsEvaluator(
  tasks: TaskSpec[],
  model: BuiltModel,
  device: Device,
  losses: TaskLoss[],
  data: Pick<DatasetArrays, 'inputDim' | 'nVal'>,
): Pick<EngineCore, 'evaluate' | 'predict' | 'inputGradient' | 'inspect'> {
  const D = data.inputDim;
  return {
    /** Train loss on the eval subset, validation loss and metric per task, read as one stacked tensor. */
    async evaluate(at) {
      const stacked = tf.tidy(() => {
        const outTrain = model.forward(device.xEvalTrain, false, at);
        const outVal = model.forward(device.xVal, false, at);
        const parts: tf.Scalar[] = [];
        tasks.forEach((_, i) => {
          parts.push(losses[i].loss(outTrain[i], device.yEvalTrain[i]), losses[i].loss(outVal[i], device.yVal[i]), losses[i].metric(outVal[i], device.yVal[i]));
        });
        return tf.stack(parts);
      });
      let v: Float32Array;
      try {
        v = (await stacked.data()) as Float32Array;
      } finally {
        stacked.dispose();
      }
      const pick = (k: number) => tasks.map((_, i) => v[3 * i + k]);
      return { trainLoss: pick(0), valLoss: pick(1), metric: pick(2) };
    },
    async predict(x, n, at) {
      const outs = tf.tidy(() => model.forward(tf.tensor2d(x.subarray(0, n * D), [n, D]), false, at));
      try {
        return (await Promise.all(outs.map((o) => o.data()))) as Float32Array[];
      } finally {
        tf.dispose(outs);
      }
    },
    /** By tf.grad with respect to the input. */
    async inputGradient(t, x, y, n, at) {
      const g = tf.tidy(() => {
        const labels = losses[t].labels(y, n, tasks[t]);
        const lossOfX = (xs: tf.Tensor) => losses[t].loss(model.forward(xs, false, at)[t], labels);
        return tf.grad(lossOfX)(tf.tensor2d(x.subarray(0, n * D), [n, D]));
      });
      try {
        return (await g.data()) as Float32Array;
      } finally {
        g.dispose();
      }
    },
    async inspect() {
      // Gate means over at most INSPECT_ROWS validation rows: a steady view at the cost of one small forward pass.
      const x = tf.slice(device.xVal, 0, Math.min(INSPECT_ROWS, data.nVal));
      try {
        return await model.inspect(x);
      } finally {
        x.dispose();
      }
    },
  };
}
