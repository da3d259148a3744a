/**
 * Seed groups ("Train × N seeds"): the runs of a study gathered by their group id, their mean ± 95 % interval per
 * final metric and for Δm% (each seed against the baselines of the same seed), the band of their curves, and the
 * paired comparison of two groups over the seeds they share. Pure.
 */
import { dataSeedOf, meanInterval, pairedComparison, type DeltaMConvention, type Interval, type PairedMethod, type PairedResult, type TaskSpec } from '../model';
import { finalMetrics, metricDirection } from '../model/analysis';
import { runDeltaM } from './compare';
import type { RunRecord } from './runsDb';

export interface SeedGroup {
  id: string;
  name: string;
  /** seeds the study asked for */
  size: number;
  /** its runs in this browser, in seed order (deleted or not yet started seeds are absent) */
  members: RunRecord[];
  /** the tasks of the study (its first member's) */
  tasks: TaskSpec[];
}

/** The seed groups among `runs`, newest first (by their newest member), members in seed order. */
export function seedGroups(runs: readonly RunRecord[]): SeedGroup[] {
  const byId = new Map<string, RunRecord[]>();
  for (const r of runs) {
    if (!r.seedGroup) continue;
    const list = byId.get(r.seedGroup.id);
    if (list) list.push(r);
    else byId.set(r.seedGroup.id, [r]);
  }
  const newest = (g: RunRecord[]) => Math.max(...g.map((r) => r.createdAt));
  return [...byId.values()]
    .sort((a, b) => newest(b) - newest(a))
    .map((list) => {
      const members = list.slice().sort((a, b) => a.seedGroup!.index - b.seedGroup!.index);
      const ref = members[0].seedGroup!;
      return { id: ref.id, name: ref.name, size: ref.size, members, tasks: members[0].config.tasks };
    });
}

/** The members that finished with at least one evaluation point (the ones statistics use). */
export const finished = (g: SeedGroup): RunRecord[] => g.members.filter((r) => r.status === 'done' && r.points.length > 0);

export interface GroupSummary {
  /** finished members */
  done: number;
  /** per task of the group, the final validation metric's mean and 95 % t interval over the finished seeds */
  metrics: Interval[];
  /** Δm% over the finished seeds that have same-seed baselines; null when none has */
  deltaM: Interval | null;
  /** the same, task by task */
  perTaskDeltaM: Interval[] | null;
}

/** Mean ± 95 % interval of a group's final metrics and Δm% (each seed against its same-seed baselines in `runs`). */
export function summarizeGroup(g: SeedGroup, runs: readonly RunRecord[], convention: DeltaMConvention = 'per-task'): GroupSummary {
  const fin = finished(g);
  const metrics = g.tasks.map((_, t) => meanInterval(fin.map((r) => finalMetrics(r.points)!.metric[t])));
  const deltas = fin.map((r) => runDeltaM(r, runs, convention)).filter((d) => d !== null);
  if (deltas.length === 0) return { done: fin.length, metrics, deltaM: null, perTaskDeltaM: null };
  return {
    done: fin.length,
    metrics,
    deltaM: meanInterval(deltas.map((d) => d.mean)),
    perTaskDeltaM: g.tasks.map((_, t) => meanInterval(deltas.map((d) => d.perTask[t]))),
  };
}

/** One curve band: at each step of the first finished member, the mean, min and max over the members that have it. */
export interface CurveBand {
  steps: number[];
  mean: number[];
  min: number[];
  max: number[];
}

/** The band of task `taskId`'s validation `quantity` over a group's finished seeds (empty when none has the task). */
export function groupBand(g: SeedGroup, taskId: string, quantity: 'valLoss' | 'metric'): CurveBand {
  const out: CurveBand = { steps: [], mean: [], min: [], max: [] };
  const t = g.tasks.findIndex((x) => x.id === taskId);
  const fin = finished(g);
  if (t < 0 || fin.length === 0) return out;
  const byStep = fin.map((r) => new Map(r.points.map((p) => [p.step, p.tasks[t][quantity]])));
  for (const p of fin[0].points) {
    const vs = byStep.map((m) => m.get(p.step)).filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (vs.length === 0) continue;
    out.steps.push(p.step);
    out.mean.push(vs.reduce((a, v) => a + v, 0) / vs.length);
    out.min.push(Math.min(...vs));
    out.max.push(Math.max(...vs));
  }
  return out;
}

/** The seed pairing key of a run: training seed and data seed (pairs share both, so each pair saw the same data and initial draw). */
export const pairKey = (r: RunRecord): string => `${r.config.seed}/${dataSeedOf(r.config)}`;

/** One compared quantity's per-seed values, in the order of PairedGroups.seeds (NaN where a seed lacks it). */
export interface PairedValues {
  a: number[];
  b: number[];
}

export interface PairedTask extends PairedValues {
  task: TaskSpec;
  higherIsBetter: boolean;
  /** B − A of the final validation metric over the shared seeds */
  result: PairedResult;
}

export interface PairedGroups {
  /** training seeds both groups finished (with the same data seed), ascending */
  seeds: number[];
  /** the tasks both groups have, in A's order */
  tasks: PairedTask[];
  /** B − A of Δm% over the shared seeds where both have same-seed baselines; null when no seed has */
  deltaM: PairedResult | null;
  /** each seed's Δm% of A and of B */
  deltaMValues: PairedValues;
  method: PairedMethod;
  convention: DeltaMConvention;
}

/** Paired comparison of group B against A: per shared task and for Δm%, the mean difference B − A over the shared seeds and its interval. */
export function compareGroups(
  a: SeedGroup,
  b: SeedGroup,
  runs: readonly RunRecord[],
  { method = 't', convention = 'per-task' }: { method?: PairedMethod; convention?: DeltaMConvention } = {},
): PairedGroups {
  const bBySeed = new Map(finished(b).map((r) => [pairKey(r), r]));
  const pairs = finished(a)
    .filter((r) => bBySeed.has(pairKey(r)))
    .map((r) => [r, bBySeed.get(pairKey(r))!] as const)
    .sort((x, y) => x[0].config.seed - y[0].config.seed);
  const tasks = a.tasks.filter((t) => b.tasks.some((u) => u.id === t.id && u.kind === t.kind));
  const metricOf = (r: RunRecord, id: string) => finalMetrics(r.points)!.metric[r.config.tasks.findIndex((t) => t.id === id)];
  const paired = (xs: number[], ys: number[]) => pairedComparison(xs, ys, { method });
  const dA = pairs.map(([ra]) => runDeltaM(ra, runs, convention)?.mean ?? NaN);
  const dB = pairs.map(([, rb]) => runDeltaM(rb, runs, convention)?.mean ?? NaN);
  const anyDelta = dA.some((v, i) => Number.isFinite(v) && Number.isFinite(dB[i]));
  return {
    seeds: pairs.map(([ra]) => ra.config.seed),
    tasks: tasks.map((task) => {
      const va = pairs.map(([ra]) => metricOf(ra, task.id));
      const vb = pairs.map(([, rb]) => metricOf(rb, task.id));
      return { task, higherIsBetter: metricDirection(task.kind).higherIsBetter, result: paired(va, vb), a: va, b: vb };
    }),
    deltaM: anyDelta ? paired(dA, dB) : null,
    deltaMValues: { a: dA, b: dB },
    method,
    convention,
  };
}
