import { describe, expect, it } from 'vitest';
import { datasetSpec, datasetTemplate, defaultExperiment, type NodeWeights } from '../model';
import { switchDataset } from './datasets';
import type { ToWorker } from '../protocol';
import { newRunRecord } from './runs';
import { validateRunRecord } from './runsDb';
import { FakeWorker } from '../bridge/fakeWorker';
import { fakeWorkerStore } from './testing';

const nw = (id: string, v: number): NodeWeights => ({ id, kind: 'dense', tensors: [{ shape: [1], values: Float32Array.from([v]) }] });

function setup() {
  const { store, workers } = fakeWorkerStore();
  return { store, last: () => workers[workers.length - 1] };
}

/** Run one fake training to the end with final weights. */
function finishOne(store: ReturnType<typeof setup>['store'], last: () => FakeWorker, weights: NodeWeights[]): string {
  store.getState().train();
  const id = (last().sent[0] as { runId: string }).runId;
  last().emit({ type: 'ready', runId: id, backend: 'js', requested: 'auto', notes: [] });
  last().emit({ type: 'weights', runId: id, step: 5, weights });
  last().emit({ type: 'done', runId: id, step: 5, stepsPerSec: 1, elapsedMs: 1 });
  return id;
}

const until = async (fn: () => boolean) => {
  for (let i = 0; i < 50 && !fn(); i++) await new Promise((r) => setTimeout(r, 2));
};

describe('warm start in the store', () => {
  it('sends only the chosen nodes of the source run and keeps the worker’s report on the run', async () => {
    const { store, last } = setup();
    const src = finishOne(store, last, [nw('d1', 1), nw('d2', 2), nw('head_side', 3)]);
    store.getState().update((d) => (d.warmStart = { runId: src, runName: 'source', nodes: ['d1', 'head_side'] }));
    store.getState().train();
    expect(store.getState().status).toBe('starting');
    await until(() => last().sent.length > 0 && (last().sent[0] as { runId: string }).runId !== src);
    const start = last().sent[0] as Extract<ToWorker, { type: 'start' }>;
    expect(start.init!.map((n) => [n.id, n.tensors[0].values[0]])).toEqual([
      ['d1', 1],
      ['head_side', 3],
    ]);
    const report = [
      { nodeId: 'd1', status: 'copied' as const, detail: 'copied [1]' },
      { nodeId: 'head_side', status: 'mismatch' as const, detail: 'shape mismatch: expected [16,1] [1] got [1]' },
    ];
    last().emit({ type: 'ready', runId: start.runId, backend: 'js', requested: 'auto', notes: [] });
    last().emit({ type: 'warmstart', runId: start.runId, report });
    expect(store.getState().warmStart).toEqual({ source: store.getState().runs.find((r) => r.id === src)!.name, report });
    expect(store.getState().runs.find((r) => r.id === start.runId)!.warmStart!.report).toEqual(report);
  });

  it('sends the source tensors addressed to the nodes they fit by structure, with the source id in `from`', async () => {
    const { store, last } = setup();
    const src = finishOne(store, last, [nw('d1', 1), nw('d2', 2), nw('head_side', 3)]);
    // the same network under the 2D synthetic template's ids (s1, s2)
    store.getState().update((d) => {
      d.graph = datasetTemplate(d.dataset, d.tasks).graph;
      d.warmStart = { runId: src, runName: 'source', nodes: ['s1', 's2', 'head_side'] };
    });
    store.getState().train();
    await until(() => last().sent.length > 0 && (last().sent[0] as { runId: string }).runId !== src);
    const start = last().sent[0] as Extract<ToWorker, { type: 'start' }>;
    expect(start.init!.map((n) => [n.id, n.from, n.tensors[0].values[0]])).toEqual([
      ['s1', 'd1', 1],
      ['s2', 'd2', 2],
      ['head_side', 'head_side', 3],
    ]);
  });

  it('a dataset switch drops the warm-start choice (it named the old graph’s nodes)', () => {
    const { store } = setup();
    store.getState().update((d) => (d.warmStart = { runId: 'r', runName: 'r', nodes: ['d1'] }));
    switchDataset(store, datasetSpec('penguins').make());
    expect(store.getState().config.warmStart).toBeUndefined();
  });

  it('trains from scratch with a note when the source run is not in this browser', async () => {
    const { store, last } = setup();
    store.getState().update((d) => (d.warmStart = { runId: 'elsewhere', runName: 'a run from a link', nodes: ['d1'] }));
    store.getState().train();
    await until(() => !!last());
    const start = last().sent[0] as Extract<ToWorker, { type: 'start' }>;
    expect(start.init).toBeUndefined();
    expect(store.getState().warmStart!.note).toMatch(/“a run from a link”.*not in this browser.*from scratch/);
  });

  it('uses uploaded weights (memory only) as a source', async () => {
    const { store, last } = setup();
    store.getState().setUploadedWeights({ name: 'model.json', config: null, weights: [nw('d2', 7)] });
    store.getState().update((d) => (d.warmStart = { runId: 'file:model.json', runName: 'model.json', nodes: ['d2'] }));
    store.getState().train();
    await until(() => !!last());
    expect((last().sent[0] as Extract<ToWorker, { type: 'start' }>).init![0].tensors[0].values[0]).toBe(7);
  });
});

describe('warm-start record in the database', () => {
  it('survives validation on the way out of IndexedDB', () => {
    const rec = newRunRecord(defaultExperiment(), 'mtl', 'x');
    rec.warmStart = { source: 'src', note: 'n', report: [{ nodeId: 'd1', status: 'copied', detail: 'copied [2,16] [16]' }] };
    expect(validateRunRecord(JSON.parse(JSON.stringify(rec)))!.warmStart).toEqual(rec.warmStart);
    const bad = { ...rec, warmStart: { source: 'src', report: [{ nodeId: 'd1', status: 'teleported', detail: '' }] } };
    expect(validateRunRecord(JSON.parse(JSON.stringify(bad)))).toBeNull();
  });
});
