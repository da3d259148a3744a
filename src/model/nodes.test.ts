import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '.';
import { shapeOf } from './nodes/testing';

// Each kind's own shape rules are tested beside it, in src/kinds/<kind>/spec.test.ts.
describe('node registry', () => {
  it('has unique kind ids with a label, a one-line description and in-range defaults', () => {
    expect(new Set(NODE_KINDS.map((k) => k.kind)).size).toBe(NODE_KINDS.length);
    for (const k of NODE_KINDS) {
      expect(k.label.length).toBeGreaterThan(0);
      expect(k.description).not.toContain('\n');
      for (const p of k.params) if (p.type === 'int' || p.type === 'float') expect(p.default >= p.min && p.default <= p.max).toBe(true);
    }
  });

  it('lists the kinds in palette order: by `order`, Input first and the task head last', () => {
    const orders = NODE_KINDS.map((k) => k.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(NODE_KINDS[0].kind).toBe('input');
    expect(NODE_KINDS[NODE_KINDS.length - 1].kind).toBe('head');
  });

  it('gives every per-task kind a baseline rule, and no other kind one', () => {
    for (const k of NODE_KINDS) expect(k.baseline !== undefined, k.kind).toBe(!!k.outputs);
  });

  it('reports a missing input edge for every kind that takes one', () => {
    for (const k of NODE_KINDS) if (k.inputs !== 'none') expect(typeof shapeOf(k.kind, [], { taskId: 'side' })).toBe('string');
  });
});
