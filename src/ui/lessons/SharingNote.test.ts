import { describe, expect, it } from 'vitest';
import { defaultExperiment, graphTemplate } from '../../model';
import { tasksFedBy } from './SharingNote';

describe('tasksFedBy', () => {
  it('names every task for the shared trunk, one task for a head or a tower, none for a dangling node', () => {
    const cfg = defaultExperiment();
    expect(tasksFedBy(cfg.graph, cfg.tasks, 'd1')).toEqual(['Side', 'Zone', 'Height']);
    expect(tasksFedBy(cfg.graph, cfg.tasks, 'head_zone')).toEqual(['Zone']);
    const single = graphTemplate('single')!.build(cfg.tasks, 2);
    expect(tasksFedBy(single, cfg.tasks, 'a_height')).toEqual(['Height']);
    expect(tasksFedBy(single, cfg.tasks, 'in')).toEqual(['Side', 'Zone', 'Height']);
    const dangling = { ...cfg.graph, nodes: [...cfg.graph.nodes, { id: 'x', kind: 'dense', params: {}, position: { x: 0, y: 0 } }] };
    expect(tasksFedBy(dangling, cfg.tasks, 'x')).toEqual([]);
  });

  it('skips a task without a head (its index does not shift the names of the others)', () => {
    const cfg = defaultExperiment();
    const graph = { nodes: cfg.graph.nodes.filter((n) => n.id !== 'head_side'), edges: cfg.graph.edges.filter((e) => e.target !== 'head_side') };
    expect(tasksFedBy(graph, cfg.tasks, 'd2')).toEqual(['Zone', 'Height']);
  });
});
