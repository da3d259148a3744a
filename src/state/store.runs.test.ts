import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultExperiment, type ExperimentConfig } from '../model';
import type { MetricPoint } from '../protocol';
import { hashFor } from '../share';
import { runDeltaM } from './compare';
import { startPersistence } from './persist';
import { newRunRecord } from './runs';
import { openRunsDb, type RunRecord } from './runsDb';
import { createAppStore } from './store';
import { FakeWorker } from '../bridge/fakeWorker';


const point = (step: number, metrics: number[]): MetricPoint => ({
  step,
  tasks: metrics.map((m) => ({ trainLoss: 1, valLoss: 1, metric: m })),
  weights: metrics.map(() => 1),
  totalLoss: metrics.length,
  conflict: null,
});

/** Let fake-indexeddb's transactions (scheduled with setImmediate/timeouts) finish. */
const settle = () => new Promise((r) => setTimeout(r, 20));

function setup(opts: { factory?: IDBFactory; clock?: { t: number }; initial?: ExperimentConfig } = {}) {
  const workers: FakeWorker[] = [];
  const clock = opts.clock ?? { t: 1000 };
  const store = createAppStore(
    opts.initial ?? defaultExperiment(),
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    { now: () => clock.t, flushMs: 2000 },
  );
  const last = () => workers[workers.length - 1];
  const runId = () => (last().sent[0] as { runId: string }).runId;
  return { store, workers, clock, last, runId };
}

afterEach(() => vi.restoreAllMocks());

