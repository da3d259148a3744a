/**
 * A study's plan and results (pure): the trainings of values × arms × seeds, each seed's single-task baselines
 * (seeded the same, shared by the arms and by values that leave them unchanged), what is left to train after an
 * interruption, the plotted mean ± 95 % interval per arm and value, and the CSV of its runs.
 */
import {
  applyKnob,
  armConfig,
  armLabel,
  csvField,
  deltaMConventionOf,
  deltaMWith,
  MAX_STUDY_RUNS,
  meanInterval,
  seededConfigs,
  type ExperimentConfig,
  type Interval,
  type StudyConfig,
} from '../model';
import { finalMetrics } from '../model/analysis';
import { deltaMetricPairs } from './compare';
import { baselineConfigs } from './runs';
import type { RunRecord } from './runsDb';

/** One training of a study. */
export interface PlannedRun {
  key: string;
  config: ExperimentConfig;
  kind: RunRecord['kind'];
  name: string;
  /** for a baseline: its task; for a multi-task run: the baseline key of each task (in config.tasks order) */
  taskId?: string;
  baselines?: string[];
  value: number;
  arm: number;
  seed: number;
}

export type StudyPlan = { ok: true; runs: PlannedRun[]; byKey: Map<string, PlannedRun> } | { ok: false; error: string };

/** The record id of a study's run: the study id and the run's plan key (stable, so a resumed study finds its finished runs). */
export const studyRunId = (studyId: string, key: string): string => `${studyId}/${key}`;

/** The knob's values as the study trains them: rounded when the knob is an integer. */
export function knobValues(study: Pick<StudyConfig, 'values'>, int: boolean): number[] {
  return study.values.map((v) => (int ? Math.round(v) : v));
}

/**
 * Every training of `study`, seed by seed (so a study stopped early has whole seeds), within a seed value by value:
 * the baselines this value needs that no earlier value planned (same config), then one run per arm. `int` rounds
 * the knob's values. An error in words when an arm cannot take the knob or the plan exceeds MAX_STUDY_RUNS.
 */
export function planStudy(study: StudyConfig, int = false): StudyPlan {
  const values = knobValues(study, int);
  const perSeed = seededConfigs(study.base, study.seeds);
  const runs: PlannedRun[] = [];
  const baselineKeys = new Map<string, string>();
  const multi = study.base.tasks.length >= 2;
  try {
    perSeed.forEach((seeded, si) => {
      values.forEach((v, vi) => {
        const baselines: string[] = [];
        if (multi) {
          for (const b of baselineConfigs(applyKnob(seeded, study.knob, v))) {
            const id = JSON.stringify(b.config);
            let key = baselineKeys.get(id);
            if (!key) {
              key = `s${si}/v${vi}/b/${b.taskId}`;
              baselineKeys.set(id, key);
              runs.push({ key, config: b.config, kind: 'baseline', name: `${study.name} · baseline ${b.taskId} · ${v} · seed ${b.config.seed}`, taskId: b.taskId, value: vi, arm: -1, seed: si });
            }
            baselines.push(key);
          }
        }
        study.arms.forEach((arm, ai) => {
          let config: ExperimentConfig;
          try {
            config = applyKnob(armConfig(seeded, arm), study.knob, v);
          } catch (e) {
            throw new Error(`arm “${armLabel(arm)}”: ${e instanceof Error ? e.message : String(e)}`);
          }
          config.name = `${study.name} · ${armLabel(arm)}`;
          const ok = baselines.length === study.base.tasks.length;
          runs.push({ key: `s${si}/v${vi}/a${ai}`, config, kind: 'mtl', name: `${config.name} · ${v} · seed ${config.seed}`, baselines: ok ? baselines : undefined, value: vi, arm: ai, seed: si });
        });
        if (runs.length > MAX_STUDY_RUNS) throw new Error(`it plans more than ${MAX_STUDY_RUNS} trainings; use fewer values, arms or seeds`);
      });
    });
  } catch (e) {
    return { ok: false, error: `This study cannot run: ${e instanceof Error ? e.message : String(e)}.` };
  }
  return { ok: true, runs, byKey: new Map(runs.map((r) => [r.key, r])) };
}

/** The planned runs that `stored` (the study's records) has not finished: what Run or Resume trains, in plan order. */
export function pendingRuns(plan: readonly PlannedRun[], stored: readonly RunRecord[], studyId: string): PlannedRun[] {
  const done = new Set(stored.filter((r) => r.status === 'done' && r.points.length > 0).map((r) => r.id));
  return plan.filter((p) => !done.has(studyRunId(studyId, p.key)));
}

/** One plotted point: an arm's mean ± 95 % t interval over the seeds at one knob value. */
export interface StudyPoint {
  value: number;
  interval: Interval;
  /** each seed's value (NaN where the seed has not finished) */
  perSeed: number[];
}

