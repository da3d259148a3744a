import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { dataSeedOf, type ExperimentConfig } from '../model';
import type { MetricPoint } from '../protocol';
import { startPersistence } from './persist';
import { compareGroups, seedGroups, summarizeGroup } from './seedGroups';
import { fakeWorkerStore } from './testing';

const point = (step: number, metrics: number[]): MetricPoint => ({
  step,
  tasks: metrics.map((m) => ({ trainLoss: 1, valLoss: 1, metric: m })),
  weights: metrics.map(() => 1),
  totalLoss: 1,
  conflict: null,
});

function setup() {
  const { store, workers } = fakeWorkerStore();
  const current = () => {
    const w = workers[workers.length - 1];
    return { w, start: w.sent[0] as { runId: string; config: ExperimentConfig } };
  };
  /** Finish the current run with these final metrics. */
  const finish = (metrics: (cfg: ExperimentConfig) => number[]) => {
    const { w, start } = current();
    w.emit({ type: 'metrics', runId: start.runId, points: [point(10, metrics(start.config))], step: 10, stepsPerSec: 1 });
    w.emit({ type: 'done', runId: start.runId, step: 10, stepsPerSec: 1, elapsedMs: 1 });
  };
  return { store, workers, current, finish };
}

describe('Train × N seeds', () => {
  it('trains each seed then its same-seed baselines, one after another, as one group that survives a reload', async () => {
    const factory = new IDBFactory();
    const { store, workers, current, finish } = setup();
    const p = await startPersistence(store, { hash: '', factory, dbName: 'seeds', saveDelayMs: 10 });
    store.getState().update((d) => void (d.seeds = { count: 3, varyData: false }));
    store.getState().trainSeeds();
    // 3 seeds × (1 multi-task run + 3 baselines)
    expect(store.getState().queue).toMatchObject({ what: 'seeds', total: 12, done: 0, seed: { index: 0, count: 3 } });
    const seen: [string, number, number][] = [];
    for (let k = 0; k < 12; k++) {
      const { start } = current();
      seen.push([start.config.tasks.length > 1 ? 'mtl' : start.config.tasks[0].id, start.config.seed, dataSeedOf(start.config)]);
      expect(store.getState().queue!.seed!.index).toBe(Math.floor(k / 4));
      // height baseline RMSE 0.4 + 0.1·(seed − 42), multi-task runs 0.5: Δm% per seed differs
      finish((c) => (c.tasks.length > 1 ? [0.9, 0.6, 0.5] : c.tasks[0].id === 'height' ? [0.4 + 0.1 * (c.seed - 42)] : [c.tasks[0].id === 'side' ? 0.9 : 0.6]));
    }
    expect(workers).toHaveLength(12);
    expect(store.getState().queue).toBeNull();
    expect(seen.filter(([k]) => k === 'mtl').map(([, s, d]) => [s, d])).toEqual([
      [42, 42],
      [43, 42],
      [44, 42],
    ]);
    expect(seen.filter(([k]) => k === 'height').map(([, s]) => s)).toEqual([42, 43, 44]);
    const [g] = seedGroups(store.getState().runs);
    expect(g.name).toBe('Equal · Three tasks, hard sharing #1');
    expect(g.members.map((r) => r.name)).toEqual([42, 43, 44].map((s) => `Equal · Three tasks, hard sharing #1 · seed ${s}`));
    // height Δm% per seed: −(0.5 − 0.4)/0.4 = −25 %, 0 %, −(0.5 − 0.6)/0.6 = +16.667 %; Δm% = that / 3
    const sum = summarizeGroup(g, store.getState().runs);
    expect(sum.deltaM!.mean).toBeCloseTo((-25 + 0 + 100 / 6) / 9, 10);

    // a second configuration reuses the baselines: 3 runs only
    store.getState().update((d) => void (d.weighting = { kind: 'pcgrad', params: {}, weights: {} }));
    store.getState().trainSeeds();
    expect(store.getState().queue).toMatchObject({ total: 3 });
    for (let k = 0; k < 3; k++) finish(() => [0.95, 0.6, 0.5]);
    const groups = seedGroups(store.getState().runs);
    expect(groups.map((x) => x.name)).toEqual(['PCGrad · Three tasks, hard sharing #1', 'Equal · Three tasks, hard sharing #1']);
    const cmp = compareGroups(groups[1], groups[0], store.getState().runs);
    expect(cmp.tasks[0].result).toMatchObject({ n: 3, half: 0, distinguishable: true });
    expect(cmp.tasks[0].result.mean).toBeCloseTo(0.05, 12);

    // the groups survive a reload
    await new Promise((r) => setTimeout(r, 50));
    p.dispose();
    const again = setup();
    const p2 = await startPersistence(again.store, { hash: '', factory, dbName: 'seeds' });
    const back = seedGroups(again.store.getState().runs);
    expect(back.map((x) => [x.name, x.members.length, x.size])).toEqual([
      ['PCGrad · Three tasks, hard sharing #1', 3, 3],
      ['Equal · Three tasks, hard sharing #1', 3, 3],
    ]);
    expect(summarizeGroup(back[1], again.store.getState().runs).deltaM!.mean).toBeCloseTo(sum.deltaM!.mean, 10);
    p2.dispose();
  });

  it('Stop cancels the rest of the study; a failed seed drops the rest; a warm start is refused', () => {
    const { store, workers, current, finish } = setup();
    store.getState().update((d) => void (d.seeds = { count: 2, varyData: true }));
    store.getState().trainSeeds();
    finish(() => [0.9, 0.6, 0.5]);
    store.getState().stop();
    expect(store.getState().queue).toBeNull();
    expect(workers).toHaveLength(2);
    expect(store.getState().runs[0]).toMatchObject({ status: 'stopped', kind: 'baseline' });
    store.getState().trainSeeds();
    const { w, start } = current();
    w.emit({ type: 'error', runId: start.runId, message: 'x' });
    expect(store.getState().queue).toBeNull();
    expect(workers).toHaveLength(3);
    store.getState().update((d) => void (d.warmStart = { runId: 'r', runName: 'r', nodes: [] }));
    store.getState().trainSeeds();
    expect(workers).toHaveLength(3);
    expect(store.getState().banner?.text).toMatch(/warm start/);
  });
});

