import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { defaultExperiment, type ExperimentConfig, type StudyConfig } from '../model';
import type { MetricPoint, ToWorker } from '../protocol';
import { bootFromHash } from './boot';
import { startPersistence } from './persist';
import { studyHash } from '../share/study';
import { createAppStore } from './store';
import { FakeWorker } from '../bridge/fakeWorker';

const point = (metrics: number[]): MetricPoint => ({ step: 5, tasks: metrics.map((m) => ({ trainLoss: 1, valLoss: 1, metric: m })), weights: metrics.map(() => 1), totalLoss: 1, conflict: null });

const study = (): StudyConfig => ({
  version: 1,
  name: 'S',
  base: defaultExperiment(),
  knob: 'dataset.relatedness',
  values: [0, 1],
  arms: [{ template: 'hard' }, { template: 'single' }],
  seeds: { count: 2, varyData: false },
  metric: { kind: 'deltaM' },
});

/** A store whose workers are fakes; `answer` finishes every run each worker was last sent. */
function setup() {
  const workers: FakeWorker[] = [];
  const store = createAppStore(defaultExperiment(), () => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  }, { studyWorkers: 2 });
  const starts = () => workers.flatMap((w) => w.sent.filter((m): m is Extract<ToWorker, { type: 'start' }> => m.type === 'start'));
  /** Finish the run each live worker is training now (multi-task 0.9 accuracy, baselines 0.8). */
  const answer = () => {
    for (const w of workers.filter((x) => !x.terminated)) {
      const m = w.sent.at(-1) as { runId: string; config: ExperimentConfig; lean?: boolean };
      const metrics = m.config.tasks.map(() => (m.config.tasks.length > 1 ? 0.9 : 0.8));
      w.emit({ type: 'metrics', runId: m.runId, points: [point(metrics)], step: 5, stepsPerSec: 1 });
      w.emit({ type: 'done', runId: m.runId, step: 5, stepsPerSec: 1, elapsedMs: 1 });
    }
  };
  return { store, workers, starts, answer };
}

describe('studies in the store', () => {
  it('train in two reused workers with lean starts, count progress, and store the study with its runs', async () => {
    const factory = new IDBFactory();
    const { store, workers, starts, answer } = setup();
    await startPersistence(store, { hash: '', factory, dbName: 'st1', saveDelayMs: 10 });
    store.getState().setStudyDraft(study());
    store.getState().runStudy();
    // 8 multi-task runs + 2 values × 2 seeds × 3 baselines
    expect(store.getState().studyProgress).toMatchObject({ done: 0, total: 20, workers: 2 });
    expect(workers).toHaveLength(2);
    expect(starts().every((s) => s.lean === true)).toBe(true);
    for (let k = 0; k < 10; k++) answer();
    expect(workers).toHaveLength(2);
    expect(starts()).toHaveLength(20);
    expect(store.getState().studyProgress).toBeNull();
    const rec = store.getState().studies[0];
    expect(rec.status).toBe('done');
    expect(store.getState().studyRuns).toHaveLength(20);
    // the workers are let go once the study is over
    expect(workers.every((w) => w.terminated)).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    const second = setup();
    await startPersistence(second.store, { hash: '', factory, dbName: 'st1', saveDelayMs: 10 });
    await expect.poll(() => second.store.getState().studyRuns.length).toBe(20);
    expect(second.store.getState().studies[0]).toMatchObject({ id: rec.id, status: 'done' });
  });

  it('an interrupted study says so after a reload and Resume trains only the runs that did not finish', async () => {
    const factory = new IDBFactory();
    const first = setup();
    await startPersistence(first.store, { hash: '', factory, dbName: 'st2', saveDelayMs: 10 });
    first.store.getState().setStudyDraft(study());
    first.store.getState().runStudy();
    for (let k = 0; k < 3; k++) first.answer();
    expect(first.store.getState().studyProgress).toMatchObject({ done: 6, total: 20 });
    await new Promise((r) => setTimeout(r, 50));
    // the tab goes away mid-study: a new store on the same database
    const second = setup();
    await startPersistence(second.store, { hash: '', factory, dbName: 'st2', saveDelayMs: 10 });
    const rec = second.store.getState().studies[0];
    expect(rec.status).toBe('interrupted');
    await expect.poll(() => second.store.getState().studyRuns.length).toBe(6);
    second.store.getState().resumeStudy(rec.id);
    expect(second.store.getState().studyProgress).toMatchObject({ done: 6, total: 20 });
    const trainedBefore = new Set(first.store.getState().studyRuns.map((r) => r.id));
    expect(trainedBefore.size).toBe(6);
    for (let k = 0; k < 7; k++) second.answer();
    expect(second.starts()).toHaveLength(14);
    expect(second.starts().some((s) => trainedBefore.has(s.runId))).toBe(false);
    expect(second.store.getState().studies[0].status).toBe('done');
    expect(second.store.getState().studyRuns).toHaveLength(20);
  });

  it('Cancel terminates the workers and keeps the finished runs; the study is stopped', () => {
    const { store, workers, answer } = setup();
    store.getState().setStudyDraft(study());
    store.getState().runStudy();
    answer();
    store.getState().cancelStudy();
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(store.getState().studyProgress).toBeNull();
    expect(store.getState().studies[0].status).toBe('stopped');
    expect(store.getState().studyRuns).toHaveLength(2);
  });

  it('a study link opens its setup as the draft and its experiment in the editor', () => {
    const s = study();
    s.base.name = 'from the link';
    const boot = bootFromHash(studyHash(s));
    expect(boot.fromLink).toBe(true);
    expect(boot.study).toEqual(s);
    expect(boot.config.name).toBe('from the link');
  });
});
