/**
 * The tfjs engine's trainer, independent of the worker (runs in Node tests on the cpu backend). Per step:
 * gather a batch through the epoch's row order, forward, weighted loss, optimizer update — all on the device,
 * nothing read back unless the strategy needs numbers. Evaluation reads one stacked tensor asynchronously.
 */
// tfjs-core alone registers no gradients (the tfjs union package does this import). Core's index must load
// first: with register_all_gradients evaluated before it, AddN's gradient fails ("reading 'clone'" of null).
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { DatasetArrays, ExperimentConfig } from '../../model';
import { buildModel } from '../builder';
import { taskLoss } from '../losses';
import { assembleTrainer, trainingSetup, type Trainer, type TrainerOptions } from '../trainer';
import { createDevice, type Device } from './device';
import { tfjsEvaluator } from './evaluate';
import { tfjsStep } from './step';

/** A trainer for a valid config and its generated dataset; same config + backend → same numbers. */
export function createTrainer(config: ExperimentConfig, data: DatasetArrays, opts: TrainerOptions = {}): Trainer {
  const setup = trainingSetup(config, data, opts);
  const losses = config.tasks.map(taskLoss);
  const model = buildModel(config, data.inputDim);
  let dev: Device;
  try {
    dev = createDevice(config, data, model, losses, setup.phases, setup.geometry.batch, setup.geometry.nEvalTrain);
  } catch (err) {
    model.dispose();
    throw err;
  }
  return assembleTrainer(setup, {
    paramCount: model.paramCount,
    trains: () => dev.params.vars.length > 0,
    hasShared: () => dev.params.shared.length > 0,
    enterPhase: (phase) => dev.enterPhase(phase),
    startEpoch: (order) => dev.startEpoch(order),
    ...tfjsStep(config, model, dev, losses, setup.phases, setup.lossMode === 'epoch'),
    takeEpochLosses() {
      const sums = dev.takeEpochLoss();
      return sums && sums.data().then((v) => Array.from(v)).finally(() => sums.dispose());
    },
    ...tfjsEvaluator(config.tasks, model, dev, losses, data),
    weights: () => model.snapshot(),
    loadWeights: (init) => model.load(init),
    dispose() {
      dev.dispose();
      model.dispose();
    },
  });
}
