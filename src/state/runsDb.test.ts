import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultExperiment } from '../model';
import type { MetricPoint } from '../protocol';
import { newRunRecord } from './runs';
import { capPoints, MAX_STORED_POINTS, openRunsDb, validateRunWeights, type RunRecord, type RunsDb } from './runsDb';

const point = (step: number): MetricPoint => ({
  step,
  tasks: [
    { trainLoss: 0.5, valLoss: 0.6, metric: 0.9 },
    { trainLoss: 1, valLoss: NaN, metric: 0.4 },
    { trainLoss: 0.2, valLoss: 0.3, metric: 0.45 },
  ],
  weights: [1, 1, 1],
  totalLoss: 1.7,
  conflict: step % 20 === 0 ? { cosine: [[1, -0.2], [-0.2, 1]], norms: [1, 2], measured: 10, conflicting: 3 } : null,
});

const run = (id: string, createdAt: number, extra: Partial<RunRecord> = {}): RunRecord => ({
  ...newRunRecord(defaultExperiment(), 'mtl', `run ${id}`, { id, createdAt }),
  ...extra,
});

/** Write a raw value straight into the runs store, bypassing putRun (to simulate a damaged or foreign record). */
function putRaw(factory: IDBFactory, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = factory.open('test');
    open.onsuccess = () => {
      const tx = open.result.transaction('runs', 'readwrite');
      tx.objectStore('runs').put(value);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('runsDb', () => {
  let factory: IDBFactory;
  let db: RunsDb;
  beforeEach(async () => {
    factory = new IDBFactory();
    db = await openRunsDb('test', factory);
  });
  afterEach(() => {
    db.close();
    vi.restoreAllMocks();
  });

  it('round-trips a run, NaN and conflict included', async () => {
    const r = run('a', 1, { points: [point(10), point(20)], status: 'done', backend: 'js', stepsPerSec: 321, elapsedMs: 900 });
    await db.putRun(r);
    const back = await db.getRun('a');
    expect(back).toEqual(r);
    expect(back!.points[0].tasks[1].valLoss).toBeNaN();
    expect(await db.getRun('missing')).toBeNull();
  });

  it('keeps a baseline record’s link to its task and run', async () => {
    const b = newRunRecord(defaultExperiment(), 'baseline', 'b', { id: 'b', createdAt: 1, baselineOf: { runId: 'a', taskId: 'zone' } });
    await db.putRun(b);
    expect(await db.getRun('b')).toMatchObject({ kind: 'baseline', baselineOf: { runId: 'a', taskId: 'zone' } });
  });

  it('keeps a seeded run’s group and its data seed, and drops a malformed group', async () => {
    const cfg = { ...defaultExperiment(), seed: 43, dataSeed: 42 };
    const r = { ...newRunRecord(cfg, 'mtl', 's', { id: 's', createdAt: 1 }), seedGroup: { id: 'g1', name: 'Equal × 3', index: 1, size: 3 } };
    await db.putRun(r);
    expect(await db.getRun('s')).toEqual(r);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await putRaw(factory, { ...r, id: 'bad', seedGroup: { id: 'g1', name: 'x', index: -1, size: 3 } });
    expect(await db.getRun('bad')).toBeNull();
  });

  it('lists newest first and replaces on put', async () => {
    await db.putRun(run('old', 100));
    await db.putRun(run('new', 300));
    await db.putRun(run('mid', 200));
    await db.putRun(run('mid', 200, { status: 'done' }));
    const list = await db.listRuns();
    expect(list.map((r) => r.id)).toEqual(['new', 'mid', 'old']);
    expect(list[1].status).toBe('done');
  });

  it('renames and deletes', async () => {
    await db.putRun(run('a', 1));
    await db.putRun(run('b', 2));
    expect(await db.renameRun('a', '  Better name  ')).toBe(true);
    expect((await db.getRun('a'))!.name).toBe('Better name');
    expect(await db.renameRun('nope', 'x')).toBe(false);
    await expect(db.renameRun('a', '   ')).rejects.toThrow(/empty/);
    await db.deleteRun('b');
    expect((await db.listRuns()).map((r) => r.id)).toEqual(['a']);
    await db.deleteRun('b'); // deleting twice is harmless
  });

  it('saves and loads the current experiment', async () => {
    expect(await db.loadCurrentExperiment()).toBeNull();
    const cfg = defaultExperiment();
    cfg.name = 'saved';
    cfg.seed = 7;
    await db.saveCurrentExperiment(cfg);
    expect(await db.loadCurrentExperiment()).toEqual(cfg);
    cfg.name = 'saved again';
    await db.saveCurrentExperiment(cfg);
    expect((await db.loadCurrentExperiment())!.name).toBe('saved again');
  });

  it('ignores an invalid saved experiment with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await db.saveCurrentExperiment({ ...defaultExperiment(), seed: -5 });
    expect(await db.loadCurrentExperiment()).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
  });

  it('marks runs left running as interrupted', async () => {
    await db.putRun(run('r1', 1));
    await db.putRun(run('r2', 2, { status: 'done' }));
    await db.putRun(run('r3', 3));
    expect((await db.markInterrupted()).sort()).toEqual(['r1', 'r3']);
    const byId = Object.fromEntries((await db.listRuns()).map((r) => [r.id, r.status]));
    expect(byId).toEqual({ r1: 'interrupted', r2: 'done', r3: 'interrupted' });
    expect(await db.markInterrupted()).toEqual([]);
  });

  it('drops malformed records with a warning instead of failing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await db.putRun(run('good', 1));
    await putRaw(factory, { id: 'junk', name: 42 });
    await putRaw(factory, { ...run('badcfg', 2), config: { ...defaultExperiment(), optimizer: { kind: 'rmsprop' } } });
    await putRaw(factory, { ...run('badpts', 3), points: [{ step: 1, tasks: 'no' }] });
    await putRaw(factory, { ...run('badnode', 4), config: { ...defaultExperiment(), graph: { nodes: [{ id: 'x', kind: 'teleport', params: {}, position: { x: 0, y: 0 } }], edges: [] } } });
    await putRaw(factory, { ...run('badT', 5), points: [{ ...point(10), tasks: [{ trainLoss: 1, valLoss: 1, metric: 1 }] }] });
    expect((await db.listRuns()).map((r) => r.id)).toEqual(['good']);
    expect(await db.getRun('junk')).toBeNull();
    expect(warn.mock.calls.length).toBeGreaterThanOrEqual(5);
  });

  it('caps stored points, keeping the first and the last', async () => {
    const n = 5003;
    const pts = Array.from({ length: n }, (_, i) => point((i + 1) * 10));
    const r = run('long', 1, { points: pts });
    await db.putRun(r);
    expect(r.points.length).toBe(n); // the caller's record is not thinned
    const back = (await db.getRun('long'))!;
    expect(back.points.length).toBe(MAX_STORED_POINTS);
    expect(back.points[0].step).toBe(10);
    expect(back.points[MAX_STORED_POINTS - 1].step).toBe(n * 10);
    const steps = back.points.map((p) => p.step);
    expect(steps.every((s, i) => i === 0 || s > steps[i - 1])).toBe(true);
  });

  it('separate factories are separate databases', async () => {
    await db.putRun(run('a', 1));
    const other = await openRunsDb('test', new IDBFactory());
    expect(await other.listRuns()).toEqual([]);
    other.close();
  });
});

