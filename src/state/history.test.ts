import { describe, expect, it } from 'vitest';
import { editKey, emptyHistory, recordEdit, redoStep, undoStep, type History } from './history';

/** Apply edits to a number, recording each one; returns the history and the present. */
function edits(steps: { to: number; key: string | null; at: number }[], opts: { limit?: number } = {}) {
  let h: History<number> = emptyHistory();
  let present = 0;
  for (const s of steps) {
    h = recordEdit(h, present, { key: s.key, now: s.at, ...opts });
    present = s.to;
  }
  return { h, present };
}

describe('undo history', () => {
  it('undoes and redoes steps in order, and a new edit drops the redo', () => {
    const { h, present } = edits([
      { to: 1, key: null, at: 0 },
      { to: 2, key: null, at: 10 },
      { to: 3, key: null, at: 20 },
    ]);
    expect(h.past).toEqual([0, 1, 2]);
    const u1 = undoStep(h, present)!;
    expect(u1.value).toBe(2);
    const u2 = undoStep(u1.history, u1.value)!;
    expect(u2.value).toBe(1);
    expect(u2.history.past).toEqual([0]);
    expect(u2.history.future).toEqual([3, 2]);
    const r = redoStep(u2.history, u2.value)!;
    expect(r.value).toBe(2);
    expect(r.history.past).toEqual([0, 1]);
    expect(r.history.future).toEqual([3]);
    const after = recordEdit(r.history, r.value, { key: null, now: 30 });
    expect(after.future).toEqual([]);
    expect(redoStep(after, 9)).toBeNull();
  });

  it('has nothing to undo or redo when empty', () => {
    expect(undoStep(emptyHistory<number>(), 5)).toBeNull();
    expect(redoStep(emptyHistory<number>(), 5)).toBeNull();
  });

  it('merges rapid edits of one field into one step, but not after a pause, another field or an undo', () => {
    // Typing "123" into one field at 200 ms per key: one step back to the value before typing.
    const typed = edits([
      { to: 1, key: 'lr', at: 0 },
      { to: 12, key: 'lr', at: 200 },
      { to: 123, key: 'lr', at: 400 },
    ]);
    expect(typed.h.past).toEqual([0]);
    expect(undoStep(typed.h, typed.present)!.value).toBe(0);
    // A pause longer than the window (1000 ms) starts a new step.
    expect(edits([{ to: 1, key: 'lr', at: 0 }, { to: 2, key: 'lr', at: 1001 }]).h.past).toEqual([0, 1]);
    // Another field, or a structural edit (key null), starts a new step.
    expect(edits([{ to: 1, key: 'lr', at: 0 }, { to: 2, key: 'seed', at: 10 }]).h.past).toEqual([0, 1]);
    expect(edits([{ to: 1, key: null, at: 0 }, { to: 2, key: null, at: 10 }]).h.past).toEqual([0, 1]);
    // After an undo, editing the same field again is a new step (the undone value stays reachable).
    const u = undoStep(typed.h, typed.present)!;
    expect(recordEdit(u.history, u.value, { key: 'lr', now: 500 }).past).toEqual([0]);
  });

  it('keeps at most `limit` snapshots, dropping the oldest', () => {
    const steps = Array.from({ length: 250 }, (_, i) => ({ to: i + 1, key: null, at: i }));
    const { h } = edits(steps);
    expect(h.past.length).toBe(200);
    expect(h.past[0]).toBe(50);
    expect(h.past.at(-1)).toBe(249);
    expect(edits(steps.slice(0, 5), { limit: 3 }).h.past).toEqual([2, 3, 4]);
  });
});

describe('editKey', () => {
  const cfg = { name: 'a', optimizer: { learningRate: 0.1, steps: 10 }, graph: { nodes: [{ id: 'd1', params: { units: 8 }, position: { x: 0, y: 0 } }] } };
  const copy = () => structuredClone(cfg);

  it('names the changed leaves', () => {
    const b = copy();
    b.optimizer.learningRate = 0.2;
    expect(editKey(cfg, b)).toBe('optimizer.learningRate');
    const c = copy();
    c.graph.nodes[0].params.units = 16;
    expect(editKey(cfg, c)).toBe('graph.nodes.0.params.units');
    const d = copy();
    d.name = 'b';
    d.optimizer.steps = 20;
    expect(editKey(cfg, d)).toBe('name|optimizer.steps');
  });

  it('is null for no change, a changed shape, or many changed leaves', () => {
    expect(editKey(cfg, copy())).toBeNull();
    const added = copy();
    added.graph.nodes.push({ id: 'd2', params: { units: 8 }, position: { x: 1, y: 1 } });
    expect(editKey(cfg, added)).toBeNull();
    const newKey = copy() as Record<string, unknown>;
    newKey.seed = 1;
    expect(editKey(cfg, newKey)).toBeNull();
    const many = { v: Array.from({ length: 10 }, () => 0) };
    expect(editKey(many, { v: many.v.map((x) => x + 1) })).toBeNull();
    expect(editKey({ a: { b: 1 } }, { a: 1 })).toBeNull();
  });
});
