/**
 * ExcessMTL (He et al., "Robust Multi-Task Learning with Excess Risks", ICML 2024), LibMTL's form. Per task a running
 * sum S_t of squared gradients (per coordinate); excess-risk estimate r_t = Σ_i g_ti²/√(S_ti + 1e-7). The first step
 * stores r⁰ and keeps the weights at 1; afterwards w ← w·exp(η·r/r⁰), renormalised to Σw = T. The step's loss is
 * Σ w_t L_t (heads too). A task with r⁰ = 0 (a zero first gradient) gets ratio 0 rather than their 0/0.
 */
import { asLossWeights, fill, type StrategyContext, type StrategyCore } from '../_shared';

/** The ExcessMTL strategy (param stepSize η). */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const eta = Number(ctx.params.stepSize);
  let S: Float64Array[] | null = null;
  let first: number[] | null = null;
  let w = fill(T, 1);
  return {
    step({ grads }) {
      const g = grads!;
      const n = g[0]?.length ?? 0;
      if (!S || S[0].length !== n) S = g.map(() => new Float64Array(n));
      const r = g.map((gt, t) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          S![t][i] += gt[i] * gt[i];
          s += (gt[i] * gt[i]) / Math.sqrt(S![t][i] + 1e-7);
        }
        return s;
      });
      if (!first) first = r;
      else {
        const f = first;
        const next = w.map((wt, t) => wt * Math.exp(eta * (f[t] > 0 ? r[t] / f[t] : 0)));
        const total = next.reduce((a, b) => a + b, 0);
        w = next.map((x) => (x / total) * T);
      }
      return asLossWeights(w);
    },
  };
}
