/**
 * Studies (sweeps): one numeric knob of an experiment, the values to try, the arms to compare (graph templates
 * and/or strategies) and the seeds. A study trains values × arms × seeds runs, plus the single-task baselines each
 * run's Δm% needs, seeded the same. Pure data and helpers; the knobs a config offers are derived from the
 * registries (dataset fields, task settings, optimiser, node and strategy parameters), not a hand-kept list.
 */
import { datasetInputDim } from './datasets';
import { defaultExperiment } from './defaults';
import { nodeKind } from './nodes';
import { graphTemplate } from './templates';
import type { ExperimentConfig } from './types';
import { weightingSpec } from './weighting';

/** Most knob values in one study. */
export const MAX_STUDY_VALUES = 20;
/** Most arms in one study. */
export const MAX_STUDY_ARMS = 8;
/** Most trainings one study may plan (runs and baselines): a cap on what one click queues. */
export const MAX_STUDY_RUNS = 2000;

/** One arm: the base experiment with its graph replaced by a template's and/or its weighting by a strategy's. */
export interface StudyArm {
  /** graph template id (TEMPLATES); absent = the base experiment's graph */
  template?: string;
  /** strategy id (WEIGHTINGS); absent = the base experiment's weighting */
  weighting?: string;
}

/** What the study plots against the knob: Δm% (against same-seed baselines) or one task's final validation metric. */
export type StudyMetric = { kind: 'deltaM' } | { kind: 'task'; taskId: string };

/** A study's setup: everything needed to run it again (it is also what a study link carries). */
export interface StudyConfig {
  version: 1;
  name: string;
  /** the experiment every run starts from (its seed is the first seed) */
  base: ExperimentConfig;
  /** the knob's id (see studyKnobs): "dataset.relatedness", "task.side.labelBudget", "optimizer.learningRate", "node.d1.units", "weighting.alpha" */
  knob: string;
  /** the knob's values, in plot order */
  values: number[];
  arms: StudyArm[];
  /** seeds base.seed, base.seed + 1, … ; the data keeps the base seed unless varyData */
  seeds: { count: number; varyData: boolean };
  metric: StudyMetric;
}

/** A knob the base experiment offers: its id, its label, and the range and step its field accepts. */
export interface StudyKnob {
  id: string;
  label: string;
  min: number;
  max: number;
  int: boolean;
  /** the base experiment's current value */
  current: number;
}

/** The arm's label: "template · strategy" (the parts it sets), or "base experiment". */
export function armLabel(arm: StudyArm): string {
  const parts = [arm.template && (graphTemplate(arm.template)?.label ?? arm.template), arm.weighting && (weightingSpec(arm.weighting)?.label ?? arm.weighting)].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'base experiment';
}

/** The arm's experiment: a deep copy of `base` with the arm's template graph (for base's tasks and input) and strategy (its default parameters). */
export function armConfig(base: ExperimentConfig, arm: StudyArm): ExperimentConfig {
  const c = structuredClone(base);
  if (arm.template) {
    const t = graphTemplate(arm.template);
    if (!t) throw new Error(`unknown graph template "${arm.template}"`);
    c.graph = t.build(c.tasks, datasetInputDim(c.dataset));
  }
  if (arm.weighting && arm.weighting !== base.weighting.kind) {
    const w = weightingSpec(arm.weighting);
    if (!w) throw new Error(`unknown strategy "${arm.weighting}"`);
    const params: Record<string, number | string | boolean> = {};
    for (const p of w.params) params[p.key] = p.default;
    c.weighting = { kind: arm.weighting, params, weights: { ...base.weighting.weights } };
  }
  return c;
}

/**
 * The knob's value set into a copy of `cfg` (ints rounded). Throws with a message naming the knob when `cfg` has
 * no such field (an arm without the node or strategy parameter the knob names).
 */
export function applyKnob(cfg: ExperimentConfig, knob: string, value: number): ExperimentConfig {
  const c = structuredClone(cfg);
  const [where, a, b] = knob.split('.');
  const fail = (why: string): never => {
    throw new Error(`the knob "${knob}" does not apply: ${why}`);
  };
  if (where === 'dataset') {
    const ds = c.dataset as unknown as Record<string, unknown>;
    if (typeof ds[a] !== 'number') fail(`the dataset has no number "${a}"`);
    // Integer fields arrive rounded: the planner rounds every value by its knob's `int` (studyKnobs knows the schema).
    ds[a] = value;
  } else if (where === 'task') {
    const t = c.tasks.find((x) => x.id === a) ?? fail(`no task "${a}"`);
    if (b !== 'labelBudget' && b !== 'labelNoise') fail(`no task setting "${b}"`);
    t[b as 'labelBudget' | 'labelNoise'] = value;
  } else if (where === 'optimizer') {
    if (a !== 'learningRate' && a !== 'batchSize' && a !== 'steps') fail(`no optimiser setting "${a}"`);
    c.optimizer[a as 'learningRate'] = a === 'learningRate' ? value : Math.max(1, Math.round(value));
  } else if (where === 'node') {
    const n = c.graph.nodes.find((x) => x.id === a) ?? fail(`the graph has no node "${a}"`);
    const p = nodeKind(n.kind)?.params.find((x) => x.key === b);
    if (!p || (p.type !== 'int' && p.type !== 'float')) fail(`node "${a}" has no number parameter "${b}"`);
    n.params[b] = p!.type === 'int' ? Math.round(value) : value;
  } else if (where === 'weighting') {
    const p = weightingSpec(c.weighting.kind)?.params.find((x) => x.key === a);
    if (!p || (p.type !== 'int' && p.type !== 'float')) fail(`the strategy "${c.weighting.kind}" has no number parameter "${a}"`);
    c.weighting.params[a] = p!.type === 'int' ? Math.round(value) : value;
  } else fail('unknown kind of knob');
  return c;
}

