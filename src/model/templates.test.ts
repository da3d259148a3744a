import { describe, expect, it } from 'vitest';
import { analyzeGraph } from './graph';
import { SYNTHETIC_TASKS } from './defaults';
import { nodeKind } from './nodes';
import { graphTemplate, TEMPLATES } from './templates';
import type { TaskSpec } from './types';

const two: TaskSpec[] = SYNTHETIC_TASKS.slice(0, 2);
const four: TaskSpec[] = [...SYNTHETIC_TASKS, { id: 'extra', name: 'Extra', kind: 'binary', classes: 2 }];

describe('graph templates', () => {
  it('have unique ids, a label and a one-line description, and only registered kinds', () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    for (const t of TEMPLATES) {
      expect(t.label.length).toBeGreaterThan(0);
      expect(t.description).not.toContain('\n');
      for (const n of t.build(SYNTHETIC_TASKS, 2).nodes) expect(nodeKind(n.kind), `${t.id}: ${n.kind}`).toBeDefined();
    }
    expect(TEMPLATES[0].id).toBe('hard'); // the picker's first entry is the default architecture
    expect(graphTemplate('mmoe')?.label).toBe('MMoE');
    expect(graphTemplate('nope')).toBeUndefined();
  });

  it.each(TEMPLATES.map((t) => [t.id]))('%s builds a valid graph for 1 to 4 tasks', (id) => {
    const t = graphTemplate(id)!;
    for (const tasks of [SYNTHETIC_TASKS.slice(0, 1), two, SYNTHETIC_TASKS, four]) {
      const g = t.build(tasks, 2);
      const a = analyzeGraph(g, { inputDim: 2, tasks });
      expect(a.firstError, `${id} with ${tasks.length} tasks`).toBeNull();
      expect(a.ok).toBe(true);
      expect(Object.keys(a.heads).sort()).toEqual(tasks.map((x) => x.id).sort());
      expect(Object.keys(a.warnings)).toEqual([]);
      expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
      expect(JSON.parse(JSON.stringify(g))).toEqual(g); // plain data
    }
  });

  it('the hard-sharing template is the default graph’s architecture', () => {
    const g = graphTemplate('hard')!.build(SYNTHETIC_TASKS, 2);
    expect(g.nodes.map((n) => n.id)).toEqual(['in', 'd1', 'd2', 'head_side', 'head_zone', 'head_height']);
  });

  it('wires multi-output modules by handle, one output per task in task order', () => {
    const g = graphTemplate('mmoe')!.build(SYNTHETIC_TASKS, 2);
    const out = g.edges.filter((e) => e.source === 'mmoe');
    expect(out.map((e) => [e.sourceHandle, e.target])).toEqual([
      ['out0', 'tower_side'],
      ['out1', 'tower_zone'],
      ['out2', 'tower_height'],
    ]);
  });
});