describe('an unfinished study', () => {
  it('resumes with the seeds and baselines that did not finish, same group, same seeds and data', () => {
    const { store, current, finish } = setup();
    store.getState().update((d) => void (d.seeds = { count: 2, varyData: false }));
    store.getState().trainSeeds();
    for (let k = 0; k < 3; k++) finish(() => [0.9, 0.6, 0.5]); // seed 42 and 2 of its 3 baselines
    expect(current().start.config.tasks.map((t) => t.id)).toEqual(['height']);
    store.getState().stop(); // seed 42's height baseline stopped mid-run
    const [g] = seedGroups(store.getState().runs);
    expect(summarizeGroup(g, store.getState().runs).done).toBe(1);
    store.getState().update((d) => void (d.seed = 7)); // the editor moved on: resume uses the group's own seeds
    store.getState().resumeSeedGroup(g.id);
    // seed 42's height baseline, then seed 43 and its 3 baselines
    expect(store.getState().queue).toMatchObject({ what: 'seeds', total: 5, seed: { index: 0, count: 2 } });
    expect(current().start.config).toMatchObject({ seed: 42, tasks: [{ id: 'height' }] });
    finish(() => [0.5]);
    const { start } = current();
    expect([start.config.seed, dataSeedOf(start.config), start.config.tasks.length]).toEqual([43, 42, 3]);
    for (let k = 0; k < 4; k++) finish(() => [0.9, 0.6, 0.5]);
    expect(summarizeGroup(seedGroups(store.getState().runs)[0], store.getState().runs).deltaM!.n).toBe(2);
    const [again] = seedGroups(store.getState().runs);
    expect(again.id).toBe(g.id);
    expect(summarizeGroup(again, store.getState().runs).done).toBe(2);
    store.getState().resumeSeedGroup(g.id);
    expect(store.getState().banner?.text).toMatch(/Every seed/);
    // deleting the group deletes its seed runs (the stopped one too), not the baselines
    store.getState().deleteSeedGroup(g.id);
    expect(seedGroups(store.getState().runs)).toEqual([]);
    expect(store.getState().runs.filter((r) => r.status === 'done').map((r) => r.kind)).toEqual(Array(6).fill('baseline'));
  });
});
