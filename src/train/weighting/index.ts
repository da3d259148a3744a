/**
 * The training loop's side of the weighting strategies (src/strategies/<id>/strategy.ts, collected by the generated
 * strategies.gen.ts): createStrategy coerces params, checks the contract and passes run events on.
 */
import { coerceParams, weightingSpec, type WeightingSpec } from '../../model';
import { STRATEGY_FACTORIES } from '../../strategies/strategies.gen';
import type { ParamRecord, Strategy, StrategyFactory } from '../../strategies/_shared';

export type { StepInput, StepWeights, Strategy, StrategyContext, StrategyCore, StrategyEventName, StrategyEvents } from '../../strategies/_shared';
export { cosineMatrix, gradNorms, gramOf, combine } from '../../strategies/_shared';

/** Where createStrategy finds a strategy's spec and implementation. */
export interface StrategyRegistry {
  spec(id: string): WeightingSpec | undefined;
  factory(id: string): StrategyFactory | undefined;
}

/** A registry over an id → factory table (own keys only, so 'toString' is no strategy). */
export function registryOf(spec: (id: string) => WeightingSpec | undefined, factories: Readonly<Record<string, StrategyFactory>>): StrategyRegistry {
  return { spec, factory: (id) => (Object.prototype.hasOwnProperty.call(factories, id) ? factories[id] : undefined) };
}

/** The strategy folders of src/strategies. */
export const BUILT_IN: StrategyRegistry = registryOf(weightingSpec, STRATEGY_FACTORIES);

const sameLength = (v: readonly number[], T: number) => Array.isArray(v) && v.length === T;

/**
 * A fresh strategy for one run. `kind` must be a registry id with an implementation (else throws); params are
 * coerced to its ParamSpec list; `seed` drives the random ones (RLW, PCGrad order); `learningRate` is the
 * optimiser's (uncertainty's log-variances use it). Every step returns finite arrays of length T: if a solver
 * produces a non-finite shared coefficient, that step falls back to the mean gradient (α = 1/T).
 */
export function createStrategy(
  cfg: { kind: string; params: ParamRecord; weights: Record<string, number> },
  taskIds: string[],
  seed: number,
  learningRate: number,
  registry: StrategyRegistry = BUILT_IN,
): Strategy {
  const spec = registry.spec(cfg.kind);
  const factory = registry.factory(cfg.kind);
  if (!spec || !factory) throw new Error(`unknown weighting strategy "${cfg.kind}"`);
  const T = taskIds.length;
  if (T < 1) throw new Error('a weighting strategy needs at least one task');
  const core = factory({
    taskIds: [...taskIds],
    params: coerceParams(spec.params, cfg.params),
    weights: { ...(cfg.weights ?? {}) },
    seed,
    learningRate,
  });
  return {
    id: spec.id,
    needsGrads: spec.needsGrads,
    step(input) {
      if (!sameLength(input.losses, T)) throw new Error(`${spec.id}: expected ${T} losses, got ${input.losses?.length}`);
      if (spec.needsGrads && (!input.gram || input.gram.length !== T || !input.gram.every((r) => sameLength(r, T))))
        throw new Error(`${spec.id}: needs a ${T}×${T} Gram matrix of task gradients`);
      if (spec.gradVectors && (!input.grads || input.grads.length !== T)) throw new Error(`${spec.id}: needs the ${T} task gradient vectors`);
      const out = core.step(input);
      const n = input.grads?.[0]?.length ?? 0;
      // A direction must be finite and as long as the gradients; else this step falls back to the mean gradient.
      const dirOk = !out.direction || (spec.gradVectors === true && out.direction.length === n && out.direction.every(Number.isFinite));
      const shared = dirOk && out.shared.every(Number.isFinite) ? out.shared : new Array<number>(T).fill(1 / T);
      const task = out.task.map((w) => (Number.isFinite(w) ? w : 1));
      return out.direction && dirOk ? { shared, task, direction: out.direction } : { shared, task };
    },
    emit: (name, event) => core.on?.[name]?.(event),
  };
}
