/**
 * The one training loop: the worker and the tests drive every Trainer through it. Steps run in chunks; after
 * each step an evaluation when one is due; between chunks the caller may post, yield, pause or stop.
 */
import type { MetricPoint } from '../protocol';
import type { Trainer } from './trainer';

export interface LoopControl {
  /** called with each evaluation's point, in step order (step 0 included), before the loop goes on */
  onEval(point: MetricPoint): void | Promise<void>;
  /** before each chunk; resolve false to stop the loop (e.g. the run was cancelled). Default: go on */
  beforeChunk?(): boolean | Promise<boolean>;
  /** after each step: true ends the current chunk (time budget spent, pause asked). Default: one chunk for everything */
  chunkOver?(): boolean;
  /** after each chunk (post what was gathered, yield to the event loop) */
  afterChunk?(): void | Promise<void>;
}

/**
 * Train until `trainer.step` reaches `until` (capped at totalSteps), evaluating when due — first at the
 * current step if it is due. Resolves true when it got there, false when beforeChunk stopped it.
 */
export async function trainLoop(trainer: Trainer, control: LoopControl, until = Infinity): Promise<boolean> {
  const end = Math.min(until, trainer.totalSteps);
  if (trainer.evalDue) await control.onEval(await trainer.evaluate());
  while (trainer.step < end) {
    if (control.beforeChunk && !(await control.beforeChunk())) return false;
    do {
      const reading = trainer.trainStep();
      // Awaited only when it is a promise: a step that reads nothing costs no microtask.
      if (reading) await reading;
      if (trainer.evalDue) await control.onEval(await trainer.evaluate());
    } while (trainer.step < end && !control.chunkOver?.());
    await control.afterChunk?.();
  }
  return true;
}
