/** Graph → tfjs model: builds the nodes that lead to a head, in topological order, via NODE_BUILDERS. */
import * as tf from '@tensorflow/tfjs-core';
import { graphPlan, matchWarmStart, type ExperimentConfig, type WarmInit, type WarmStartEntry } from '../model';
import type { NodeWeights } from '../protocol';
import type { NodeInspection } from '../model';
import { NODE_BUILDERS, type BuiltNode, type InspectTable } from './layers';

export interface BuiltModel {
  /** all trainable variables, in build order (deterministic for a given graph); frozen nodes' variables are not among them */
  variables: tf.Variable[];
  /**
   * x: [batch, inputDim] → one output per task in config.tasks order, each [batch, headUnits(task)]; `given` replaces
   * nodes' outputs (by node id; a multi-output node's value is its outputs flattened and joined, as in forwardValues)
   */
  forward(x: tf.Tensor, training: boolean, step: number, given?: Map<string, tf.Tensor>): tf.Tensor[];
  /** every built node's output for x, by node id; a multi-output node's outputs are flattened to [batch, size] and joined in handle order */
  forwardValues(x: tf.Tensor, training: boolean, step: number): Map<string, tf.Tensor>;
  /** frees every variable (frozen ones too), and each node's own state (BuiltNode.dispose) */
  dispose(): void;
  /** total number of scalars in the model's weights, frozen ones included */
  paramCount: number;
  /** id of the node that owns each variable (same order as `variables`) */
  variableNodes: string[];
  /** head node id per task, in config.tasks order */
  headIds: string[];
  /** every built node's weights (variables, then state), frozen ones included, in build order; reads the device */
  snapshot(): Promise<NodeWeights[]>;
  /** live tables of the nodes that offer one (BuiltNode.inspect), in build order, from rows x [n, inputDim] in inference mode; reads the device */
  inspect(x: tf.Tensor): Promise<NodeInspection[]>;
  /** warm start: assign each given node's tensors (variables, then state, as in snapshot) where the id and every shape match; frozen nodes too */
  load(nodes: readonly WarmInit[]): WarmStartEntry[];
}

interface PlanEntry {
  id: string;
  kind: string;
  /** per incoming edge: source node id and which of its outputs it reads */
  sources: { id: string; k: number }[];
  /** the node's output shapes (batch excluded), in handle order */
  outShapes: number[][];
  /** true for kinds with several outputs (forward returns a list) */
  multi: boolean;
  frozen: boolean;
  built: BuiltNode;
}

