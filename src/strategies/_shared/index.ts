/** What strategy implementations share: the contract with the training loop, small linear algebra, Gram read-outs, the min-norm solver. */
import type { StepWeights } from './types';

export type * from './types';
export * from './linalg';
export * from './gram';
export { minNorm2, minNormElement } from './minnorm';

/** Loss weights w used for both the shared parameters and the heads (the step's loss is Σ w_t·L_t). */
export const asLossWeights = (w: readonly number[]): StepWeights => ({ shared: [...w], task: [...w] });
export { dualConeWeights, regularisedGram } from './dualcone';

/** Losses below this are read as it by the log-loss strategies (SI-LS, GLS, STCH): log 0 has no gradient to follow. */
export const LOSS_FLOOR = 1e-20;
