/** The two-phase schedule's weighting: in phase 1 a strategy over the active tasks only, in phase 2 a fresh one over all. */
import { phaseAt, type ScheduleConfig, type WeightingConfig } from '../model';
import type { StrategyEventShape } from '../strategies/_shared';
import { createStrategy, type Strategy } from './weighting';

/**
 * A Strategy over all T tasks that respects `schedule`: while step < phase1Steps it asks a strategy built for
 * phase1Tasks alone (its Gram matrix and losses restricted to them) and gives every other task weight 0, so an
 * inactive task contributes nothing, also to gradient methods (PCGrad, MGDA, …). From phase1Steps on, a fresh
 * strategy over every task. Without a schedule (or phase1Steps 0) it is createStrategy's. Run events go to the
 * strategy of their step's phase, phase 1's with every per-task array restricted to its tasks. `create` builds
 * each phase's strategy (tests pass one over a fixture registry).
 */
export function phasedStrategy(
  cfg: WeightingConfig,
  schedule: ScheduleConfig | undefined,
  taskIds: string[],
  seed: number,
  learningRate: number,
  create: typeof createStrategy = createStrategy,
): Strategy {
  const full = create(cfg, taskIds, seed, learningRate);
  if (!schedule || schedule.phase1Steps <= 0) return full;
  const on = new Set(schedule.phase1Tasks);
  const idx = taskIds.flatMap((id, i) => (on.has(id) ? [i] : []));
  if (idx.length === 0) throw new Error('The schedule’s phase 1 trains none of this experiment’s tasks: choose at least one.');
  const sub = create(cfg, idx.map((i) => taskIds[i]), seed, learningRate);
  const T = taskIds.length;
  const pick = (v: readonly number[]) => idx.map((i) => v[i]);
  const spread = (v: readonly number[]) => {
    const out = new Array<number>(T).fill(0);
    idx.forEach((i, k) => (out[i] = v[k]));
    return out;
  };
  const restrict = <E extends StrategyEventShape>(event: E): E =>
    Object.fromEntries(Object.entries(event).map(([k, v]) => [k, Array.isArray(v) ? pick(v) : v])) as E;
  return {
    id: full.id,
    needsGrads: full.needsGrads,
    step(input) {
      if (phaseAt(schedule, input.step) === 2) return full.step(input);
      const gram = input.gram ? idx.map((i) => idx.map((j) => input.gram![i][j])) : null;
      const grads = input.grads ? idx.map((i) => input.grads![i]) : input.grads;
      const w = sub.step({ step: input.step, losses: pick(input.losses), gram, ...(grads !== undefined && { grads }) });
      return { shared: spread(w.shared), task: spread(w.task), ...(w.direction && { direction: w.direction }) };
    },
    emit(name, event) {
      if (phaseAt(schedule, event.step) === 2) full.emit(name, event);
      else sub.emit(name, restrict(event));
    },
  };
}
