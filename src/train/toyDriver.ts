/**
 * Runs a weighting strategy on the toy landscape (src/model/toy.ts) through the SAME code as training: the
 * registry's createStrategy and the loop's strategyHooks. Both parameters are shared by both objectives, so each
 * step the strategy gets the two losses and the 2×2 Gram matrix of their gradients, and the optimiser moves x along
 * d = Σ_t shared_t·∇f_t. Full batch: every step is one epoch, and an evaluation follows every EVAL_EVERY steps.
 */
import { toyEval, type ToyRun, type ToyRunSpec } from '../model/toy';
import { weightingSpec } from '../model/weighting';
import { strategyHooks, type StrategyHooks } from './hooks';
import { createStrategy } from './weighting';

/** Both objectives are ≥ −20 (the bowls' floor), so the losses a strategy reads are f + 21 > 0, as FAMO's toy sets its minimum losses at −21 (ratios and log-variances need positive losses); gradients are unchanged. */
export const TOY_LOSS_OFFSET = 21;
/** Steps between the "evaluations" a strategy may hook (the toy has no held-out data: it sees the same objectives). */
export const TOY_EVAL_EVERY = 10;
const TASKS = ['f1', 'f2'];

/** The combined direction at x for step `step`: the strategy's coefficients over the two gradients, and them. */
export function toyDirection(hooks: StrategyHooks, needsGrads: boolean, step: number, x: readonly [number, number], gradVectors = false): { d: [number, number]; f: [number, number]; shared: number[] } {
  const { f, g } = toyEval(x[0], x[1]);
  const gram = needsGrads ? g.map((a) => g.map((b) => a[0] * b[0] + a[1] * b[1])) : null;
  // Strategies that read the gradient vectors get both (the two parameters are all shared) and may return the direction.
  const grads = gradVectors ? g.map((v) => Float32Array.from(v)) : null;
  const w = hooks.beforeUpdate(step, f.map((v) => v + TOY_LOSS_OFFSET), gram, grads);
  const dir = w.direction;
  const d: [number, number] =
    dir && dir.length === 2 && Number.isFinite(dir[0]) && Number.isFinite(dir[1])
      ? [dir[0], dir[1]]
      : [w.shared[0] * g[0][0] + w.shared[1] * g[1][0], w.shared[0] * g[0][1] + w.shared[1] * g[1][1]];
  return { d, f, shared: w.shared };
}

const BETA1 = 0.9;
const BETA2 = 0.999;
/** tfjs's Adam ε in its ε-hat form, as src/train/optimizer.ts uses it */
const EPSILON = 1e-7;

/** A plain optimiser on the two parameters: Adam (bias-corrected, ε-hat form, as in training) or SGD. */
export function toyOptimiser(kind: 'adam' | 'sgd', lr: number): (x: [number, number], d: readonly [number, number]) => void {
  if (kind === 'sgd') return (x, d) => ((x[0] -= lr * d[0]), (x[1] -= lr * d[1]), undefined);
  const m = [0, 0];
  const v = [0, 0];
  let t = 0;
  return (x, d) => {
    t++;
    const c2 = Math.sqrt(1 - BETA2 ** t);
    const size = (lr * c2) / (1 - BETA1 ** t);
    for (let i = 0; i < 2; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * d[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * d[i] * d[i];
      x[i] -= (size * m[i]) / (Math.sqrt(v[i]) + EPSILON * c2);
    }
  };
}

/** A fresh run of one strategy from `spec.start`; throws on an unknown strategy id. */
export function createToyRun(spec: ToyRunSpec): ToyRun {
  const strategy = createStrategy({ kind: spec.kind, params: spec.params ?? {}, weights: { f1: 1, f2: 1 } }, TASKS, spec.seed, spec.lr);
  const hooks = strategyHooks(strategy, TASKS.length);
  const facts = weightingSpec(spec.kind);
  const move = toyOptimiser(spec.optimiser, spec.lr);
  const x: [number, number] = [...spec.start];
  const start = toyEval(x[0], x[1]).f;
  const path = [x[0], x[1]];
  const losses = [start[0], start[1]];
  let steps = 0;
  let error: string | null = null;
  return {
    get steps() {
      return steps;
    },
    path,
    losses,
    get error() {
      return error;
    },
    advance(n) {
      for (let k = 0; k < n && !error; k++) {
        try {
          const { d, f } = toyDirection(hooks, strategy.needsGrads, steps, x, facts?.gradVectors === true);
          move(x, d);
          const now = toyEval(x[0], x[1]).f;
          // FAMO-style strategies read the losses after the update (in training: the same batch again).
          hooks.afterUpdate(steps, facts?.lossesAfterStep ? now.map((v) => v + TOY_LOSS_OFFSET) : undefined);
          hooks.epochEnded(steps, f.map((v) => v + TOY_LOSS_OFFSET), 1);
          steps++;
          if (steps % TOY_EVAL_EVERY === 0) hooks.evaluated(now.map((v) => v + TOY_LOSS_OFFSET), steps);
          path.push(x[0], x[1]);
          losses.push(now[0], now[1]);
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
      }
    },
  };
}
