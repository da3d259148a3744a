import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../model';
import type { FromWorker, MetricPoint } from '../protocol';
import { reduceRun, refreshAfter, upsertRun } from './runReducer';
import { newRunRecord } from './runs';
import { trainingPatch, idleTraining } from './trainingView';

const point = (step: number): MetricPoint => ({ step, tasks: [{ trainLoss: 1, valLoss: 1, metric: 0.5 }], weights: [1], totalLoss: 1, conflict: null });
const fresh = () => newRunRecord(defaultExperiment(), 'mtl', 'r', { id: 'r', createdAt: 1 });

describe('run record reducer', () => {
  it('follows a run from ready to done without changing the record it is given', () => {
    const r0 = fresh();
    const r1 = reduceRun(r0, { type: 'ready', runId: 'r', backend: 'js', requested: 'auto', notes: [] });
    expect(r1.backend).toBe('js');
    expect(r0.backend).toBeNull();
    const r2 = reduceRun(r1, { type: 'metrics', runId: 'r', points: [point(0), point(10)], step: 10, stepsPerSec: 40 });
    expect(r2.points.map((p) => p.step)).toEqual([0, 10]);
    expect(r2.stepsPerSec).toBe(40);
    expect(r1.points).toEqual([]);
    const r3 = reduceRun(r2, { type: 'robustness', runId: 'r', robustness: { eps: [0.1], scores: [[0.4]] } });
    const r4 = reduceRun(r3, { type: 'weights', runId: 'r', step: 10, weights: [] });
    expect(r4).toMatchObject({ hasWeights: true, robustness: { eps: [0.1] }, status: 'running' });
    const done = reduceRun(r4, { type: 'done', runId: 'r', step: 10, stepsPerSec: 50, elapsedMs: 200 });
    expect(done).toMatchObject({ status: 'done', stepsPerSec: 50, elapsedMs: 200, backend: 'js', hasWeights: true });
    expect(done.points).toHaveLength(2);
  });

  it('an error finishes the run as failed with its message', () => {
    expect(reduceRun(fresh(), { type: 'error', runId: 'r', message: 'diverged' })).toMatchObject({ status: 'failed', error: 'diverged' });
  });

  it('keeps the warm-start source and adds the worker’s report', () => {
    const rec = { ...fresh(), warmStart: { source: 'src run', report: [] } };
    const report = [{ nodeId: 'd1', status: 'copied' as const, detail: '' }];
    expect(reduceRun(rec, { type: 'warmstart', runId: 'r', report }).warmStart).toEqual({ source: 'src run', report });
    expect(reduceRun(fresh(), { type: 'warmstart', runId: 'r', report }).warmStart).toEqual({ source: '', report });
  });

  it('ignores view-only messages, other runs’ messages and messages after the end', () => {
    const rec = fresh();
    const viewOnly: FromWorker[] = [
      { type: 'paused', runId: 'r', step: 1 },
      { type: 'resumed', runId: 'r', step: 1 },
      { type: 'inspect', runId: 'r', step: 1, nodes: [] },
      { type: 'predictions', runId: 'r', step: 1, pred: [], truth: [] },
      { type: 'boundary', runId: 'r', step: 1, grid: { size: 1, lo: 0, hi: 1 }, values: [] },
    ];
    for (const m of viewOnly) expect(reduceRun(rec, m)).toBe(rec);
    expect(reduceRun(rec, { type: 'done', runId: 'other', step: 1, stepsPerSec: 1, elapsedMs: 1 })).toBe(rec);
    const failed = reduceRun(rec, { type: 'error', runId: 'r', message: 'x' });
    expect(reduceRun(failed, { type: 'metrics', runId: 'r', points: [point(5)], step: 5, stepsPerSec: 1 })).toBe(failed);
  });

  it('says when a running record is worth writing out', () => {
    expect(refreshAfter({ type: 'ready', runId: 'r', backend: 'js', requested: 'auto', notes: [] })).toBe('now');
    expect(refreshAfter({ type: 'paused', runId: 'r', step: 1 })).toBe('now');
    expect(refreshAfter({ type: 'metrics', runId: 'r', points: [], step: 1, stepsPerSec: 1 })).toBe('throttled');
    expect(refreshAfter({ type: 'robustness', runId: 'r', robustness: { eps: [], scores: [] } })).toBe('later');
  });

  it('upserts a record by id, newest first', () => {
    const a = newRunRecord(defaultExperiment(), 'mtl', 'a', { id: 'a' });
    const b = newRunRecord(defaultExperiment(), 'mtl', 'b', { id: 'b' });
    expect(upsertRun([a], b).map((r) => r.id)).toEqual(['b', 'a']);
    expect(upsertRun([b, a], { ...a, name: 'A' }).map((r) => r.name)).toEqual(['b', 'A']);
  });
});

describe('training view reducer', () => {
  it('appends points, tracks status and keys inspection tables by node', () => {
    let v = { ...idleTraining, ...trainingPatch(idleTraining, { type: 'ready', runId: 'r', backend: 'wasm', requested: 'auto', notes: ['n'] }) };
    expect(v).toMatchObject({ status: 'running', backend: 'wasm', backendNotes: ['n'] });
    v = { ...v, ...trainingPatch(v, { type: 'metrics', runId: 'r', points: [point(0)], step: 0, stepsPerSec: 9 }) };
    v = { ...v, ...trainingPatch(v, { type: 'metrics', runId: 'r', points: [point(10)], step: 10, stepsPerSec: 10 }) };
    expect(v.points.map((p) => p.step)).toEqual([0, 10]);
    expect(v).toMatchObject({ step: 10, stepsPerSec: 10 });
    const table = { nodeId: 'cs', kind: 'crossstitch', title: 't', note: '', rows: 1, cols: 1, rowLabels: ['a'], colLabels: ['b'], values: [1] };
    expect(trainingPatch(v, { type: 'inspect', runId: 'r', step: 10, nodes: [table] })).toEqual({ inspection: { step: 10, nodes: { cs: table } } });
    expect(trainingPatch(v, { type: 'paused', runId: 'r', step: 12 })).toEqual({ status: 'paused', step: 12 });
    expect(trainingPatch(v, { type: 'error', runId: 'r', message: 'x' })).toEqual({ status: 'failed', error: 'x' });
    expect(trainingPatch(v, { type: 'weights', runId: 'r', step: 1, weights: [] })).toBeNull();
  });
});
