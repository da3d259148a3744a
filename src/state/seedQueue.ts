/** "Train × N seeds": the queue of a seeded study, each seed's multi-task run followed by its missing same-seed baselines (pure). */
import { seededConfigs, seedsOf, type ExperimentConfig } from '../model';
import { queueBaselines } from './baselineQueue';
import { baselineMatches } from './compare';
import { defaultRunName } from './runs';
import type { RunRecord } from './runsDb';
import type { QueuedRun } from './runSession';

/**
 * The runs of a study of `config` over its seeds (seedsOf): per seed, the multi-task run (a member of group `groupId`,
 * named "‹group name› · seed s"), then, for a multi-task experiment, a single-task baseline per task unless `runs`
 * already holds a finished one for that task and seed (same data, seed and budget: see baselineMatches). The group is
 * named like a run ("‹weighting› · ‹experiment› #n"), unique among the runs' and groups' names.
 */
export function queueSeeds(config: ExperimentConfig, runs: readonly RunRecord[], groupId: string): { name: string; items: QueuedRun[] } {
  const seeds = seedsOf(config);
  const configs = seededConfigs(config, seeds);
  const taken = runs.flatMap((r) => (r.seedGroup ? [r.name, r.seedGroup.name] : [r.name]));
  const name = defaultRunName(config, taken);
  const items: QueuedRun[] = [];
  configs.forEach((c, index) => {
    const seed = { index, count: configs.length };
    items.push({ config: c, kind: 'mtl', name: `${name} · seed ${c.seed}`, seedGroup: { id: groupId, name, index, size: configs.length }, seed });
    if (c.tasks.length < 2) return;
    for (const b of queueBaselines(c, runs)) {
      const task = b.config.tasks[0];
      if (runs.some((r) => baselineMatches(r, c, task))) continue;
      items.push({ config: b.config, kind: 'baseline', baselineOf: { taskId: task.id }, seed });
    }
  });
  return { name, items };
}
