import { describe, expect, it } from 'vitest';
import { defaultExperiment, seededConfigs, type ExperimentConfig } from '../model';
import type { MetricPoint } from '../protocol';
import { deltaMetricPairs, runDeltaM } from './compare';
import { baselineConfigs, newRunRecord } from './runs';
import type { RunRecord } from './runsDb';
import { compareGroups, groupBand, seedGroups, summarizeGroup } from './seedGroups';

/** A point with (metric, valLoss) per task. */
const point = (step: number, tasks: [number, number][]): MetricPoint => ({
  step,
  tasks: tasks.map(([metric, valLoss]) => ({ trainLoss: 1, valLoss, metric })),
  weights: tasks.map(() => 1),
  totalLoss: 1,
  conflict: null,
});

let clock = 0;
const done = (cfg: ExperimentConfig, kind: RunRecord['kind'], points: MetricPoint[], extra: Partial<RunRecord> = {}): RunRecord => ({
  ...newRunRecord(cfg, kind, 'r', { createdAt: ++clock }),
  status: 'done',
  points,
  ...extra,
});

/** A study of the default experiment over seeds 42…, each member's final (metric, valLoss) per task given. */
function study(id: string, finals: [number, number][][], base = defaultExperiment()): RunRecord[] {
  return seededConfigs(base, { count: finals.length, varyData: false }).map((c, k) =>
    done(c, 'mtl', [point(0, finals[k].map(() => [0, 9])), point(10, finals[k])], { seedGroup: { id, name: id, index: k, size: finals.length } }),
  );
}

/** Single-task baselines of `cfg` with the given final (metric, valLoss) per task. */
function baselinesOf(cfg: ExperimentConfig, finals: [number, number][]): RunRecord[] {
  return baselineConfigs(cfg).map(({ taskId, config }, t) => done(config, 'baseline', [point(10, [finals[t]])], { baselineOf: { taskId } }));
}

describe('Δm% conventions over a task’s metrics', () => {
  it('classification counts accuracy and cross-entropy, regression RMSE only; the conventions part', () => {
    expect(deltaMetricPairs('regression', { metric: 0.5, valLoss: 0.25 }, { metric: 0.4, valLoss: 0.16 })).toHaveLength(1);
    const cfg = defaultExperiment();
    const mtl = done(cfg, 'mtl', [point(10, [[0.9, 0.4], [0.6, 1], [0.5, 0.25]])]);
    const runs = [mtl, ...baselinesOf(cfg, [[0.8, 0.5], [0.6, 1], [0.4, 0.16]])];
    // side: accuracy +12.5 %, cross-entropy −(0.4 − 0.5)/0.5 = +20 % (task mean 16.25); zone 0, 0; height −(0.5 − 0.4)/0.4 = −25 %
    const perTask = runDeltaM(mtl, runs, 'per-task')!;
    expect(perTask.perTask[0]).toBeCloseTo(16.25, 10);
    expect(perTask.perTask[1]).toBe(0);
    expect(perTask.perTask[2]).toBeCloseTo(-25, 10);
    // LibMTL: (16.25 + 0 − 25)/3; Nash-MTL/FAMO: (12.5 + 20 + 0 + 0 − 25)/5
    expect(perTask.mean).toBeCloseTo(-8.75 / 3, 10);
    expect(runDeltaM(mtl, runs, 'all-metrics')!.mean).toBeCloseTo(1.5, 10);
  });
});

describe('seed groups', () => {
  it('gathers a study by group id, in seed order, and gives mean ± t interval of each final metric', () => {
    const runs = study('g', [
      [[0.8, 1], [0.5, 1], [0.3, 1]],
      [[0.84, 1], [0.5, 1], [0.3, 1]],
      [[0.88, 1], [0.5, 1], [0.3, 1]],
    ]).reverse();
    const [g] = seedGroups(runs);
    expect(g.members.map((r) => r.config.seed)).toEqual([42, 43, 44]);
    const s = summarizeGroup(g, runs);
    expect(s.done).toBe(3);
    // side: mean 0.84, sd 0.04, half t(0.975, 2)·0.04/√3 = 4.302653·0.04/1.732051 = 0.0993655
    expect(s.metrics[0].mean).toBeCloseTo(0.84, 12);
    expect(s.metrics[0].sd).toBeCloseTo(0.04, 12);
    expect(s.metrics[0].half).toBeCloseTo(0.0993655, 6);
    // a constant metric has a zero-width interval
    expect(s.metrics[1]).toMatchObject({ mean: 0.5, half: 0 });
    expect(s.deltaM).toBeNull(); // no baselines yet
  });

  it('Δm% of each seed is taken against the baselines of the same seed', () => {
    const runs = study('g', [0, 1, 2].map(() => [[0.9, 1], [0.6, 1], [0.5, 1]]));
    // height baselines of seeds 42, 43, 44: RMSE 0.4, 0.5, 0.625 → height −25 %, 0 %, +20 %; side and zone 0 %
    const heights = [0.4, 0.5, 0.625];
    for (const [k, r] of runs.slice().entries()) runs.push(...baselinesOf(r.config, [[0.9, 1], [0.6, 1], [heights[k], 1]]));
    // a later baseline of another seed must not be used
    const other = { ...defaultExperiment(), seed: 7 };
    runs.push(...baselinesOf(other, [[0.1, 1], [0.1, 1], [9, 1]]));
    const [g] = seedGroups(runs);
    const s = summarizeGroup(g, runs);
    // per seed Δm% = height/3: −8.333, 0, +6.667 → mean −0.5556, sd 7.51542, half 18.66933
    expect(s.deltaM!.n).toBe(3);
    expect(s.deltaM!.mean).toBeCloseTo(-0.5555556, 6);
    expect(s.deltaM!.sd).toBeCloseTo(7.5154163, 6);
    expect(s.deltaM!.half).toBeCloseTo(18.669329, 5);
    expect(s.perTaskDeltaM![2].mean).toBeCloseTo((-25 + 0 + 20) / 3, 10);
  });

  it('bands a curve by min and max over the seeds', () => {
    const runs = study('g', [
      [[0.8, 2], [0.5, 1], [0.3, 1]],
      [[0.9, 4], [0.5, 1], [0.3, 1]],
    ]);
    const band = groupBand(seedGroups(runs)[0], 'side', 'valLoss');
    expect(band).toEqual({ steps: [0, 10], mean: [9, 3], min: [9, 2], max: [9, 4] });
  });
});

