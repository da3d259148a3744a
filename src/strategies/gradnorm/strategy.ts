/** GradNorm (Chen et al., ICML 2018): weights learned so that each task's gradient norm tracks its training rate. */
import { asLossWeights, fill, sum, type StrategyContext, type StrategyCore } from '../_shared';

/** GradNorm's smallest allowed weight before renormalising (weights must stay positive). */
const GRADNORM_MIN_W = 1e-4;

/**
 * Learned weights w (init 1). With L_t(0) the first step's losses:
 * G_t = w_t‖g_t‖, Ḡ = mean_t G_t, r_t = (L_t/L_t(0)) / mean_k(L_k/L_k(0)), target_t = Ḡ·r_t^α (held constant),
 * L_grad = Σ_t |G_t − target_t|, ∂L_grad/∂w_t = sign(G_t − target_t)·‖g_t‖;
 * w ← w − lr·∂L_grad/∂w, clamped to ≥ 1e-4, renormalised to Σw = T.
 * This step's weights are those BEFORE the update (the update shapes the next step).
 */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const alpha = Number(ctx.params.alpha);
  const lr = Number(ctx.params.lr);
  let w = fill(T, 1);
  let L0: number[] | null = null;
  return {
    step({ losses, gram }) {
      const used = [...w];
      if (!gram) return asLossWeights(used);
      if (!L0) L0 = [...losses];
      const norms = gram.map((row, t) => Math.sqrt(Math.max(row[t], 0)));
      const G = norms.map((n, t) => w[t] * n);
      const Gbar = sum(G) / T;
      const ratio = losses.map((L, t) => (L0![t] > 0 ? L / L0![t] : 1));
      const meanRatio = sum(ratio) / T;
      const r = ratio.map((x) => (meanRatio > 0 ? x / meanRatio : 1));
      const target = r.map((rt) => Gbar * Math.pow(rt, alpha));
      const grad = G.map((g, t) => Math.sign(g - target[t]) * norms[t]);
      const next = w.map((wt, t) => Math.max(wt - lr * grad[t], GRADNORM_MIN_W));
      const total = sum(next);
      if (next.every(Number.isFinite) && total > 0) w = next.map((x) => (T * x) / total);
      return asLossWeights(used);
    },
  };
}
