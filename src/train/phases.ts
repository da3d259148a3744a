/**
 * The two-phase schedule as a pure plan over step numbers (no tensors): which tasks' losses count, which
 * parameters train, and when the optimiser restarts. Without a schedule there is one phase (2) training all.
 */
import { activeTasks, phaseAt, type ScheduleConfig } from '../model';

/** The owner of some parameters: its node id and the tasks (indices into config.tasks) whose heads it feeds. */
export interface ParamOwner {
  node: string;
  tasks: ReadonlySet<number>;
}

export interface PhasePlan {
  /** true when there is a schedule: an inactive task's loss term is then left out (not multiplied by 0, which is NaN-unsafe) */
  readonly scheduled: boolean;
  /** 1 for steps 0 … phase1Steps−1, else 2 (always 2 without a schedule) */
  phaseAt(step: number): 1 | 2;
  /** true at the first step of phase 2 after a phase 1: a fresh optimiser (new moments) starts there */
  restartsAt(step: number): boolean;
  /** per task, in config.tasks order, whether its loss counts at `step` */
  activeTasks(step: number): boolean[];
  /** whether `owner`'s parameters train in `phase`: phase 1, those feeding an active task; phase 2, all but freezeInPhase2's */
  trains(phase: 1 | 2, owner: ParamOwner): boolean;
}

/** The plan of `schedule` (or of no schedule) for tasks `taskIds`, in config.tasks order. */
export function planPhases(schedule: ScheduleConfig | undefined, taskIds: readonly string[]): PhasePlan {
  const phase1On = schedule ? activeTasks(schedule, taskIds, 0) : [];
  const frozen = new Set(schedule?.freezeInPhase2 ?? []);
  return {
    scheduled: !!schedule,
    phaseAt: (step) => phaseAt(schedule, step),
    restartsAt: (step) => step > 0 && phaseAt(schedule, step) !== phaseAt(schedule, step - 1),
    activeTasks: (step) => activeTasks(schedule, taskIds, step),
    trains(phase, owner) {
      if (!schedule) return true;
      // An inactive task's own layers stay bit for bit as they are in phase 1.
      if (phase === 1) return [...owner.tasks].some((t) => phase1On[t]);
      return !frozen.has(owner.node);
    },
  };
}