describe('capPoints', () => {
  it('thins evenly by index with first and last kept', () => {
    expect(capPoints([0, 1, 2, 3, 4, 5, 6, 7, 8], 5)).toEqual([0, 2, 4, 6, 8]);
    expect(capPoints([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(capPoints([1, 2, 3], 1)).toEqual([3]);
  });
});

describe('openRunsDb', () => {
  it('rejects clearly without IndexedDB', async () => {
    await expect(openRunsDb('x', undefined as unknown as IDBFactory)).rejects.toThrow(/IndexedDB is not available/);
  });
});

describe('run weights', () => {
  it('stores, validates and deletes weights with their run', async () => {
    const { IDBFactory: F } = await import('fake-indexeddb');
    const wdb = await openRunsDb('weights-test', new F());
    const weights = [{ id: 'd1', kind: 'dense', tensors: [{ shape: [2, 3], values: Float32Array.from([1, 2, 3, 4, 5, 6]) }, { shape: [3], values: new Float32Array(3) }] }];
    await wdb.putWeights({ runId: 'r1', step: 10, weights, valPred: [Float32Array.from([0.5])] });
    const got = await wdb.getWeights('r1');
    expect(got?.step).toBe(10);
    expect(Array.from(got!.weights[0].tensors[0].values)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(got!.valPred![0])).toEqual([0.5]);
    expect(await wdb.getWeights('nope')).toBeNull();
    await wdb.deleteRun('r1');
    expect(await wdb.getWeights('r1')).toBeNull();
    wdb.close();
  });

  it('rejects weights whose values do not match their shape', () => {
    const bad = { runId: 'r', step: 1, weights: [{ id: 'd', kind: 'dense', tensors: [{ shape: [2, 2], values: new Float32Array(3) }] }] };
    expect(validateRunWeights(bad)).toBeNull();
    expect(validateRunWeights({ ...bad, weights: [] })).not.toBeNull();
  });
});

describe('start-up listing', () => {
  it('reads every run in pages and keeps unreadable ones, with their reason, instead of dropping them', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const factory = new IDBFactory();
    const db = await openRunsDb('paged', factory);
    const base = newRunRecord(defaultExperiment(), 'mtl', 'Run', { createdAt: 0 });
    for (let i = 0; i < 60; i++) await db.putRun({ ...base, id: `r${String(i).padStart(2, '0')}`, name: `Run ${i}`, createdAt: i, status: 'done' });
    // An older or damaged record: readable name, broken config.
    await db.putRun({ ...base, id: 'old', name: 'From an old version', createdAt: 99, config: { ...defaultExperiment(), optimizer: { kind: 'rmsprop' } } as never });
    const { runs, unreadable } = await db.listAll();
    expect(runs).toHaveLength(60);
    expect(runs[0].id).toBe('r59');
    expect(runs.at(-1)!.id).toBe('r00');
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatchObject({ key: 'old', name: 'From an old version' });
    expect(unreadable[0].reason.length).toBeGreaterThan(0);
    await db.deleteRun('old');
    expect((await db.listAll()).unreadable).toEqual([]);
    db.close();
  });
});
