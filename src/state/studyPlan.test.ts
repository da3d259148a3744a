import { describe, expect, it } from 'vitest';
import { datasetExperiment, defaultExperiment, graphTemplate, nodeKind, showcaseStudy, WEIGHTINGS, type ExperimentConfig, type StudyConfig } from '../model';
import type { MetricPoint } from '../protocol';
import { finishRun, newRunRecord } from './runs';
import type { RunRecord } from './runsDb';
import { checkStudyKnob, studyKnobs } from './studyKnobs';
import { pendingRuns, planStudy, studyCsv, studyResults, studyRunId, type PlannedRun } from './studyPlan';

const study = (over: Partial<StudyConfig> = {}): StudyConfig => ({
  version: 1,
  name: 'S',
  base: defaultExperiment(),
  knob: 'dataset.relatedness',
  values: [0, 1],
  arms: [{ template: 'hard' }, { template: 'single' }],
  seeds: { count: 2, varyData: false },
  metric: { kind: 'deltaM' },
  ...over,
});

const plan = (s: StudyConfig) => {
  const p = planStudy(s);
  if (!p.ok) throw new Error(p.error);
  return p.runs;
};

/** A finished record of planned run `p` of study `id` whose last point has these per-task RMSE/accuracy values (val loss 1). */
const done = (id: string, p: PlannedRun, metric: number[]): RunRecord => {
  const point: MetricPoint = { step: 10, tasks: metric.map((m) => ({ trainLoss: 1, valLoss: 1, metric: m })), weights: metric.map(() => 1), totalLoss: 1, conflict: null };
  const rec = newRunRecord(p.config, p.kind, p.name, { id: studyRunId(id, p.key) });
  rec.points = [point];
  return finishRun(rec, 'done');
};

describe('planStudy', () => {
  it('enumerates values × arms × seeds with one baseline per task, value and seed, seeded the same', () => {
    const runs = plan(study());
    // 2 values × 2 arms × 2 seeds multi-task runs + 2 values × 2 seeds × 3 tasks baselines
    expect(runs.filter((r) => r.kind === 'mtl')).toHaveLength(8);
    expect(runs.filter((r) => r.kind === 'baseline')).toHaveLength(12);
    expect(new Set(runs.map((r) => r.key)).size).toBe(20);
    const base = defaultExperiment();
    for (const r of runs) {
      expect(r.config.seed).toBe(base.seed + r.seed);
      // the data keeps the base seed (varyData off)
      expect(r.config.dataSeed ?? r.config.seed).toBe(base.seed);
      expect((r.config.dataset as { relatedness: number }).relatedness).toBe([0, 1][r.value]);
      if (r.kind === 'baseline') continue;
      expect(r.config.graph).toEqual(graphTemplate(['hard', 'single'][r.arm])!.build(base.tasks, 2));
      // each task's baseline: same value and seed, that task alone
      expect(r.baselines).toHaveLength(3);
      r.baselines!.forEach((k, t) => {
        const b = runs.find((x) => x.key === k)!;
        expect([b.value, b.seed, b.taskId, b.config.seed]).toEqual([r.value, r.seed, base.tasks[t].id, r.config.seed]);
        expect(b.config.tasks).toEqual([r.config.tasks[t]]);
      });
    }
    // seed by seed: all of seed 0 before seed 1
    expect(runs.map((r) => r.seed)).toEqual([...Array(10).fill(0), ...Array(10).fill(1)]);
  });

  it('shares baselines between values that leave them unchanged (a strategy parameter)', () => {
    const w = WEIGHTINGS.find((x) => x.params.some((p) => p.type === 'float'))!;
    const p = w.params.find((x) => x.type === 'float')! as { key: string; min: number; max: number };
    const base = defaultExperiment();
    base.weighting = { kind: w.id, params: {}, weights: {} };
    const runs = plan(study({ base, knob: `weighting.${p.key}`, values: [p.min, p.max], arms: [{}] }));
    // 2 values × 2 seeds multi-task runs; baselines (equal weighting) depend on the seed only: 2 seeds × 3 tasks
    expect(runs.filter((r) => r.kind === 'mtl').map((r) => r.config.weighting.params[p.key])).toEqual([p.min, p.max, p.min, p.max]);
    expect(runs.filter((r) => r.kind === 'baseline')).toHaveLength(6);
    const [a, b] = runs.filter((r) => r.kind === 'mtl' && r.seed === 0);
    expect(a.baselines).toEqual(b.baselines);
  });

  it('names the arm that cannot take the knob, and caps the number of trainings', () => {
    const res = planStudy(study({ knob: 'node.d1.units', values: [4, 8] }));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(/arm “Single-task towers”.*no node "d1"/);
    const big = planStudy(study({ values: Array.from({ length: 20 }, (_, i) => i / 19), seeds: { count: 50, varyData: false } }));
    expect(!big.ok && big.error).toMatch(/more than 2000 trainings/);
  });

  it('rounds an integer knob’s values', () => {
    const runs = plan(study({ knob: 'dataset.nPoints', values: [100.4, 200.6], arms: [{}], seeds: { count: 1, varyData: false } }));
    const knob = checkStudyKnob(study({ knob: 'dataset.nPoints', values: [100.4, 200.6] }));
    expect(knob.ok && knob.knob.int).toBe(true);
    const rounded = planStudy(study({ knob: 'dataset.nPoints', values: [100.4, 200.6], arms: [{}], seeds: { count: 1, varyData: false } }), true);
    expect(rounded.ok && rounded.runs.filter((r) => r.kind === 'mtl').map((r) => (r.config.dataset as { nPoints: number }).nPoints)).toEqual([100, 201]);
    expect(runs).toHaveLength(2 + 6);
  });
});