describe('paired comparison of two seed groups', () => {
  it('differences B − A over the shared seeds, with their t interval and whether they exceed seed noise', () => {
    const a = study('a', [
      [[0.8, 1], [0.6, 1], [0.5, 1]],
      [[0.82, 1], [0.7, 1], [0.5, 1]],
      [[0.84, 1], [0.5, 1], [0.5, 1]],
    ]);
    const cfgB = { ...defaultExperiment(), weighting: { kind: 'pcgrad', params: {}, weights: {} } };
    const b = study('b', [
      [[0.83, 1], [0.65, 1], [0.6, 1]],
      [[0.84, 1], [0.75, 1], [0.4, 1]],
      [[0.88, 1], [0.55, 1], [0.5, 1]],
      [[0.1, 1], [0.1, 1], [9, 1]], // seed 45: A has no run of it, so it is not paired
    ], cfgB);
    const runs = [...a, ...b];
    const [gb, ga] = seedGroups(runs);
    const p = compareGroups(ga, gb, runs);
    expect(p.seeds).toEqual([42, 43, 44]);
    const [side, zone, height] = p.tasks;
    // side: d = 0.03, 0.02, 0.04 → mean 0.03, half 4.302653·0.01/√3 = 0.0248414 → [0.00516, 0.05484]: distinguishable
    expect(side.result.mean).toBeCloseTo(0.03, 12);
    expect(side.result.lo).toBeCloseTo(0.0051586, 6);
    expect(side.result.hi).toBeCloseTo(0.0548414, 6);
    expect(side.result.distinguishable).toBe(true);
    // zone: a constant +0.05: zero width
    expect(zone.result.mean).toBeCloseTo(0.05, 12);
    expect(zone.result.half).toBeCloseTo(0, 12);
    expect(zone.result.distinguishable).toBe(true);
    // height: d = +0.1, −0.1, 0 → mean 0: within seed noise; RMSE is lower-better
    expect(height.result.mean).toBeCloseTo(0, 12);
    expect(height.result.distinguishable).toBe(false);
    expect(height.higherIsBetter).toBe(false);
    expect(p.deltaM).toBeNull(); // no baselines
    // the bootstrap says so too, and names itself
    const boot = compareGroups(ga, gb, runs, { method: 'bootstrap' });
    expect(boot.tasks[1].result).toMatchObject({ method: 'bootstrap', lo: expect.closeTo(0.05, 12), hi: expect.closeTo(0.05, 12) });
    expect(boot.tasks[0].result.formula).toMatch(/bootstrap/);
  });

  it('Δm% difference uses each seed’s own baselines', () => {
    const a = study('a', [0, 1].map(() => [[0.9, 1], [0.6, 1], [0.5, 1]]));
    const b = study('b', [0, 1].map(() => [[0.9, 1], [0.6, 1], [0.4, 1]]), { ...defaultExperiment(), name: 'B' });
    const runs = [...a, ...b];
    // seed 42: height baseline 0.5; seed 43: 0.4
    runs.push(...baselinesOf(a[0].config, [[0.9, 1], [0.6, 1], [0.5, 1]]), ...baselinesOf(a[1].config, [[0.9, 1], [0.6, 1], [0.4, 1]]));
    const [gb, ga] = seedGroups(runs);
    const p = compareGroups(ga, gb, runs);
    // seed 42: A height 0 %, B +20 % → Δm 0, +6.667; seed 43: A −25 %, B 0 % → −8.333, 0: d = 6.667, 8.333
    expect(p.deltaM!.n).toBe(2);
    expect(p.deltaM!.mean).toBeCloseTo(7.5, 10);
    expect(p.deltaMValues.a[0]).toBeCloseTo(0, 10);
    expect(p.deltaMValues.b[0]).toBeCloseTo(20 / 3, 10);
    expect(p.deltaMValues.a[1]).toBeCloseTo(-25 / 3, 10);
    expect(p.tasks[2].a).toEqual([0.5, 0.5]);
  });
});
