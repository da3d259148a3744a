/** Ready-made architectures for the template menu: each builds a valid graph for any list of tasks. */
import { makeNode } from './defaults';
import type { Graph, GraphEdge, GraphNode, TaskSpec } from './types';

export interface GraphTemplate {
  id: string;
  label: string;
  /** one line for the menu's tooltip */
  description: string;
  /** a fresh graph for these tasks; `inputDim` is the dataset's feature count (the Input node infers it, kept for templates that need it) */
  build(tasks: TaskSpec[], inputDim: number): Graph;
}

const rowY = (i: number) => 30 + i * 120;
const midY = (tasks: TaskSpec[]) => rowY((tasks.length - 1) / 2);

/** Small graph-building kit: nodes in columns `colWidth` px apart, edges with stable ids. */
function kit(colWidth = 220) {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  return {
    nodes,
    edges,
    /** a node at x = col · colWidth + dx */
    node(id: string, kind: string, col: number, y: number, params: GraphNode['params'] = {}, dx = 0) {
      nodes.push(makeNode(id, kind, col * colWidth + dx, y, params));
      return id;
    },
    /** source → target; `k` names the source's output handle (multi-output nodes) */
    edge(source: string, target: string, k?: number) {
      edges.push({ id: `e_${source}_${target}`, source, target, sourceHandle: k === undefined ? null : `out${k}`, targetHandle: null });
    },
    graph: (): Graph => ({ nodes, edges }),
  };
}

const dense = (units: number) => ({ units, activation: 'relu' });

/** Input → shared module (one output per task) → a small tower per task → heads. */
function fusedTowers(tasks: TaskSpec[], trunk: [kind: string, params: GraphNode['params']][], module: [kind: string, params: GraphNode['params']]): Graph {
  const g = kit();
  let prev = g.node('in', 'input', 0, midY(tasks));
  trunk.forEach(([kind, params], i) => {
    const id = g.node(`s${i + 1}`, kind, i + 1, midY(tasks), params);
    g.edge(prev, id);
    prev = id;
  });
  const col = trunk.length + 1;
  const m = g.node(module[0], module[0], col, midY(tasks), module[1]);
  g.edge(prev, m);
  tasks.forEach((t, i) => {
    const tower = g.node(`tower_${t.id}`, 'dense', col + 1, rowY(i), dense(8));
    g.edge(m, tower, i);
    g.edge(tower, g.node(`head_${t.id}`, 'head', col + 2, rowY(i), { taskId: t.id }));
  });
  return g.graph();
}

/** Input → one stream per task → a stream-mixing module (one input and output per task) → a layer per task → heads. */
function mixedStreams(tasks: TaskSpec[], kind: string): Graph {
  const g = kit();
  const input = g.node('in', 'input', 0, midY(tasks));
  const m = g.node(kind, kind, 2, midY(tasks));
  tasks.forEach((t, i) => {
    const a = g.node(`a_${t.id}`, 'dense', 1, rowY(i), dense(16));
    g.edge(input, a);
    g.edge(a, m); // edge order = stream order = task order
  });
  tasks.forEach((t, i) => {
    const b = g.node(`b_${t.id}`, 'dense', 3, rowY(i), dense(16));
    g.edge(m, b, i);
    g.edge(b, g.node(`head_${t.id}`, 'head', 4, rowY(i), { taskId: t.id }));
  });
  return g.graph();
}