describe('pendingRuns (resume after an interruption)', () => {
  it('leaves out the runs that finished, keeps failed and missing ones, in plan order', () => {
    const runs = plan(study());
    const stored = [done('st', runs[0], [0.9, 0.6, 0.5]), done('st', runs[3], [0.9]), { ...done('st', runs[4], [0.9]), status: 'failed' as const }, done('other', runs[5], [0.9])];
    const left = pendingRuns(runs, stored, 'st');
    expect(left.map((r) => r.key)).toEqual(runs.filter((_, i) => i !== 0 && i !== 3).map((r) => r.key));
  });
});

describe('studyResults and studyCsv', () => {
  // Two regression tasks (MMoE synthetic): Δm% = mean over tasks of −(RMSE − base)/base · 100.
  const base: ExperimentConfig = datasetExperiment({ kind: 'mmoesynth', nTrain: 100, nVal: 50, dim: 4, correlation: 0 });
  const s = study({ base, knob: 'dataset.correlation', values: [0.5], arms: [{}], seeds: { count: 2, varyData: false }, name: '=cmd' });
  const runs = plan(s);
  const get = (kind: string, seed: number, task?: string) => runs.find((r) => r.kind === kind && r.seed === seed && r.taskId === task)!;
  // seed 0: baselines 1.0 and 2.0, multi-task 0.9 and 2.2 → +10 % and −10 % → 0; seed 1: baselines 1, 1, multi-task 0.8, 0.9 → 15
  const stored = [
    done('st', get('baseline', 0, 'task_a'), [1]),
    done('st', get('baseline', 0, 'task_b'), [2]),
    done('st', get('mtl', 0), [0.9, 2.2]),
    done('st', get('baseline', 1, 'task_a'), [1]),
    done('st', get('baseline', 1, 'task_b'), [1]),
    done('st', get('mtl', 1), [0.8, 0.9]),
  ];

  it('gives each arm’s mean ± 95 % t interval of Δm% per value (hand-worked)', () => {
    const r = studyResults(s, runs, stored, 'st');
    const p = r.arms[0].points[0];
    expect(p.perSeed[0]).toBeCloseTo(0, 10);
    expect(p.perSeed[1]).toBeCloseTo(15, 10);
    expect(p.interval.mean).toBeCloseTo(7.5, 10);
    // sd = 15/√2 = 10.6066; t(0.975, 1) = 12.7062; half = 12.7062 · 10.6066 / √2 = 95.297
    expect(p.interval.half).toBeCloseTo(95.297, 2);
    expect([r.done, r.total]).toEqual([6, 6]);
    // a seed whose baseline is missing gives no Δm%
    const partial = studyResults(s, runs, stored.slice(1), 'st');
    expect(partial.arms[0].points[0].perSeed[0]).toBeNaN();
    expect(partial.arms[0].points[0].interval.n).toBe(1);
  });

  it('plots a task’s metric when asked', () => {
    const r = studyResults({ ...s, metric: { kind: 'task', taskId: 'task_b' } }, runs, stored, 'st');
    expect(r.arms[0].points[0].interval.mean).toBeCloseTo(1.55, 10);
    expect(r.label).toBe('Task B RMSE');
  });

  it('writes one CSV row per planned training, formula-like text neutralised, pending ones marked', () => {
    const csv = studyCsv(s, runs, stored.slice(0, 5), 'st').trimEnd().split('\n');
    expect(csv[0]).toBe('study,knob,value,arm,baseline_task,seed,status,steps,wall_ms,task_a_rmse,task_a_val_loss,task_b_rmse,task_b_val_loss,delta_m_pct');
    expect(csv).toHaveLength(1 + runs.length);
    const mtl0 = csv[1 + runs.indexOf(get('mtl', 0))].split(',');
    expect(mtl0.slice(0, 7)).toEqual(["'=cmd", 'dataset.correlation', '0.5', 'base experiment', '', String(base.seed), 'done']);
    expect(Number(mtl0[13])).toBeCloseTo(0, 10);
    expect(csv[1 + runs.indexOf(get('mtl', 1))].split(',')[6]).toBe('pending');
  });
});

