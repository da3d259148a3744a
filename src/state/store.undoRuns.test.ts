import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { defaultExperiment, type NodeWeights } from '../model';
import type { MetricPoint } from '../protocol';
import { openRunsDb } from './runsDb';
import { fakeWorkerStore } from './testing';

const nw = (id: string, v: number): NodeWeights => ({ id, kind: 'dense', tensors: [{ shape: [1], values: Float32Array.from([v]) }] });
const point = (step: number, loss: number): MetricPoint => ({ step, tasks: [0, 1, 2].map(() => ({ trainLoss: loss, valLoss: loss, metric: 0.5 })), weights: [1, 1, 1], totalLoss: 3 * loss, conflict: null });
const settle = () => new Promise((r) => setTimeout(r, 30));

function setup() {
  const { store, workers } = fakeWorkerStore();
  const last = () => workers[workers.length - 1];
  /** Train one fake run to the end with `losses` as its evaluations and one node's weights. */
  const finishOne = (losses: number[]): string => {
    store.getState().train();
    const id = (last().sent[0] as { runId: string }).runId;
    last().emit({ type: 'ready', runId: id, backend: 'js', requested: 'auto', notes: [] });
    last().emit({ type: 'metrics', runId: id, points: losses.map((l, i) => point(i * 10, l)), step: losses.length * 10, stepsPerSec: 5 });
    last().emit({ type: 'weights', runId: id, step: 5, weights: [nw('d1', losses[0])] });
    last().emit({ type: 'done', runId: id, step: 5, stepsPerSec: 5, elapsedMs: 1 });
    return id;
  };
  return { store, finishOne };
}

describe('undoable run deletion and Open', () => {
  it('Undo in the message puts a deleted run and its weights back, in the list and in the database', async () => {
    const { store, finishOne } = setup();
    const factory = new IDBFactory();
    const db = await openRunsDb('undo-delete', factory);
    store.getState().attachDb(db);
    const a = finishOne([1, 0.5]);
    const b = finishOne([2, 1]);
    await settle();
    store.getState().deleteRun(a);
    expect(store.getState().runs.map((r) => r.id)).toEqual([b]);
    const banner = store.getState().banner!;
    expect(banner.text).toContain('Deleted run');
    await settle();
    expect(await db.getRun(a)).toBeNull();
    expect(await db.readSeries(a, 3)).toEqual([]);
    banner.action!.run();
    await settle();
    expect(store.getState().runs.map((r) => r.id)).toEqual([b, a]);
    expect((await db.getRun(a))?.status).toBe('done');
    expect((await db.getWeights(a))?.weights[0].tensors[0].values[0]).toBe(1);
    // its full series (written by the session in chunks) is back too
    expect((await db.readSeries(a, 3)).map((p) => p.step)).toEqual([0, 10]);
    banner.action!.run(); // twice: still one copy
    await settle();
    expect(store.getState().runs.filter((r) => r.id === a)).toHaveLength(1);
    db.close();
  });

  it('Open shows the run’s curves in the live view unless a run is live; Undo in its message goes back', () => {
    const { store, finishOne } = setup();
    const a = finishOne([1, 0.5, 0.25]);
    store.getState().update((d) => void (d.seed = 7));
    finishOne([3, 2]);
    expect(store.getState().points).toHaveLength(2);
    store.getState().openRun(a);
    const s = store.getState();
    expect(s.runId).toBe(a);
    expect(s.status).toBe('done');
    expect(s.points.map((p) => p.tasks[0].valLoss)).toEqual([1, 0.5, 0.25]);
    expect(s.runTasks.map((t) => t.id)).toEqual(s.config.tasks.map((t) => t.id));
    expect(s.config.seed).toBe(defaultExperiment().seed);
    s.banner!.action!.run();
    expect(store.getState().config.seed).toBe(7);
    // While a run trains, the charts stay on it.
    store.getState().train();
    const live = store.getState().runId;
    store.getState().openRun(a);
    expect(store.getState().runId).toBe(live);
    expect(store.getState().banner!.text).toContain('keep following the live run');
  });
});