/** Per arm (in study order), per knob value: the study's metric over its seeds. */
export interface StudyResults {
  arms: { label: string; points: StudyPoint[] }[];
  /** what the values are: "Δm% (per task)" or "‹task› accuracy" */
  label: string;
  /** finished and planned trainings */
  done: number;
  total: number;
}

/** A finished run's plotted number: Δm% against its linked baselines (NaN when one is missing), or a task's final metric (accuracy in % or RMSE). */
function runValue(study: StudyConfig, p: PlannedRun, byId: Map<string, RunRecord>, studyId: string): number {
  const rec = byId.get(studyRunId(studyId, p.key));
  const fin = rec && rec.status === 'done' ? finalMetrics(rec.points) : null;
  if (!fin) return NaN;
  if (study.metric.kind === 'task') {
    const metricTask = study.metric.taskId;
    const t = p.config.tasks.findIndex((x) => x.id === metricTask);
    if (t < 0) return NaN;
    return p.config.tasks[t].kind === 'regression' ? fin.metric[t] : fin.metric[t] * 100;
  }
  if (!p.baselines) return NaN;
  const pairs = [];
  for (const [t, task] of p.config.tasks.entries()) {
    const b = byId.get(studyRunId(studyId, p.baselines[t]));
    const bf = b && b.status === 'done' ? finalMetrics(b.points) : null;
    if (!bf) return NaN;
    pairs.push(deltaMetricPairs(task.kind, { metric: fin.metric[t], valLoss: fin.valLoss[t] }, { metric: bf.metric[0], valLoss: bf.valLoss[0] }));
  }
  return deltaMWith(pairs, deltaMConventionOf(study.base)) + 0;
}

/** The study's results over its stored records (`runs`, any order): per arm and value, mean ± 95 % interval over the seeds. */
export function studyResults(study: StudyConfig, plan: readonly PlannedRun[], runs: readonly RunRecord[], studyId: string, int = false): StudyResults {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const values = knobValues(study, int);
  const seeds = study.seeds.count;
  const grid = study.arms.map(() => values.map(() => Array.from({ length: seeds }, () => NaN)));
  for (const p of plan) if (p.kind === 'mtl') grid[p.arm][p.value][p.seed] = runValue(study, p, byId, studyId);
  const metricTask = study.metric.kind === 'task' ? study.metric.taskId : null;
  const task = study.base.tasks.find((t) => t.id === metricTask);
  const label = task ? `${task.name || task.id} ${task.kind === 'regression' ? 'RMSE' : 'accuracy (%)'}` : `Δm% (${deltaMConventionOf(study.base) === 'per-task' ? 'per task' : 'over all metrics'})`;
  const done = plan.filter((p) => {
    const r = byId.get(studyRunId(studyId, p.key));
    return r?.status === 'done';
  }).length;
  return {
    arms: study.arms.map((arm, ai) => ({ label: armLabel(arm), points: values.map((value, vi) => ({ value, perSeed: grid[ai][vi], interval: meanInterval(grid[ai][vi]) })) })),
    label,
    done,
    total: plan.length,
  };
}

/**
 * The study's runs as CSV, one row per planned training: study, knob, value, arm (or "baseline"), task of a
 * baseline, seed, status, steps, wall ms, each task's final validation metric and loss, and Δm% (multi-task rows).
 * Text cells pass csvField (formula-like text neutralised); "\n"-terminated.
 */
export function studyCsv(study: StudyConfig, plan: readonly PlannedRun[], runs: readonly RunRecord[], studyId: string, int = false): string {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const values = knobValues(study, int);
  const tasks = study.base.tasks;
  const head = ['study', 'knob', 'value', 'arm', 'baseline_task', 'seed', 'status', 'steps', 'wall_ms'];
  for (const t of tasks) head.push(`${t.id}_${t.kind === 'regression' ? 'rmse' : 'accuracy'}`, `${t.id}_val_loss`);
  head.push('delta_m_pct');
  const lines = [head.map(csvField).join(',')];
  const deltaStudy: StudyConfig = { ...study, metric: { kind: 'deltaM' } };
  for (const p of plan) {
    const rec = byId.get(studyRunId(studyId, p.key));
    const fin = rec ? finalMetrics(rec.points) : null;
    const row: (string | number)[] = [study.name, study.knob, values[p.value], p.arm < 0 ? 'baseline' : armLabel(study.arms[p.arm]), p.taskId ?? '', p.config.seed, rec?.status ?? 'pending', fin?.step ?? NaN, rec?.elapsedMs ?? NaN];
    for (const t of tasks) {
      const i = p.config.tasks.findIndex((x) => x.id === t.id);
      row.push(fin && i >= 0 ? fin.metric[i] : NaN, fin && i >= 0 ? fin.valLoss[i] : NaN);
    }
    row.push(p.kind === 'mtl' ? runValue(deltaStudy, p, byId, studyId) : NaN);
    lines.push(row.map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}