describe('runs slice', () => {
  it('keeps a run record through its lifecycle and persists it at start, every ≥2 s and at the end', async () => {
    const factory = new IDBFactory();
    const { store, last, runId, clock } = setup({ factory });
    const p = await startPersistence(store, { hash: '', factory, dbName: 'life', saveDelayMs: 10 });
    expect(p.db).not.toBeNull();
    store.getState().train();
    const id = runId();
    let rec = store.getState().runs[0];
    expect(rec).toMatchObject({ id, status: 'running', kind: 'mtl', points: [] });
    expect(rec.name).toMatch(/^Equal · Three tasks, hard sharing #1$/);
    last().emit({ type: 'ready', runId: id, backend: 'js', requested: 'auto', notes: [] });
    clock.t += 500;
    last().emit({ type: 'metrics', runId: id, points: [point(0, [0.5, 0.4, 2])], step: 0, stepsPerSec: 50 });
    // within 2 s of the last refresh: the list is not touched
    expect(store.getState().runs[0].points).toHaveLength(0);
    expect(store.getState().runs[0].backend).toBe('js');
    clock.t += 2000;
    last().emit({ type: 'metrics', runId: id, points: [point(10, [0.6, 0.5, 1.5])], step: 10, stepsPerSec: 60 });
    expect(store.getState().runs[0].points).toHaveLength(2);
    await settle();
    expect((await p.db!.getRun(id))!.points).toHaveLength(2);
    last().emit({ type: 'done', runId: id, step: 20, stepsPerSec: 70, elapsedMs: 300 });
    rec = store.getState().runs[0];
    expect(rec).toMatchObject({ status: 'done', stepsPerSec: 70, elapsedMs: 300, backend: 'js' });
    expect(store.getState().liveRunId).toBeNull();
    await settle();
    expect(await p.db!.getRun(id)).toMatchObject({ status: 'done', stepsPerSec: 70 });

    // a second run is stopped; a third fails
    store.getState().train();
    const id2 = runId();
    store.getState().stop();
    store.getState().train();
    const id3 = runId();
    last().emit({ type: 'error', runId: id3, message: 'boom' });
    expect(store.getState().runs.map((r) => [r.id, r.status])).toEqual([
      [id3, 'failed'],
      [id2, 'stopped'],
      [id, 'done'],
    ]);
    expect(store.getState().runs[0].error).toBe('boom');

    // rename, select, open, delete
    store.getState().renameRun(id, '  best run  ');
    store.getState().toggleRunSelected(id);
    store.getState().toggleRunSelected(id2);
    store.getState().update((d) => void (d.seed = 99));
    store.getState().openRun(id);
    expect(store.getState().config.seed).toBe(defaultExperiment().seed);
    store.getState().deleteRun(id2);
    expect(store.getState().selectedRunIds).toEqual([id]);
    await settle();
    const stored = await p.db!.listRuns();
    expect(stored.map((r) => r.id)).toEqual([id3, id]);
    expect(stored[1].name).toBe('best run');
    p.dispose();
  });

  it('at boot marks runs left running as interrupted and loads them; restores the saved experiment when the URL holds none', async () => {
    const factory = new IDBFactory();
    const db = await openRunsDb('boot', factory);
    const saved = defaultExperiment();
    saved.name = 'saved one';
    saved.seed = 1234;
    await db.saveCurrentExperiment(saved);
    await db.putRun(newRunRecord(defaultExperiment(), 'mtl', 'left running', { id: 'r1', createdAt: 1 }));
    await db.putRun({ ...newRunRecord(defaultExperiment(), 'mtl', 'finished', { id: 'r2', createdAt: 2 }), status: 'done' });
    db.close();

    const a = setup();
    const p = await startPersistence(a.store, { hash: '', factory, dbName: 'boot', saveDelayMs: 10 });
    expect(p.interrupted).toEqual(['r1']);
    expect(p.restored).toBe(true);
    expect(a.store.getState().config.name).toBe('saved one');
    expect(a.store.getState().runs.map((r) => [r.id, r.status])).toEqual([
      ['r2', 'done'],
      ['r1', 'interrupted'],
    ]);
    // edits are autosaved (debounced)
    a.store.getState().update((d) => void (d.name = 'edited'));
    await new Promise((r) => setTimeout(r, 60));
    expect((await p.db!.loadCurrentExperiment())!.name).toBe('edited');
    p.dispose();

    // the URL wins over the saved experiment
    const shared = defaultExperiment();
    shared.name = 'from the link';
    const b = setup({ initial: shared });
    const p2 = await startPersistence(b.store, { hash: hashFor(shared), factory, dbName: 'boot' });
    expect(p2.restored).toBe(false);
    expect(b.store.getState().config.name).toBe('from the link');
    expect(b.store.getState().runs).toHaveLength(2);
    p2.dispose();
  });

  it('works without IndexedDB', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { store, runId, last } = setup();
    const p = await startPersistence(store, { hash: '', factory: undefined });
    expect(p.db).toBeNull();
    expect(store.getState().banner?.text).toMatch(/no storage to this page \(IndexedDB is unavailable\)/);
    store.getState().train();
    last().emit({ type: 'done', runId: runId(), step: 1, stepsPerSec: 1, elapsedMs: 1 });
    expect(store.getState().runs[0].status).toBe('done');
  });

  it('trains baselines one after another and matches them for Δm%', () => {
    const { store, last, runId, workers } = setup();
    // the multi-task run: side acc 0.9, zone acc 0.6, height RMSE 0.5
    store.getState().train();
    const mtl = runId();
    last().emit({ type: 'metrics', runId: mtl, points: [point(10, [0.9, 0.6, 0.5])], step: 10, stepsPerSec: 1 });
    last().emit({ type: 'done', runId: mtl, step: 10, stepsPerSec: 1, elapsedMs: 1 });

    store.getState().trainBaselines();
    expect(store.getState().queue).toEqual({ what: 'baselines', total: 3, done: 0 });
    const base = [0.8, 0.6, 0.4]; // side 0.8 acc, zone 0.6 acc, height RMSE 0.4
    for (let k = 0; k < 3; k++) {
      const w = last();
      const id = runId();
      const start = w.sent[0] as { config: ExperimentConfig };
      expect(start.config.tasks).toHaveLength(1);
      w.emit({ type: 'metrics', runId: id, points: [point(10, [base[k]])], step: 10, stepsPerSec: 1 });
      w.emit({ type: 'done', runId: id, step: 10, stepsPerSec: 1, elapsedMs: 1 });
    }
    expect(workers).toHaveLength(4);
    expect(store.getState().queue).toBeNull();
    const runs = store.getState().runs;
    const baselines = runs.filter((r) => r.kind === 'baseline');
    expect(baselines.map((r) => r.baselineOf)).toEqual([
      { runId: mtl, taskId: 'height' },
      { runId: mtl, taskId: 'zone' },
      { runId: mtl, taskId: 'side' },
    ]);
    expect(baselines.map((r) => r.name)).toEqual(['Baseline · Height #1', 'Baseline · Zone #1', 'Baseline · Side #1']);

    const mtlRec = runs.find((r) => r.id === mtl)!;
    const d = runDeltaM(mtlRec, runs)!;
    // side: accuracy +12.5 %, cross-entropy 1 vs 1 0 % → 6.25 %; zone 0 %; height −(0.5 − 0.4)/0.4 = −25 % → mean −18.75/3
    expect(d.perTask[0]).toBeCloseTo(6.25);
    expect(d.perTask[1]).toBeCloseTo(0);
    expect(d.perTask[2]).toBeCloseTo(-25);
    expect(d.mean).toBeCloseTo(-18.75 / 3);
    // all metrics at once: (12.5 + 0 + 0 + 0 − 25)/5
    expect(runDeltaM(mtlRec, runs, 'all-metrics')!.mean).toBeCloseTo(-2.5);
    expect(d.baselineIds).toEqual(['side', 'zone', 'height'].map((t) => baselines.find((b) => b.baselineOf!.taskId === t)!.id));
  });

  it('a baseline failure cancels the rest of the queue', () => {
    const { store, last, runId, workers } = setup();
    store.getState().trainBaselines();
    last().emit({ type: 'error', runId: runId(), message: 'x' });
    expect(workers).toHaveLength(1);
    expect(store.getState().queue).toBeNull();
    expect(store.getState().runs[0]).toMatchObject({ kind: 'baseline', status: 'failed' });
  });
});

