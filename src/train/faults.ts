/**
 * The worker's side of test-only fault injection (protocol/faults.ts). A run without a plan (every production run)
 * gets no-op hooks.
 */
import type { FaultPlan } from '../protocol';
import { destroyWebGpuDevice } from './backend';
import type { Trainer } from './trainer';

/** What the 'first-step' fault throws: the kind of error a backend without a working kernel raises. */
export const INJECTED_STEP_ERROR = "Injected fault: kernel 'MatMul' failed on this backend";

/** Make `trainer`'s first trainStep throw INJECTED_STEP_ERROR (the 'first-step' fault); later steps run normally. */
export function breakFirstStep(trainer: Trainer): void {
  const step = trainer.trainStep;
  let first = true;
  trainer.trainStep = () => {
    if (!first) return step();
    first = false;
    throw new Error(INJECTED_STEP_ERROR);
  };
}

/** A hook to call between chunks with the step reached: fires the plan's fault once, at or after plan.atStep. */
export function faultTicker(plan: FaultPlan | undefined, scope: { close(): void }): (step: number) => void {
  if (!plan || plan.kind === 'first-step') return () => undefined;
  let fired = false;
  return (step) => {
    if (fired || step < plan.atStep) return;
    fired = true;
    if (plan.kind === 'close') scope.close();
    else if (plan.kind === 'throw')
      setTimeout(() => {
        throw new Error('Injected fault: the worker crashed');
      });
    else destroyWebGpuDevice();
  };
}
