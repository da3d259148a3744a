/**
 * GradDrop (Chen et al., "Just Pick a Sign", NeurIPS 2020, Algorithm 1 lines 10–15), as TorchJD's GradDrop aggregator:
 * on the shared parameters' gradients (LibMTL applies it at the shared representation instead, which the app's engines
 * do not expose per coordinate). Per coordinate i: purity P_i = ½(1 + Σ_t g_ti / Σ_t |g_ti|) (½ where every g_ti = 0),
 * U_i uniform; keep g_ti when (P_i > U_i and g_ti > 0) or (P_i < U_i and g_ti < 0); direction_i = Σ_t (ℓ + (1−ℓ)M_ti)·g_ti
 * with leak ℓ. U from deriveSeed(seed, 'graddrop'), one draw per coordinate per step. Heads weigh 1.
 */
import { deriveSeed, makeRng, type Rng } from '../../data/rng';
import { fill, type StrategyContext, type StrategyCore } from '../_shared';

/** The GradDrop direction for gradients `grads` (T vectors of length n) with leak ℓ and uniform draws from rng. */
export function graddropDirection(grads: readonly ArrayLike<number>[], leak: number, rng: Pick<Rng, 'next'>): Float64Array {
  const n = grads[0]?.length ?? 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let a = 0;
    for (const g of grads) {
      s += g[i];
      a += Math.abs(g[i]);
    }
    const P = a > 0 ? 0.5 * (1 + s / a) : 0.5;
    const U = rng.next();
    for (const g of grads) {
      const keep = (P > U && g[i] > 0) || (P < U && g[i] < 0);
      out[i] += (leak + (1 - leak) * (keep ? 1 : 0)) * g[i];
    }
  }
  return out;
}

/** The GradDrop strategy (param leak): `shared` reports 1 per task (the direction is per coordinate). */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const leak = Number(ctx.params.leak);
  const rng = makeRng(deriveSeed(ctx.seed, 'graddrop'));
  return { step: ({ grads }) => ({ shared: fill(T, 1), task: fill(T, 1), direction: graddropDirection(grads!, leak, rng) }) };
}
