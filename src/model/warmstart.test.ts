import { describe, expect, it } from 'vitest';
import { defaultExperiment, makeNode } from './defaults';
import { graphTemplate } from './templates';
import { datasetTemplate } from './datasets';
import { matchWarmStart, planWarmStart, shapesText, warmCopies, warmInit } from './warmstart';
import type { ExperimentConfig, Graph, NodeWeights } from './types';

const w = (id: string, kind: string, ...shapes: number[][]): NodeWeights => ({
  id,
  kind,
  tensors: shapes.map((shape) => ({ shape, values: new Float32Array(shape.reduce((a, d) => a * d, 1)) })),
});

/** A config of the default experiment's dataset and tasks with this graph. */
function withGraph(graph: Graph): ExperimentConfig {
  return { ...defaultExperiment(), graph };
}

/** in → chain of dense layers (id, units) → one head per task, fed by the last layer. */
function chain(layers: [id: string, units: number][]): Graph {
  const c = defaultExperiment();
  const nodes = [makeNode('in', 'input', 0, 0), ...layers.map(([id, units], i) => makeNode(id, 'dense', 100 * (i + 1), 0, { units, activation: 'relu' }))];
  const edges = layers.map(([id], i) => ({ id: `e${i}`, source: i ? layers[i - 1][0] : 'in', target: id, sourceHandle: null, targetHandle: null }));
  const last = layers[layers.length - 1][0];
  for (const t of c.tasks) {
    nodes.push(makeNode(`head_${t.id}`, 'head', 900, 0, { taskId: t.id }));
    edges.push({ id: `eh_${t.id}`, source: last, target: `head_${t.id}`, sourceHandle: null, targetHandle: null });
  }
  return { nodes, edges };
}

/** Weights for `graph`'s dense layers and heads as the engines lay them out (kernel, bias), for the default tasks. */
function weightsOf(graph: Graph, inputDim = 2): NodeWeights[] {
  const c = defaultExperiment();
  const width = new Map<string, number>([['in', inputDim]]);
  const out: NodeWeights[] = [w('in', 'input')];
  for (const n of graph.nodes) {
    const src = graph.edges.find((e) => e.target === n.id)?.source;
    if (n.kind === 'dense') {
      const units = Number(n.params.units);
      width.set(n.id, units);
      out.push(w(n.id, 'dense', [width.get(src!)!, units], [units]));
    } else if (n.kind === 'head') {
      const t = c.tasks.find((x) => x.id === n.params.taskId)!;
      const classes = t.kind === 'multiclass' ? t.classes : 1;
      out.push(w(n.id, 'head', [width.get(src!)!, classes], [classes]));
    }
  }
  return out;
}

describe('matchWarmStart', () => {
  it('one entry per source node with weights: copied, missing, or the shapes in words; `from` names the source node', () => {
    const target = [
      { id: 'd1', shapes: [[2, 16], [16]] },
      { id: 'd2', shapes: [[16, 8], [8]] },
    ];
    expect(matchWarmStart(target, [w('in', 'input'), w('d1', 'dense', [2, 16], [16]), { ...w('d2', 'dense', [16, 16], [16]), from: 's2' }, w('x', 'dense', [1])])).toEqual([
      { nodeId: 'd1', from: 'd1', status: 'copied', detail: 'copied [2,16] [16]' },
      { nodeId: 'd2', from: 's2', status: 'mismatch', detail: 'shape mismatch: expected [16,8] [8] got [16,16] [16]' },
      { nodeId: 'x', from: 'x', status: 'missing', detail: 'not in this graph' },
    ]);
    const short: NodeWeights = { id: 'd1', kind: 'dense', tensors: [{ shape: [2, 16], values: new Float32Array(3) }, { shape: [16], values: new Float32Array(16) }] };
    expect(matchWarmStart(target, [short])[0]).toEqual({ nodeId: 'd1', from: 'd1', status: 'mismatch', detail: 'the values do not fill their shapes' });
    expect(shapesText([])).toBe('(no weights)');
  });
});