/** Build the model for a valid graph; throws the graph's first error in words otherwise. Weights depend only on (seed, node ids, shapes). */
export function buildModel(config: Pick<ExperimentConfig, 'graph' | 'tasks' | 'seed'>, inputDim: number): BuiltModel {
  const { headIds, nodes } = graphPlan(config.graph, { inputDim, tasks: config.tasks });

  const plan: PlanEntry[] = [];
  try {
    for (const { node, spec, params, sources, inShapes, outShapes } of nodes) {
      const id = node.id;
      const builder = NODE_BUILDERS[node.kind];
      if (!builder) throw new Error(`No training builder for node kind "${node.kind}".`);
      const built = builder({ node, params, inShapes, outShape: outShapes[0], outShapes, seed: config.seed, tasks: config.tasks });
      const frozen = params.frozen === true;
      // Frozen weights stay out of `variables`: the optimiser and tf.variableGrads never see them.
      if (frozen) for (const v of built.variables) v.trainable = false;
      plan.push({ id, kind: node.kind, sources, outShapes, multi: !!spec.outputs, frozen, built });
    }
  } catch (err) {
    for (const p of plan) {
      for (const v of p.built.variables) v.dispose();
      p.built.dispose?.();
    }
    throw err;
  }

  const trained = plan.filter((p) => !p.frozen);
  const variables = trained.flatMap((p) => p.built.variables);
  const variableNodes = trained.flatMap((p) => p.built.variables.map(() => p.id));
  const allVariables = plan.flatMap((p) => p.built.variables);
  const paramCount = allVariables.reduce((a, v) => a + v.size, 0);

  /** Every node's outputs (one tensor per handle), in plan order. */
  function run(x: tf.Tensor, training: boolean, step: number, given?: Map<string, tf.Tensor>): Map<string, tf.Tensor[]> {
    const values = new Map<string, tf.Tensor[]>();
    for (const p of plan) {
      const fixed = given?.get(p.id);
      if (fixed) {
        values.set(p.id, p.multi ? split(fixed, p.outShapes) : [fixed]);
        continue;
      }
      const ins = p.sources.length === 0 ? [x] : p.sources.map((s) => values.get(s.id)![s.k]);
      const out = p.built.forward(ins, training, step);
      values.set(p.id, Array.isArray(out) ? out : [out]);
    }
    return values;
  }

  /** One tensor per node: a multi-output node's outputs flattened and joined (so callers can treat it as one representation). */
  function joined(values: Map<string, tf.Tensor[]>): Map<string, tf.Tensor> {
    const out = new Map<string, tf.Tensor>();
    for (const p of plan) {
      const v = values.get(p.id)!;
      out.set(p.id, p.multi ? tf.concat(v.map((t) => tf.reshape(t, [t.shape[0], -1])), 1) : v[0]);
    }
    return out;
  }

  return {
    variables,
    variableNodes,
    headIds,
    paramCount,
    forward(x, training, step, given) {
      const values = run(x, training, step, given);
      return headIds.map((h) => values.get(h)![0]);
    },
    forwardValues: (x, training, step) => joined(run(x, training, step)),
    async inspect(x) {
      const shown = plan.filter((p) => p.built.inspect);
      if (shown.length === 0) return [];
      let tables: InspectTable[] = [];
      const kept = tf.tidy(() => {
        const values = run(x, false, 0);
        tables = shown.map((p) => p.built.inspect!(p.sources.length === 0 ? [x] : p.sources.map((s) => values.get(s.id)![s.k])));
        return tables.map((t) => t.values);
      });
      try {
        const data = await Promise.all(kept.map((v) => v.data()));
        return tables.map((t, i) => ({
          nodeId: shown[i].id,
          kind: shown[i].kind,
          title: t.title,
          note: t.note,
          rows: kept[i].shape[0],
          cols: kept[i].shape[1],
          rowLabels: t.rowLabels,
          colLabels: t.colLabels,
          values: Array.from(data[i]),
        }));
      } finally {
        tf.dispose(kept);
      }
    },
    async snapshot() {
      const out: NodeWeights[] = [];
      for (const p of plan) {
        const vars = [...p.built.variables, ...(p.built.state ?? [])];
        const values = await Promise.all(vars.map((v) => v.data() as Promise<Float32Array>));
        out.push({ id: p.id, kind: p.kind, tensors: vars.map((v, i) => ({ shape: v.shape.slice(), values: Float32Array.from(values[i]) })) });
      }
      return out;
    },
    load(nodes) {
      const owned = (p: PlanEntry) => [...p.built.variables, ...(p.built.state ?? [])];
      const report = matchWarmStart(plan.map((p) => ({ id: p.id, shapes: owned(p).map((v) => v.shape.slice()) })), nodes);
      const given = new Map(nodes.map((n) => [n.id, n]));
      for (const r of report) {
        if (r.status !== 'copied') continue;
        const vars = owned(plan.find((p) => p.id === r.nodeId)!);
        given.get(r.nodeId)!.tensors.forEach((t, i) => tf.tidy(() => vars[i].assign(tf.tensor(t.values, t.shape, 'float32'))));
      }
      return report;
    },
    dispose() {
      for (const v of allVariables) v.dispose();
      for (const p of plan) p.built.dispose?.();
    },
  };
}

/** Inverse of the joining in forwardValues: [batch, Σ sizes] → one [batch, …shape] tensor per output. */
function split(t: tf.Tensor, shapes: number[][]): tf.Tensor[] {
  const sizes = shapes.map((s) => s.reduce((a, d) => a * d, 1));
  // One part: skip Split (tfjs's SplitV gradient fails on a single part).
  const parts = sizes.length === 1 ? [t] : tf.split(t, sizes, 1);
  return parts.map((part, k) => tf.reshape(part, [t.shape[0], ...shapes[k]]));
}
