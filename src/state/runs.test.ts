import { describe, expect, it } from 'vitest';
import { generateDataset } from '../datasets';
import { analyzeGraph, datasetInputDim, defaultExperiment, makeNode } from '../model';
import type { MetricPoint } from '../protocol';
import { appendPoints, baselineConfigs, defaultRunName, finishRun, newRunRecord } from './runs';

const point = (step: number): MetricPoint => ({
  step,
  tasks: [{ trainLoss: 1, valLoss: 1, metric: 0.5 }],
  weights: [1],
  totalLoss: 1,
  conflict: null,
});

describe('run records', () => {
  it('newRunRecord snapshots the config and starts running', () => {
    const cfg = defaultExperiment();
    const r = newRunRecord(cfg, 'mtl', 'mine', { id: 'r1', createdAt: 5 });
    expect(r).toMatchObject({ id: 'r1', name: 'mine', createdAt: 5, status: 'running', kind: 'mtl', backend: null, stepsPerSec: 0, points: [] });
    cfg.name = 'edited later';
    cfg.graph.nodes[1].params.units = 99;
    expect(r.config.name).toBe('Three tasks, hard sharing');
    expect(r.config.graph.nodes[1].params.units).toBe(16);
    expect(r.baselineOf).toBeUndefined();
    const b = newRunRecord(cfg, 'baseline', undefined, { baselineOf: { runId: 'r1', taskId: 'side' } });
    expect(b.name).toBe('edited later');
    expect(b.baselineOf).toEqual({ runId: 'r1', taskId: 'side' });
    expect(b.id).not.toBe(r.id);
  });

  it('appendPoints and finishRun return new records', () => {
    const r = newRunRecord(defaultExperiment(), 'mtl', 'x', { id: 'r' });
    const r2 = appendPoints(r, [point(10), point(20)]);
    const r3 = appendPoints(r2, [point(30)]);
    expect(r.points).toEqual([]);
    expect(r3.points.map((p) => p.step)).toEqual([10, 20, 30]);
    expect(appendPoints(r3, [])).toBe(r3);
    const done = finishRun(r3, 'done', { stepsPerSec: 120, elapsedMs: 5000, backend: 'js' });
    expect(done).toMatchObject({ status: 'done', stepsPerSec: 120, elapsedMs: 5000, backend: 'js' });
    expect(done.error).toBeUndefined();
    expect(r3.status).toBe('running');
    expect(finishRun(r3, 'failed', { error: 'boom' })).toMatchObject({ status: 'failed', error: 'boom', stepsPerSec: 0 });
  });
});

describe('defaultRunName', () => {
  it('numbers runs per weighting and experiment', () => {
    const cfg = defaultExperiment();
    expect(defaultRunName(cfg, [])).toBe('Equal · Three tasks, hard sharing #1');
    expect(defaultRunName(cfg, ['Equal · Three tasks, hard sharing #1', 'Equal · Three tasks, hard sharing #2', 'other #7'])).toBe(
      'Equal · Three tasks, hard sharing #3',
    );
    expect(defaultRunName(cfg, ['Equal · Three tasks, hard sharing'])).toBe('Equal · Three tasks, hard sharing #2');
    cfg.weighting.kind = 'gradnorm';
    expect(defaultRunName(cfg, ['Equal · Three tasks, hard sharing #4'])).toBe('GradNorm · Three tasks, hard sharing #1');
    cfg.name = '  ';
    expect(defaultRunName(cfg, [])).toBe('GradNorm · Untitled #1');
  });
});

describe('baselineConfigs', () => {
  it('builds one valid single-task experiment per task from the default experiment', () => {
    const cfg = defaultExperiment();
    cfg.weighting = { kind: 'gradnorm', params: { alpha: 1.5, lr: 0.025 }, weights: { side: 1, zone: 1, height: 1 } };
    const before = JSON.stringify(cfg);
    const bs = baselineConfigs(cfg);
    expect(JSON.stringify(cfg)).toBe(before); // input untouched
    expect(bs.map((b) => b.taskId)).toEqual(['side', 'zone', 'height']);
    for (const { taskId, config: b } of bs) {
      expect(b.tasks).toEqual([cfg.tasks.find((t) => t.id === taskId)]);
      expect(b.graph.nodes.map((n) => n.id)).toEqual(['in', 'd1', 'd2', `head_${taskId}`]);
      expect(b.graph.edges.map((e) => e.id)).toEqual(['e_in_d1', 'e_d1_d2', `e_d2_${taskId}`]);
      expect(b.weighting).toEqual({ kind: 'equal', params: {}, weights: { [taskId]: 1 } });
      expect(b.seed).toBe(cfg.seed);
      expect(b.dataset).toEqual(cfg.dataset);
      expect(b.optimizer).toEqual(cfg.optimizer);
      expect(b.evalEvery).toBe(cfg.evalEvery);
      const a = analyzeGraph(b.graph, { inputDim: datasetInputDim(b.dataset), tasks: b.tasks });
      expect(a.ok).toBe(true);
      expect(a.warnings).toEqual({});
    }
    expect(bs[0].config.name).toBe('Side alone (baseline of Three tasks, hard sharing)');
    // the baselines do not share objects with the input
    bs[0].config.graph.nodes[0].position.x = 999;
    expect(cfg.graph.nodes[0].position.x).toBe(0);
  });

  it('keeps only the branch a head depends on in a split graph, and skips tasks without a head', () => {
    const cfg = defaultExperiment();
    // side gets its own tower from the input: in → t1 → head_side
    cfg.graph.nodes.push(makeNode('t1', 'dense', 300, 0, { units: 8 }));
    cfg.graph.edges = cfg.graph.edges.filter((e) => e.id !== 'e_d2_side');
    cfg.graph.edges.push({ id: 'e_in_t1', source: 'in', target: 't1' }, { id: 'e_t1_side', source: 't1', target: 'head_side' });
    cfg.graph.nodes = cfg.graph.nodes.filter((n) => n.id !== 'head_height');
    cfg.graph.edges = cfg.graph.edges.filter((e) => e.target !== 'head_height');
    const bs = baselineConfigs(cfg);
    expect(bs.map((b) => b.taskId)).toEqual(['side', 'zone']);
    expect(bs[0].config.graph.nodes.map((n) => n.id).sort()).toEqual(['head_side', 'in', 't1']);
    expect(bs[1].config.graph.nodes.map((n) => n.id)).toEqual(['in', 'd1', 'd2', 'head_zone']);
  });

  // The generator keys each task's field and noise by task id, so a lone task sees the same targets.
  it('a baseline trains on the same targets as the multi-task run', () => {
    const cfg = defaultExperiment();
    const full = generateDataset(cfg);
    for (const { taskId, config: b } of baselineConfigs(cfg)) {
      const alone = generateDataset(b);
      expect(Array.from(alone.xTrain)).toEqual(Array.from(full.xTrain));
      expect(Array.from(alone.yTrain[taskId])).toEqual(Array.from(full.yTrain[taskId]));
    }
  });
});
