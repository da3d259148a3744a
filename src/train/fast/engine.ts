/**
 * The JS engine's trainer: forward, backward and optimiser in plain typed-array loops, with the tfjs
 * engine's batching (same seeded epoch row orders), losses and optimiser maths, driven by the same step
 * skeleton (assembleTrainer). No allocation per step: every buffer is made once.
 */
import { headsFedBy, sharedBoundary, type DatasetArrays, type ExperimentConfig } from '../../model';
import { assembleTrainer, trainingSetup, type Trainer, type TrainerOptions } from '../trainer';
import { fastEvaluator } from './evaluate';
import type { Topology } from './passes';
import { compileFast, loadFast, snapshotFast, type FastPlan } from './plan';
import { fastStep } from './step';

/** Per node, the heads it feeds (parameters of nodes feeding ≥ 2 heads are shared), and the shared representation's nodes. */
function topology(config: ExperimentConfig, plan: FastPlan): Topology {
  const headIds = plan.heads.map((h) => plan.nodes[h].id);
  const fed = headsFedBy(config.graph, headIds);
  // The shared representation: shared nodes read by a task-specific node (MGDA-UB's Z).
  const boundaryIds = new Set(sharedBoundary(config.graph, headIds));
  return {
    feeds: plan.nodes.map((n) => fed.get(n.id) ?? new Set<number>()),
    boundary: plan.nodes.map((node) => boundaryIds.has(node.id)),
  };
}

/** A trainer on the JS engine for a config whose graph compileFast accepts (no schedule, no frozen layers). */
export function createFastTrainer(config: ExperimentConfig, data: DatasetArrays, opts: TrainerOptions = {}): Trainer {
  const setup = trainingSetup(config, data, opts);
  const plan = compileFast(config, data.inputDim);
  const topo = topology(config, plan);
  return assembleTrainer(setup, {
    paramCount: plan.P.length,
    trains: () => true,
    ...fastStep(config, data, plan, topo, setup.geometry, setup.lossMode === 'epoch'),
    ...fastEvaluator(config.tasks, data, plan, topo, setup.geometry),
    weights: async () => snapshotFast(plan),
    // Dense graphs only: no mixing matrices or gates to show.
    inspect: async () => [],
    loadWeights: (init) => loadFast(plan, init),
    dispose() {},
  });
}
