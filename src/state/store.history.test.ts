import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultExperiment } from '../model';
import { createAppStore } from './store';

afterEach(() => void vi.useRealTimers());

const ids = (s: ReturnType<typeof createAppStore>) => s.getState().config.graph.nodes.map((n) => n.id);

describe('store undo history', () => {
  it('undoes a node deletion (with its edges) and redoes it', () => {
    const store = createAppStore(defaultExperiment());
    const before = store.getState().config;
    store.getState().removeNodes(['d2']);
    expect(ids(store)).not.toContain('d2');
    store.getState().undo();
    expect(store.getState().config).toBe(before);
    expect(store.getState().analysis.ok).toBe(true);
    store.getState().redo();
    expect(ids(store)).not.toContain('d2');
    expect(store.getState().config.graph.edges.some((e) => e.source === 'd2' || e.target === 'd2')).toBe(false);
  });

  it('one Delete press (edges, then nodes, in one task) is one step; separate presses are separate steps', async () => {
    const store = createAppStore(defaultExperiment());
    const before = store.getState().config;
    const touching = before.graph.edges.filter((e) => e.source === 'd2' || e.target === 'd2').map((e) => e.id);
    expect(touching.length).toBeGreaterThan(0);
    store.getState().removeEdges(touching);
    store.getState().removeNodes(['d2']);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().config).toBe(before);
    await Promise.resolve();
    store.getState().redo();
    store.getState().removeNodes(['d1']);
    await Promise.resolve();
    store.getState().removeNodes(['in']);
    expect(store.getState().history.past).toHaveLength(3);
  });

  it('coalesces typing into one field and a drag of one node, but not two deletions', async () => {
    vi.useFakeTimers();
    const store = createAppStore(defaultExperiment());
    const s = () => store.getState();
    const lr = s().config.optimizer.learningRate;
    for (const v of [0.5, 0.55, 0.555]) {
      s().update((d) => void (d.optimizer.learningRate = v));
      vi.advanceTimersByTime(100);
    }
    expect(s().history.past.length).toBe(1);
    for (let x = 0; x < 20; x++) {
      s().moveNodes({ d1: { x, y: x } });
      vi.advanceTimersByTime(16);
    }
    expect(s().history.past.length).toBe(2);
    s().removeNodes(['d1']);
    await Promise.resolve(); // another key press
    s().removeNodes(['d2']);
    expect(s().history.past.length).toBe(4);
    s().undo();
    s().undo();
    expect(ids(store)).toContain('d1');
    expect(s().config.graph.nodes.find((n) => n.id === 'd1')!.position).toEqual({ x: 19, y: 19 });
    s().undo();
    expect(s().config.graph.nodes.find((n) => n.id === 'd1')!.position).toEqual(defaultExperiment().graph.nodes.find((n) => n.id === 'd1')!.position);
    s().undo();
    expect(s().config.optimizer.learningRate).toBe(lr);
    s().undo(); // nothing left: no change
    expect(s().config.optimizer.learningRate).toBe(lr);
  });

  it('makes New (setConfig) undoable, and pushUndo/clearHistory manage steps that are not edits', () => {
    const store = createAppStore(defaultExperiment());
    store.getState().update((d) => void (d.name = 'mine'));
    store.getState().setConfig(defaultExperiment());
    store.getState().undo();
    expect(store.getState().config.name).toBe('mine');
    store.getState().clearHistory();
    store.getState().undo();
    expect(store.getState().config.name).toBe('mine');
    const older = { ...defaultExperiment(), name: 'older' };
    store.getState().pushUndo(older);
    store.getState().undo();
    expect(store.getState().config.name).toBe('older');
    store.getState().redo();
    expect(store.getState().config.name).toBe('mine');
  });
});
