/**
 * The tfjs engine's part of a step: the probe (forward, and every task's own backward pass when the strategy
 * or the conflict view needs per-task gradients) and the update. Only the probe reads numbers back, as one
 * asynchronous read; a step that needs none stays on the device and synchronous.
 */
import * as tf from '@tensorflow/tfjs-core';
import { sharedBoundary, usesRepresentation, weightingSpec, type ExperimentConfig } from '../../model';
import type { BuiltModel } from '../builder';
import { weightedLoss, type TaskLoss } from '../losses';
import type { PhasePlan } from '../phases';
import type { EngineCore, Need, Probe } from '../trainer';
import type { Device } from './device';
import { combinedGradients, perTaskGradients } from './gradients';

/** What a tfjs probe holds on the device until the update has used it. */
export interface TfProbe extends Probe {
  /** the batch, kept for an update that runs the weighted forward pass itself (no per-task gradients) */
  batch: { x: tf.Tensor; ys: tf.Tensor[] } | null;
  /** per task, its gradient on the variables feeding it ('grads') */
  perTaskGrads: Record<string, tf.Tensor>[] | null;
  /** [T, nShared] the tasks' gradients on the shared variables, flattened ('grads' with shared variables) */
  flat: tf.Tensor2D | null;
  /** [T] the batch's losses ('losses' and 'grads') */
  lossTensor: tf.Tensor | null;
}

const EMPTY = { losses: null, gram: null, solveGram: null, batch: null, perTaskGrads: null, flat: null, lossTensor: null } as const;

/** Frees every tensor a probe holds. */
function release(p: TfProbe): void {
  const held: tf.Tensor[] = [...(p.batch ? [p.batch.x, ...p.batch.ys] : []), ...(p.flat ? [p.flat] : []), ...(p.lossTensor ? [p.lossTensor] : [])];
  for (const g of p.perTaskGrads ?? []) held.push(...Object.values(g));
  tf.dispose(held);
}

/** Probe, update and release over the model and the device. `keepEpochLoss`: add every step's losses to the epoch's sum. */
export function tfjsStep(
  config: ExperimentConfig,
  model: BuiltModel,
  device: Device,
  losses: TaskLoss[],
  phases: PhasePlan,
  keepEpochLoss: boolean,
): Pick<EngineCore<TfProbe>, 'probe' | 'update' | 'lossesAfter' | 'release'> {
  const T = config.tasks.length;
  const boundaryIds = usesRepresentation(config.weighting) ? sharedBoundary(config.graph, model.headIds) : null;
  const wantVectors = weightingSpec(config.weighting.kind)?.gradVectors ?? false;
  const taskLosses = (x: tf.Tensor, ys: tf.Tensor[], s: number) => model.forward(x, true, s).map((o, i) => losses[i].loss(o, ys[i]));
  const toGram = (G: ArrayLike<number>) => config.tasks.map((_, i) => config.tasks.map((__, j) => G[i * T + j]));

  /** Σ w_t·L_t over the tasks whose loss counts now (an inactive task's term is left out, not multiplied by 0: NaN-safe). */
  const combinedLoss = (ls: tf.Scalar[], w: number[], s: number): tf.Scalar => {
    if (!phases.scheduled) return weightedLoss(ls, w);
    const on = phases.activeTasks(s);
    return weightedLoss(ls.filter((_, i) => on[i]), w.filter((_, i) => on[i]));
  };

  /** The probe of a step that reads numbers: one asynchronous read of everything it needs; frees its tensors if the read fails. */
  async function readProbe(s: number, start: number, need: Exclude<Need, 'none'>): Promise<TfProbe> {
    if (need === 'losses') {
      const { batch, lossTensor } = tf.tidy(() => {
        const b = device.batch(start);
        return { batch: b, lossTensor: tf.stack(taskLosses(b.x, b.ys, s)) };
      });
      const p: TfProbe = { ...EMPTY, batch, lossTensor };
      try {
        return { ...p, losses: Array.from(await lossTensor.data()) };
      } catch (err) {
        release(p);
        throw err;
      }
    }
    const held = tf.tidy(() => {
      const { x, ys } = device.batch(start);
      return perTaskGradients(model, losses, device.params, s, x, ys, boundaryIds) as unknown as tf.TensorContainer;
    }) as unknown as ReturnType<typeof perTaskGradients>;
    const p: TfProbe = { ...EMPTY, perTaskGrads: held.perTaskGrads, flat: held.flat ?? null, lossTensor: held.lossTensor };
    try {
      const vectors = wantVectors && held.flat ? held.flat.data() : undefined;
      const [lossValues, gramValues, repValues, flatValues] = await Promise.all([held.lossTensor.data(), held.gram?.data(), held.repGram?.data(), vectors]);
      const gram = gramValues ? toGram(gramValues) : null;
      const n = held.flat?.shape[1] ?? 0;
      const grads = flatValues ? config.tasks.map((_, t) => (flatValues as Float32Array).subarray(t * n, (t + 1) * n)) : null;
      return { ...p, losses: Array.from(lossValues), gram, solveGram: repValues ? toGram(repValues) : gram, grads };
    } catch (err) {
      release(p);
      throw err;
    } finally {
      tf.dispose([held.gram, held.repGram].filter((t): t is tf.Tensor => t !== undefined));
    }
  }

  return {
    probe(s, start, need) {
      if (need !== 'none') return readProbe(s, start, need);
      return { ...EMPTY, batch: tf.tidy(() => device.batch(start)) };
    },
    update(s, p, w) {
      const { vars } = device.params;
      if (p.perTaskGrads) {
        if (keepEpochLoss) tf.tidy(() => device.addEpochLoss(p.lossTensor!));
        tf.tidy(() => device.optimizer.apply(combinedGradients(device.params, { perTaskGrads: p.perTaskGrads!, flat: p.flat ?? undefined }, w.shared, w.task, w.direction)));
        return;
      }
      const { x, ys } = p.batch!;
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => {
          const ls = taskLosses(x, ys, s);
          if (keepEpochLoss) device.addEpochLoss(tf.stack(ls));
          return combinedLoss(ls, w.task, s);
        }, vars);
        device.optimizer.apply(vars.map((v) => grads[v.name]));
      });
    },
    async lossesAfter(s, start) {
      // The same rows as the probe (gathered again: a gradient probe keeps no batch), at the updated variables.
      const values = tf.tidy(() => {
        const { x, ys } = device.batch(start);
        return tf.stack(taskLosses(x, ys, s));
      });
      try {
        return Array.from(await values.data());
      } finally {
        values.dispose();
      }
    },
    release,
  };
}