describe('planWarmStart', () => {
  it('matches the same network under other ids: the Hard sharing template (d1, d2) takes every layer of the 2D synthetic default (s1, s2)', () => {
    const base = defaultExperiment();
    const srcCfg = withGraph(datasetTemplate(base.dataset, base.tasks).graph);
    expect(srcCfg.graph.nodes.map((n) => n.id)).toContain('s1');
    const dst = withGraph(graphTemplate('hard')!.build(base.tasks, 2));
    const weights = weightsOf(srcCfg.graph);
    const plan = planWarmStart(srcCfg, weights, dst);
    expect(plan.entries.map((e) => [e.nodeId, e.from, e.likely])).toEqual([
      ['d1', 's1', true],
      ['d2', 's2', true],
      ...base.tasks.map((t) => [`head_${t.id}`, `head_${t.id}`, true]),
    ]);
    expect(plan.unused).toEqual([]);
    // the start message's init: the source tensors addressed to the target ids
    const init = warmInit(plan, ['d1', 'd2'], weights);
    expect(init.map((n) => [n.id, n.from, n.tensors[0].shape])).toEqual([
      ['d1', 's1', [2, 16]],
      ['d2', 's2', [16, 16]],
    ]);
    expect(init[0].tensors).toBe(weights.find((n) => n.id === 's1')!.tensors);
  });

  it('two layers of one signature go by their place along the graph, not the order they are listed', () => {
    // source: in → a(16) → b(16) → c(16), its weights listed backwards; target: in → x(16) → y(16) → z(16), nodes listed backwards
    const src = withGraph(chain([['a', 16], ['b', 16], ['c', 16]]));
    const g = chain([['x', 16], ['y', 16], ['z', 16]]);
    g.nodes.reverse();
    const dst = withGraph(g);
    const plan = planWarmStart(src, weightsOf(src.graph).reverse(), dst);
    const map = Object.fromEntries(plan.entries.map((e) => [e.nodeId, e.from]));
    // x reads [2]: only a fits. y and z both read [16] like b and c: the deep signature puts b on y, c on z.
    expect([map.x, map.y, map.z]).toEqual(['a', 'b', 'c']);
    expect(plan.entries.every((e) => e.likely)).toBe(true);
  });

  it('a wider layer breaks the match for itself and everything it feeds; the same id is offered with the reason', () => {
    const src = withGraph(chain([['d1', 16], ['d2', 16]]));
    const dst = withGraph(chain([['d1', 16], ['d2', 8]]));
    dst.graph.nodes.find((n) => n.id === 'd1')!.params.frozen = true; // freezing does not change shapes
    const plan = planWarmStart(src, weightsOf(src.graph), dst);
    expect(plan.entries.map((e) => [e.nodeId, e.from, e.likely])).toEqual([
      ['d1', 'd1', true],
      ['d2', 'd2', false],
      ...dst.tasks.map((t) => [`head_${t.id}`, `head_${t.id}`, false]),
    ]);
    expect(plan.entries[1].reason).toBe('different parameters or input shape (likely shape mismatch)');
    expect(plan.unused.map((u) => u.nodeId)).toEqual(['d2', ...dst.tasks.map((t) => `head_${t.id}`)]);
    // what the badges show: only chosen nodes that fit
    expect([...warmCopies(plan, ['d1', 'd2'])]).toEqual(['d1']);
  });

  it('a node no source node fits, under a new id, is offered nothing (and its box cannot be ticked)', () => {
    const src = withGraph(chain([['d1', 16]]));
    const dst = withGraph(chain([['d1', 16], ['extra', 4]]));
    const plan = planWarmStart(src, weightsOf(src.graph), dst);
    const extra = plan.entries.find((e) => e.nodeId === 'extra')!;
    expect(extra).toMatchObject({ from: null, likely: false, shapes: [], reason: 'no source node of this kind, parameters and input shape' });
    expect(warmInit(plan, ['extra'], weightsOf(src.graph))).toEqual([]);
  });

  it('a source node goes to one target at most', () => {
    // target: two parallel dense(16) layers on the input; the source has one
    const src = withGraph(chain([['a', 16]]));
    const dst = withGraph(chain([['p', 16]]));
    dst.graph.nodes.push(makeNode('q', 'dense', 0, 0, { units: 16, activation: 'relu' }));
    dst.graph.edges.push({ id: 'eq', source: 'in', target: 'q', sourceHandle: null, targetHandle: null });
    const plan = planWarmStart(src, weightsOf(src.graph), dst);
    const froms = plan.entries.filter((e) => e.nodeId === 'p' || e.nodeId === 'q').map((e) => e.from);
    expect(froms.filter((f) => f === 'a')).toHaveLength(1);
  });

  it('without the source config (an uploaded file) only the id and kind are compared', () => {
    const dst = withGraph(chain([['d1', 16], ['d2', 8]]));
    const weights = [w('in', 'input'), w('d1', 'dense', [2, 16], [16]), w('d2', 'head', [16, 16], [16]), w('gone', 'dense', [1])];
    const plan = planWarmStart(null, weights, dst);
    expect(plan.entries.slice(0, 2).map((e) => [e.nodeId, e.from, e.likely, e.reason])).toEqual([
      ['d1', 'd1', true, ''],
      ['d2', 'd2', false, 'a dense node here, head in the source'],
    ]);
    expect(plan.unused.map((u) => u.nodeId)).toEqual(['d2', 'gone']);
  });
});