export const TEMPLATES: readonly GraphTemplate[] = [
  {
    id: 'hard',
    label: 'Hard sharing',
    description: 'One shared trunk (two Dense layers) feeding every task head.',
    build(tasks) {
      const g = kit();
      g.edge(g.node('in', 'input', 0, midY(tasks)), g.node('d1', 'dense', 1, midY(tasks), dense(16)));
      g.edge('d1', g.node('d2', 'dense', 2, midY(tasks), dense(16)));
      tasks.forEach((t, i) => g.edge('d2', g.node(`head_${t.id}`, 'head', 3, rowY(i), { taskId: t.id })));
      return g.graph();
    },
  },
  {
    id: 'single',
    label: 'Single-task towers',
    description: 'A separate two-layer tower per task: nothing is shared (the single-task baseline).',
    build(tasks) {
      const g = kit();
      const input = g.node('in', 'input', 0, midY(tasks));
      tasks.forEach((t, i) => {
        const a = g.node(`a_${t.id}`, 'dense', 1, rowY(i), dense(16));
        const b = g.node(`b_${t.id}`, 'dense', 2, rowY(i), dense(16));
        g.edge(input, a);
        g.edge(a, b);
        g.edge(b, g.node(`head_${t.id}`, 'head', 3, rowY(i), { taskId: t.id }));
      });
      return g.graph();
    },
  },
  {
    id: 'crossstitch',
    label: 'Cross-stitch',
    description: 'One tower per task, joined after the first layer by a cross-stitch unit (Misra et al. 2016).',
    build: (tasks) => mixedStreams(tasks, 'crossstitch'),
  },
  {
    id: 'nddr',
    label: 'NDDR',
    description: 'One tower per task, fused after the first layer by an NDDR layer: per task a 1×1 conv over the concatenated streams (Gao et al. 2019).',
    build: (tasks) => mixedStreams(tasks, 'nddr'),
  },
  {
    id: 'mtan',
    label: 'MTAN (task attention)',
    description: 'A shared trunk; each task reads it through its own learned attention mask.',
    build: (tasks) => fusedTowers(tasks, [['dense', dense(16)]], ['taskattention', {}]),
  },
  {
    id: 'mmoe',
    label: 'MMoE',
    description: 'Shared experts mixed by one softmax gate per task (Ma et al. 2018).',
    build: (tasks) => fusedTowers(tasks, [], ['mmoe', { experts: 4, units: 16 }]),
  },
  {
    id: 'cgc',
    label: 'CGC (PLE)',
    description: 'Shared experts plus task-specific experts, one gate per task (Tang et al. 2020).',
    build: (tasks) => fusedTowers(tasks, [], ['cgc', { sharedExperts: 2, taskExperts: 1, units: 16 }]),
  },
  {
    id: 'ple',
    label: 'PLE',
    description: 'Progressive layered extraction: two stacked CGC levels; a shared gate over all experts feeds the next level (Tang et al. 2020).',
    build: (tasks) => fusedTowers(tasks, [], ['ple', { levels: 2, sharedExperts: 2, taskExperts: 1, units: 16 }]),
  },
  {
    id: 'dselectk',
    label: 'DSelect-k',
    description: 'Shared experts; each task’s gate selects at most k of them through smooth binary codes (Hazimeh et al. 2021).',
    build: (tasks) => fusedTowers(tasks, [], ['dselectk', { experts: 4, k: 2, units: 16, gamma: 1 }]),
  },
  {
    id: 'ltb',
    label: 'Learning to Branch',
    description: 'A tree of blocks whose branching is learned: each block picks its parent by Gumbel-softmax logits, tasks at the leaves (Guo et al. 2020).',
    build: (tasks) => fusedTowers(tasks, [], ['ltb', { depth: 2, width: 2, units: 16 }]),
  },
  {
    id: 'tam',
    label: 'Task-aware attention',
    description: 'A shared trunk read as tokens; each task attends to them with its own query.',
    build: (tasks) => fusedTowers(tasks, [['dense', dense(16)]], ['tam', { chunks: 4, heads: 2, dModel: 16 }]),
  },
  {
    id: 'care',
    label: 'Cross-task enhancement',
    description: 'One stream per task; each attends to the other tasks’ streams and adds what it finds (CARE-style).',
    build: (tasks) => mixedStreams(tasks, 'care'),
  },
  {
    id: 'ensemble',
    label: 'Ensemble',
    description: 'Per task, three independently initialised small MLPs whose outputs are averaged into the head (a logit-averaging ensemble).',
    build(tasks) {
      const g = kit();
      const m = g.node('ensemble', 'ensemble', 1, midY(tasks), { members: 3, hidden: 16, units: 8, combine: 'mean' });
      g.edge(g.node('in', 'input', 0, midY(tasks)), m);
      tasks.forEach((t, i) => g.edge(m, g.node(`head_${t.id}`, 'head', 2, rowY(i), { taskId: t.id }), i));
      return g.graph();
    },
  },
];

/**
 * The dataset templates' shape (src/datasets/<id>/spec.ts): input → a chain of layers → per task an
 * optional tower layer (`tower` params) → its head; columns 200 px apart, node ids in, s1…, tower_<task>, head_<task>.
 */
export function chainGraph(tasks: TaskSpec[], trunk: [kind: string, params: GraphNode['params']][], tower: GraphNode['params'] | null): Graph {
  const g = kit(200);
  let prev = g.node('in', 'input', 0, midY(tasks));
  trunk.forEach(([kind, params], i) => {
    const id = g.node(`s${i + 1}`, kind, i + 1, midY(tasks), params);
    g.edge(prev, id);
    prev = id;
  });
  const col = trunk.length + 1;
  tasks.forEach((t, i) => {
    let from = prev;
    if (tower) {
      from = g.node(`tower_${t.id}`, 'dense', col, rowY(i), tower);
      g.edge(prev, from);
    }
    g.edge(from, g.node(`head_${t.id}`, 'head', col + (tower ? 1 : 0), rowY(i), { taskId: t.id }, 40));
  });
  return g.graph();
}

/** Template lookup by id; undefined for an unknown id. */
export function graphTemplate(id: string): GraphTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