/** The knobs of `cfg` that come from its nodes, its strategy, its tasks and its optimiser (registry-driven; the dataset's fields are added by the caller that knows their schema). */
export function experimentKnobs(cfg: ExperimentConfig): StudyKnob[] {
  const out: StudyKnob[] = [];
  for (const t of cfg.tasks) {
    out.push({ id: `task.${t.id}.labelBudget`, label: `${t.name || t.id}: label budget`, min: 0.01, max: 1, int: false, current: t.labelBudget ?? 1 });
    const noiseMax = t.kind === 'regression' ? 10 : 0.99;
    out.push({ id: `task.${t.id}.labelNoise`, label: `${t.name || t.id}: label noise`, min: 0, max: noiseMax, int: false, current: t.labelNoise ?? 0 });
  }
  out.push({ id: 'optimizer.learningRate', label: 'learning rate', min: 1e-7, max: 10, int: false, current: cfg.optimizer.learningRate });
  out.push({ id: 'optimizer.batchSize', label: 'batch size', min: 1, max: 4096, int: true, current: cfg.optimizer.batchSize });
  out.push({ id: 'optimizer.steps', label: 'training steps', min: 1, max: 1_000_000, int: true, current: cfg.optimizer.steps });
  for (const n of cfg.graph.nodes) {
    const spec = nodeKind(n.kind);
    for (const p of spec?.params ?? []) {
      if (p.type !== 'int' && p.type !== 'float') continue;
      out.push({ id: `node.${n.id}.${p.key}`, label: `${spec!.label} ${n.id}: ${p.label}`, min: p.min, max: p.max, int: p.type === 'int', current: Number(n.params[p.key] ?? p.default) });
    }
  }
  const w = weightingSpec(cfg.weighting.kind);
  for (const p of w?.params ?? []) {
    if (p.type !== 'int' && p.type !== 'float') continue;
    out.push({ id: `weighting.${p.key}`, label: `${w!.label}: ${p.label}`, min: p.min, max: p.max, int: p.type === 'int', current: Number(cfg.weighting.params[p.key] ?? p.default) });
  }
  return out;
}

/** `count` evenly spaced values from `lo` to `hi` (both included), rounded to 10 significant digits (0.1 + 0.2 noise removed). */
export function evenValues(lo: number, hi: number, count: number): number[] {
  const n = Math.max(1, Math.min(MAX_STUDY_VALUES, Math.floor(count)));
  if (n === 1) return [lo];
  return Array.from({ length: n }, (_, k) => Number((lo + ((hi - lo) * k) / (n - 1)).toPrecision(10)));
}

/**
 * The one-click showcase "Does sharing help?": relatedness 0 … 1 (6 values) on the 2D synthetic data × {hard
 * sharing, single-task towers, MMoE} × 5 seeds, Δm% against same-seed single-task baselines. Each task keeps 10 %
 * of its labels (on rows of its own), so a shared trunk can pool what related tasks know; 600 steps on the JS engine.
 */
export function showcaseStudy(): StudyConfig {
  const b: ExperimentConfig = defaultExperiment();
  b.name = 'Does sharing help?';
  b.dataset = { kind: 'synthetic2d', nPoints: 1200, relatedness: 0.5, noise: 0.05, valFraction: 0.25 };
  b.tasks = b.tasks.map((t) => ({ ...t, labelBudget: 0.1, labelNoise: 0 }));
  b.graph = graphTemplate('hard')!.build(b.tasks, 2);
  b.optimizer = { kind: 'adam', learningRate: 0.005, momentum: 0, batchSize: 32, steps: 600 };
  b.evalEvery = 600;
  b.backend = 'js';
  b.deltaM = 'per-task';
  delete b.warmStart;
  delete b.schedule;
  delete b.dataSeed;
  return {
    version: 1,
    name: 'Does sharing help?',
    base: b,
    knob: 'dataset.relatedness',
    values: evenValues(0, 1, 6),
    arms: [{ template: 'hard' }, { template: 'single' }, { template: 'mmoe' }],
    seeds: { count: 5, varyData: false },
    metric: { kind: 'deltaM' },
  };
}
