/** PLE (Tang et al., RecSys 2020): stacked CGC levels; a shared gate over all experts feeds the next level's shared experts. */
import { FROZEN_PARAM, defineKind, needVector, perTask } from '../../model/nodes/spec';
import type { ParamValue } from '../../model';

export const spec = defineKind({
  kind: 'ple',
  label: 'PLE',
  description:
    'Progressive layered extraction: stacked CGC levels of shared and per-task experts; task gates mix the shared and own experts, a shared gate over all experts feeds the next level (Tang et al., RecSys 2020).',
  category: 'merge',
  order: 195,
  params: [
    { key: 'levels', label: 'Levels', type: 'int', min: 1, max: 4, default: 2 },
    { key: 'sharedExperts', label: 'Shared experts', type: 'int', min: 1, max: 16, default: 2 },
    { key: 'taskExperts', label: 'Experts per task', type: 'int', min: 1, max: 16, default: 1 },
    { key: 'units', label: 'Expert units', type: 'int', min: 1, max: 256, default: 16 },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (p, inputs, ctx) => needVector(inputs) ?? ctx.tasks.map(() => [Number(p.units)]),
  summary: (p) => `${p.levels} levels · ${p.sharedExperts} shared + ${p.taskExperts}/task × ${p.units}`,
  baseline: 'own-output',
});

/** PLE's sizes from its params. */
export const pleSizes = (p: Record<string, ParamValue>) => ({ levels: Number(p.levels), ks: Number(p.sharedExperts), kt: Number(p.taskExperts), units: Number(p.units) });

/**
 * Both engines' layout, per level l (input width D at level 0, U above): groups g = 0…T−1 (tasks) and g = T (shared),
 * each with experts We_g [d, K_g·U], be_g (K_g = Kt, or Ks for the shared group); then gates g = 0…T−1 (task g: slots
 * = the shared experts, then its own) and, below the last level, the shared gate (slots = the shared experts, then
 * task 0's, task 1's …), each Wg [d, k], bg [k]. Group g reads level l−1's output g (all read the input at level 0).
 * Returns per gate its slot count.
 */
export const gateSlots = (t: number, ks: number, kt: number, last: boolean): number[] =>
  Array.from({ length: last ? t : t + 1 }, (_, g) => (g === t ? ks + t * kt : ks + kt));

/**
 * The gate table: one row per gate (level by level: tasks, then the shared gate below the last level), columns every
 * expert of a level (S = shared, Ti.k = task i's expert k); `means[l][g]` is gate g's batch-mean weights over its slots.
 */
export function pleTable(taskNames: string[], ks: number, kt: number, means: number[][][]) {
  const t = taskNames.length;
  const cols = ks + t * kt;
  const rowLabels: string[] = [];
  const values: number[] = [];
  means.forEach((lv, l) =>
    lv.forEach((m, g) => {
      rowLabels.push(`L${l + 1} ${g === t ? 'shared' : taskNames[g]}`);
      const row = new Array<number>(cols).fill(0);
      for (let j = 0; j < m.length; j++) row[g === t || j < ks ? j : ks + g * kt + (j - ks)] = m[j];
      values.push(...row);
    }),
  );
  const colLabels = Array.from({ length: cols }, (_, j) => (j < ks ? `S${j + 1}` : `T${Math.floor((j - ks) / kt) + 1}.${((j - ks) % kt) + 1}`));
  return {
    title: 'Mean gate weight per expert, by level',
    note: 'Gates depend on the input: each cell is a gate’s softmax weight on that expert, averaged over validation rows (rows sum to 1). S = shared experts, Ti.k = task i’s expert k; a task gate reads only the shared experts and its own (0 elsewhere), the shared gate (below the last level) reads all and feeds the next level’s shared experts.',
    rowLabels,
    colLabels,
    rows: rowLabels.length,
    cols,
    values,
  };
}
