/** The default experiment a new visitor sees: 3 tasks over 2D points, hard parameter sharing. */
import { nodeKind } from './nodes';
import { defaultParams } from './params';
import type { ExperimentConfig, GraphNode, Synthetic2DConfig, TaskSpec } from './types';

export const SYNTHETIC_TASKS: TaskSpec[] = [
  { id: 'side', name: 'Side', kind: 'binary', classes: 2 },
  { id: 'zone', name: 'Zone', kind: 'multiclass', classes: 3 },
  { id: 'height', name: 'Height', kind: 'regression', classes: 1 },
];

/** A node of a registered kind with its default params overridden by `params`. */
export function makeNode(id: string, kind: string, x: number, y: number, params: GraphNode['params'] = {}): GraphNode {
  const spec = nodeKind(kind);
  if (!spec) throw new Error(`unknown node kind ${kind}`);
  return { id, kind, params: { ...defaultParams(spec.params), ...params }, position: { x, y } };
}

/** A fresh copy of the default experiment (callers may mutate it); its dataset is the 2D synthetic one. */
export function defaultExperiment(): ExperimentConfig & { dataset: Synthetic2DConfig } {
  const tasks = SYNTHETIC_TASKS.map((t) => ({ ...t }));
  return {
    version: 1,
    name: 'Three tasks, hard sharing',
    seed: 42,
    dataset: { kind: 'synthetic2d', nPoints: 600, relatedness: 0.7, noise: 0.05, valFraction: 0.25 },
    tasks,
    graph: {
      nodes: [
        makeNode('in', 'input', 0, 150),
        makeNode('d1', 'dense', 200, 150, { units: 16, activation: 'relu' }),
        makeNode('d2', 'dense', 400, 150, { units: 16, activation: 'relu' }),
        ...tasks.map((t, i) => makeNode(`head_${t.id}`, 'head', 640, 30 + i * 120, { taskId: t.id })),
      ],
      edges: [
        { id: 'e_in_d1', source: 'in', target: 'd1' },
        { id: 'e_d1_d2', source: 'd1', target: 'd2' },
        ...tasks.map((t) => ({ id: `e_d2_${t.id}`, source: 'd2', target: `head_${t.id}` })),
      ],
    },
    optimizer: { kind: 'adam', learningRate: 0.01, momentum: 0.9, batchSize: 32, steps: 2000 },
    weighting: { kind: 'equal', params: {}, weights: Object.fromEntries(tasks.map((t) => [t.id, 1])) },
    backend: 'auto',
    evalEvery: 10,
  };
}
