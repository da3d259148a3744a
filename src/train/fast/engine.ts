/**
 * The JS engine's trainer: forward, backward and optimiser in plain typed-array loops, with the tfjs
 * engine's batching (same seeded epoch row orders), losses and optimiser maths, driven by the same step
 * skeleton (assembleTrainer). No allocation per step: every buffer is made once.
 */
import { headsFedBy, sharedBoundary, type DatasetArrays, type ExperimentConfig, type NodeInspection } from '../../model';
import { assembleTrainer, trainingSetup, type Trainer, type TrainerOptions } from '../trainer';
import { fastEvaluator } from './evaluate';
import { bindInput, buffers, forward, type Buffers, type Topology } from './passes';
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

/** Validation rows the live inspection (mean gate weights) averages over, as on the tfjs engine. */
const INSPECT_ROWS = 256;

/** The live tables of the nodes that offer one (FastLayer.inspect), in plan order, from the first validation rows in inference mode. */
function fastInspector(plan: FastPlan, data: DatasetArrays): () => NodeInspection[] {
  const shown = plan.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.layer.inspect);
  let buf: Buffers | null = null;
  return () => {
    if (shown.length === 0) return [];
    // made on first use: most graphs have nothing to inspect
    buf ??= buffers(plan, Math.min(INSPECT_ROWS, data.nVal), 'none');
    bindInput(plan, buf, data.xVal);
    forward(plan, plan.P, buf, false, 0);
    return shown.map(({ n, i }) => ({ nodeId: n.id, kind: n.kind, ...n.layer.inspect!(buf!.io[i], plan.P) }));
  };
}

/** A trainer on the JS engine for a config whose graph compileFast accepts. */
export function createFastTrainer(config: ExperimentConfig, data: DatasetArrays, opts: TrainerOptions = {}): Trainer {
  const setup = trainingSetup(config, data, opts);
  const plan = compileFast(config, data.inputDim);
  const topo = topology(config, plan);
  const inspect = fastInspector(plan, data);
  return assembleTrainer(setup, {
    paramCount: plan.P.length,
    ...fastStep(config, data, plan, topo, setup.geometry, setup.lossMode === 'epoch', setup.phases),
    ...fastEvaluator(config.tasks, data, plan, topo, setup.geometry),
    weights: async () => snapshotFast(plan),
    inspect: async () => inspect(),
    loadWeights: (init) => loadFast(plan, init),
    dispose() {},
  });
}