describe('Δm% baseline matching', () => {
  const done = (r: RunRecord, metrics: number[], createdAt: number): RunRecord => ({ ...r, status: 'done', createdAt, points: [point(10, metrics)] });
  const baseFor = (cfg: ExperimentConfig, taskIndex: number, metric: number, createdAt: number, id: string) => {
    const t = cfg.tasks[taskIndex];
    const c = { ...structuredClone(cfg), tasks: [t] };
    return done(newRunRecord(c, 'baseline', id, { id, baselineOf: { taskId: t.id } }), [metric], createdAt);
  };

  it('uses the latest baseline with the same data, seed and optimiser budget, and needs one per task', () => {
    const cfg = defaultExperiment();
    const mtl = done(newRunRecord(cfg, 'mtl', 'm', { id: 'm' }), [0.9, 0.9, 1], 10);
    const other = structuredClone(cfg);
    other.seed += 1;
    const longer = structuredClone(cfg);
    longer.optimizer.steps *= 2;
    const runs = [
      mtl,
      baseFor(cfg, 0, 0.9, 1, 'side-old'),
      baseFor(cfg, 0, 0.45, 5, 'side-new'),
      baseFor(other, 0, 0.1, 9, 'side-other-seed'),
      baseFor(longer, 0, 0.1, 9, 'side-longer'),
      baseFor(cfg, 1, 0.9, 2, 'zone'),
    ];
    expect(runDeltaM(mtl, runs)).toBeNull(); // no height baseline yet
    runs.push(baseFor(cfg, 2, 2, 3, 'height'));
    const running = { ...baseFor(cfg, 2, 100, 20, 'height-running'), status: 'running' as const };
    runs.push(running);
    const d = runDeltaM(mtl, runs)!;
    expect(d.baselineIds).toEqual(['side-new', 'zone', 'height']);
    // side: accuracy +100 %, equal cross-entropy 0 % → 50 %; zone 0 %; height RMSE 1 vs 2 → +50 %
    expect(d.perTask).toEqual([50, 0, 50]);
    expect(d.mean).toBeCloseTo(100 / 3);
    expect(runDeltaM(runs[1], runs)).toBeNull(); // baselines have no Δm
  });
});
