import { describe, expect, it, vi } from 'vitest';
import { defaultExperiment } from '../model';
import { bootFromHash, shareUrlFor } from './boot';
import { selectedNodeId } from './store';
import { fakeWorkerStore } from './testing';


function setup() {
  const { store, workers } = fakeWorkerStore();
  return { store, workers };
}

const point = (step: number, loss: number) => ({ step, tasks: [0, 1, 2].map(() => ({ trainLoss: loss, valLoss: loss, metric: 0.5 })), weights: [1, 1, 1], totalLoss: 3 * loss, conflict: null });

describe('app store', () => {
  it('keeps the latest live inspection by node id, and clears it when a new run starts', () => {
    const { store, workers } = setup();
    store.getState().train();
    const runId = store.getState().runId!;
    const table = { nodeId: 'cs', kind: 'crossstitch', title: 'Mixing matrix α', note: '', rows: 1, cols: 1, rowLabels: ['Side'], colLabels: ['in 1'], values: [1] };
    workers[0].emit({ type: 'inspect', runId, step: 10, nodes: [table] });
    workers[0].emit({ type: 'inspect', runId, step: 20, nodes: [{ ...table, values: [0.5] }] });
    expect(store.getState().inspection).toEqual({ step: 20, nodes: { cs: { ...table, values: [0.5] } } });
    store.getState().train();
    expect(store.getState().inspection).toBeNull();
  });

  it('edits the graph through actions and re-analyses it', () => {
    const { store } = setup();
    const s = store.getState();
    const id = s.addNode('dense', { x: 1, y: 2 });
    expect(id).toBe('dense1');
    expect(selectedNodeId(store.getState())).toBe('dense1');
    expect(store.getState().analysis.ok).toBe(false); // unconnected dense
    store.getState().connect({ source: 'd2', target: 'dense1' });
    store.getState().connect({ source: 'd2', target: 'dense1' }); // duplicate ignored
    expect(store.getState().config.graph.edges.filter((e) => e.target === 'dense1')).toHaveLength(1);
    expect(store.getState().analysis.ok).toBe(true); // unused node only warns
    store.getState().setNodeParam('dense1', 'units', 8);
    expect(store.getState().analysis.shapes.dense1).toEqual([8]);
    store.getState().removeNodes(['dense1']);
    expect(store.getState().config.graph.edges.some((e) => e.target === 'dense1')).toBe(false);
    expect(selectedNodeId(store.getState())).toBeNull();
  });

  it('a new head takes the first task without a head', () => {
    const { store } = setup();
    store.getState().removeNodes(['head_zone']);
    const id = store.getState().addNode('head', { x: 0, y: 0 });
    expect(store.getState().config.graph.nodes.find((n) => n.id === id)!.params.taskId).toBe('zone');
  });

  it('runs a training lifecycle from worker messages and keeps the experiment on failure', () => {
    const { store, workers } = setup();
    const before = structuredClone(store.getState().config);
    store.getState().train();
    const runId = store.getState().runId!;
    expect(workers[0].sent[0]).toMatchObject({ type: 'start', runId, config: before });
    expect(store.getState().status).toBe('starting');
    workers[0].emit({ type: 'ready', runId, backend: 'wasm', requested: 'auto', notes: ['note'] });
    workers[0].emit({ type: 'metrics', runId, points: [point(0, 1), point(10, 0.5)], step: 10, stepsPerSec: 100 });
    workers[0].emit({ type: 'metrics', runId, points: [point(20, 0.4)], step: 20, stepsPerSec: 120 });
    let st = store.getState();
    expect(st.status).toBe('running');
    expect(st.backend).toBe('wasm');
    expect(st.points.map((p) => p.step)).toEqual([0, 10, 20]);
    workers[0].emit({ type: 'error', runId, message: 'Training diverged at step 20' });
    st = store.getState();
    expect(st.status).toBe('failed');
    expect(st.error).toMatch(/diverged/);
    expect(st.points).toHaveLength(3);
    expect(st.config).toEqual(before);
  });

  it('training messages leave every field the graph editor reads untouched (so it does not re-render on ticks)', () => {
    const { store, workers } = setup();
    store.getState().select('d1');
    store.getState().setNodeSizes({ d1: { width: 100, height: 40 } });
    const editorView = (s: ReturnType<typeof store.getState>) => [s.config, s.analysis, s.selectedNodeIds, s.selectedEdgeIds, s.nodeSizes];
    const before = editorView(store.getState());
    store.getState().train();
    const runId = store.getState().runId!;
    workers[0].emit({ type: 'ready', runId, backend: 'js', requested: 'auto', notes: [] });
    for (let k = 0; k < 5; k++) workers[0].emit({ type: 'metrics', runId, points: [point(k * 10, 1 / (k + 1))], step: k * 10, stepsPerSec: 10 });
    workers[0].emit({ type: 'inspect', runId, step: 40, nodes: [] });
    workers[0].emit({ type: 'done', runId, step: 40, stepsPerSec: 10, elapsedMs: 4 });
    editorView(store.getState()).forEach((v, i) => expect(v).toBe(before[i]));
  });

  it('stop terminates the worker; train is refused on an invalid graph', () => {
    const { store, workers } = setup();
    store.getState().train();
    store.getState().stop();
    expect(workers[0].terminated).toBe(true);
    expect(store.getState().status).toBe('stopped');
    store.getState().removeNodes(['in']);
    store.getState().train();
    expect(workers).toHaveLength(1);
    expect(store.getState().banner?.text).toMatch(/Add an Input node/);
  });

  it('Pause answers within 0.8 s: a worker that confirms keeps the run paused; one stuck in a long step is stopped, points kept', () => {
    vi.useFakeTimers();
    try {
      const { store, workers } = setup();
      store.getState().train();
      const runId = store.getState().runId!;
      workers[0].emit({ type: 'ready', runId, backend: 'wasm', requested: 'auto', notes: [] });
      workers[0].emit({ type: 'metrics', runId, points: [point(0, 1), point(10, 0.5)], step: 10, stepsPerSec: 1 });
      store.getState().pause();
      expect(workers[0].sent.at(-1)).toEqual({ type: 'pause', runId });
      vi.advanceTimersByTime(700);
      workers[0].emit({ type: 'paused', runId, step: 10 });
      vi.advanceTimersByTime(1000);
      expect(store.getState().status).toBe('paused');
      expect(workers[0].terminated).toBe(false);

      store.getState().resume();
      workers[0].emit({ type: 'resumed', runId, step: 10 });
      workers[0].emit({ type: 'metrics', runId, points: [point(20, 0.4)], step: 20, stepsPerSec: 1 });
      store.getState().pause();
      vi.advanceTimersByTime(799);
      expect(workers[0].terminated).toBe(false);
      vi.advanceTimersByTime(1);
      expect(workers[0].terminated).toBe(true);
      expect(store.getState().status).toBe('stopped');
      expect(store.getState().banner?.text).toMatch(/^One training step takes longer than 0.8 s here, so Pause stopped the run at step 20/);
      expect(store.getState().runs.find((r) => r.id === runId)?.status).toBe('stopped');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('boot from the URL', () => {
  it('opens a shared experiment and reports garbage', () => {
    const cfg = defaultExperiment();
    cfg.seed = 99;
    const url = shareUrlFor(cfg, 'http://x/app#old');
    expect(url.startsWith('http://x/app#e=v1.')).toBe(true);
    expect(bootFromHash(url.slice(url.indexOf('#'))).config).toEqual(cfg);
    const bad = bootFromHash('#e=v1.garbage!!');
    expect(bad.config).toEqual(defaultExperiment());
    expect(bad.banner?.kind).toBe('error');
    expect(bootFromHash('').banner).toBeNull();
    expect(bootFromHash('#junk').banner?.kind).toBe('error');
  });
});
