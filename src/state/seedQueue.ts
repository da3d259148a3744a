/** "Train × N seeds": the queue of a seeded study, each seed's multi-task run followed by its missing same-seed baselines (pure). */
import { dataSeedOf, seededConfigs, seedsOf, type ExperimentConfig, type SeedsConfig } from '../model';
import { queueBaselines } from './baselineQueue';
import { baselineMatches } from './compare';
import { defaultRunName } from './runs';
import type { RunRecord, SeedGroupRef } from './runsDb';
import type { QueuedRun } from './runSession';
import type { SeedGroup } from './seedGroups';

/**
 * The runs of a study of `config` over its seeds (seedsOf): per seed, the multi-task run (a member of group `groupId`,
 * named "‹group name› · seed s"), then, for a multi-task experiment, a single-task baseline per task unless `runs`
 * already holds a finished one for that task and seed (same data, seed and budget: see baselineMatches). The group is
 * named like a run ("‹weighting› · ‹experiment› #n"), unique among the runs' and groups' names.
 */
export function queueSeeds(config: ExperimentConfig, runs: readonly RunRecord[], groupId: string): { name: string; items: QueuedRun[] } {
  const seeds = seedsOf(config);
  const taken = runs.flatMap((r) => (r.seedGroup ? [r.name, r.seedGroup.name] : [r.name]));
  const name = defaultRunName(config, taken);
  const ref: SeedGroupRef = { id: groupId, name, index: 0, size: 0, varyData: seeds.varyData };
  return { name, items: studyItems(config, seeds, ref, runs, () => true) };
}

/**
 * The queue that completes an interrupted study: the seeds of `group` that no finished member has, rebuilt from a
 * member's config (its seed minus its index is the study's first seed), and every seed's missing baselines.
 */
export function resumeSeeds(group: SeedGroup, runs: readonly RunRecord[]): QueuedRun[] {
  const m = group.members[0];
  const ref = m.seedGroup!;
  const base = structuredClone(m.config);
  base.seed = (m.config.seed - ref.index + 2 ** 32) % 2 ** 32;
  if (ref.varyData) delete base.dataSeed;
  else base.dataSeed = dataSeedOf(m.config);
  const have = new Set(group.members.filter((r) => r.status === 'done').map((r) => r.seedGroup!.index));
  return studyItems(base, { count: group.size, varyData: ref.varyData ?? false }, ref, runs, (k) => !have.has(k));
}

/** Per seed: the member run when `wanted` says so, then that seed's baselines that `runs` lacks. */
function studyItems(base: ExperimentConfig, seeds: SeedsConfig, ref: SeedGroupRef, runs: readonly RunRecord[], wanted: (k: number) => boolean): QueuedRun[] {
  const configs = seededConfigs(base, seeds);
  const items: QueuedRun[] = [];
  configs.forEach((c, index) => {
    const seed = { index, count: configs.length };
    if (wanted(index)) items.push({ config: c, kind: 'mtl', name: `${ref.name} · seed ${c.seed}`, seedGroup: { ...ref, index, size: configs.length }, seed });
    if (c.tasks.length < 2) return;
    for (const b of queueBaselines(c, runs)) {
      const task = b.config.tasks[0];
      if (runs.some((r) => baselineMatches(r, c, task))) continue;
      items.push({ config: b.config, kind: 'baseline', baselineOf: { taskId: task.id }, seed });
    }
  });
  return items;
}
