/** Per-task gradients on the tfjs engine: every task's own backward pass, and the Gram matrices gradient strategies solve on. */
import * as tf from '@tensorflow/tfjs-core';
import type { BuiltModel } from '../builder';
import type { TaskLoss } from '../losses';
import type { PhaseParams } from './device';

/** The per-task pass's tensors, as tf.tidy returns them. */
export interface PerTaskHeld {
  /** per task, its gradient on the variables feeding it, by variable name ({} for a task with nothing to train) */
  perTaskGrads: Record<string, tf.Tensor>[];
  /** [T, nShared]: the tasks' gradients on the shared variables, flattened; absent without shared variables */
  flat?: tf.Tensor2D;
  /** [T] the batch's per-task losses */
  lossTensor: tf.Tensor;
  /** [T, T] flat·flatᵀ */
  gram?: tf.Tensor;
  /** [T, T] the Gram matrix at the shared representation (MGDA-UB) */
  repGram?: tf.Tensor;
}

/** Gram matrix (as a [T, T] tensor) of the tasks' gradients with respect to the shared representation Z, the outputs of `boundaryIds`. */
function representationGram(model: BuiltModel, losses: TaskLoss[], boundaryIds: string[], s: number, x: tf.Tensor, ys: tf.Tensor[]): tf.Tensor {
  const values = model.forwardValues(x, true, s);
  const zs = boundaryIds.map((id) => values.get(id)!);
  const rows = losses.map((loss, t) => {
    const lossFromZ = (...given: tf.Tensor[]) => loss.loss(model.forward(x, true, s, new Map(boundaryIds.map((id, i) => [id, given[i]])))[t], ys[t]);
    return tf.concat(tf.grads(lossFromZ)(zs).map((g) => tf.reshape(g, [-1])));
  });
  const flat = tf.stack(rows) as tf.Tensor2D;
  return tf.matMul(flat, flat, false, true);
}

/**
 * Every task's own gradient on batch (x, ys) at step s (T forward/backward passes over `params`), their losses and
 * Gram matrices (the representation's when boundaryIds is given); the rest of the temporaries are freed.
 */
export function perTaskGradients(model: BuiltModel, losses: TaskLoss[], params: PhaseParams, s: number, x: tf.Tensor, ys: tf.Tensor[], boundaryIds: string[] | null): PerTaskHeld {
  // tidy keeps every tensor of the returned object.
  return tf.tidy((): tf.TensorContainer => {
    const { shared, perTask } = params;
    const perTaskGrads: Record<string, tf.Tensor>[] = [];
    const values: tf.Scalar[] = [];
    losses.forEach((loss, t) => {
      // A task with nothing to train this phase (its layers are all inactive or frozen): its loss only.
      if (perTask[t].length === 0) {
        perTaskGrads.push({});
        values.push(loss.loss(model.forward(x, true, s)[t], ys[t]));
        return;
      }
      const { value, grads } = tf.variableGrads(() => loss.loss(model.forward(x, true, s)[t], ys[t]), perTask[t]);
      perTaskGrads.push(grads);
      values.push(value);
    });
    // A shared variable a task does not reach has a zero gradient from it.
    const flat = shared.length ? (tf.stack(perTaskGrads.map((g) => tf.concat(shared.map((v) => tf.reshape(g[v.name] ?? tf.zerosLike(v), [-1]))))) as tf.Tensor2D) : undefined;
    const out: PerTaskHeld = {
      perTaskGrads,
      flat,
      lossTensor: tf.stack(values),
      gram: flat ? tf.matMul(flat, flat, false, true) : undefined,
      repGram: boundaryIds?.length ? representationGram(model, losses, boundaryIds, s, x, ys) : undefined,
    };
    return out as unknown as tf.TensorContainer;
  }) as unknown as PerTaskHeld;
}

/**
 * The update's gradients: shared variables along Σ α_t·g_t (α = shared) or along `direction` when given (flat, the
 * order of held.flat's columns), each task-specific variable along w_t·g_t (w = task). Call in tf.tidy.
 */
export function combinedGradients(params: PhaseParams, held: Pick<PerTaskHeld, 'perTaskGrads' | 'flat'>, shared: number[], task: number[], direction?: Float64Array): tf.Tensor[] {
  const T = shared.length;
  const combinedShared = !held.flat ? null : direction ? tf.tensor1d(Float32Array.from(direction)) : tf.squeeze(tf.matMul(tf.tensor2d(shared, [1, T]), held.flat), [0]);
  const sharedParts = combinedShared ? tf.split(combinedShared, params.shared.map((v) => v.size)) : [];
  const sharedGrad = new Map(params.shared.map((v, i) => [v.name, tf.reshape(sharedParts[i], v.shape)]));
  return params.vars.map((v, i) => {
    const g = sharedGrad.get(v.name);
    if (g) return g;
    const t = [...params.tasksOf[i]][0];
    return tf.mul(held.perTaskGrads[t][v.name], task[t]);
  });
}