describe('studyKnobs', () => {
  it('offers the dataset’s schema-bounded number fields, every task’s budget and noise, the optimiser, and each node’s and the strategy’s number parameters', () => {
    const cfg = defaultExperiment();
    const knobs = studyKnobs(cfg);
    expect(knobs.find((k) => k.id === 'dataset.relatedness')).toMatchObject({ min: 0, max: 1, int: false, current: cfg.dataset.relatedness });
    expect(knobs.find((k) => k.id === 'dataset.nPoints')).toMatchObject({ int: true, current: cfg.dataset.nPoints });
    for (const t of cfg.tasks) expect(knobs.map((k) => k.id)).toEqual(expect.arrayContaining([`task.${t.id}.labelBudget`, `task.${t.id}.labelNoise`]));
    for (const n of cfg.graph.nodes)
      for (const p of nodeKind(n.kind)!.params) if (p.type === 'int' || p.type === 'float') expect(knobs.some((k) => k.id === `node.${n.id}.${p.key}`)).toBe(true);
    expect(knobs.map((k) => k.id)).toEqual(expect.arrayContaining(['optimizer.learningRate', 'optimizer.batchSize']));
    const bad = checkStudyKnob(study({ values: [0, 2] }));
    expect(!bad.ok && bad.error).toMatch(/from 0 to 1; 2 is outside/);
  });

  it('the showcase plans 6 values × 3 arms × 5 seeds with 3 baselines per value and seed', () => {
    const sc = showcaseStudy();
    expect(checkStudyKnob(sc).ok).toBe(true);
    const runs = plan(sc);
    expect(runs.filter((r) => r.kind === 'mtl')).toHaveLength(90);
    expect(runs.filter((r) => r.kind === 'baseline')).toHaveLength(90);
    expect(sc.values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
