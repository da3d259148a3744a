/**
 * STCH, smooth Tchebycheff scalarisation (Lin et al., ICML 2024), in LibMTL's form (from the authors' STCH_MTL code):
 * - epochs e < warmup: loss Σ_t log(L_t + 1e-20), weights 1/(L_t + 1e-20);
 * - epoch e = warmup: the same, and the nadir point n_t = mean of that epoch's step losses L_t is recorded;
 * - after: l_t = log(L_t/n_t + 1e-20), loss T·μ·log Σ_t exp((l_t − max l)/μ). Its gradient weights each task by
 *   ∂/∂L_t = T·p_t/(L_t + 1e-20·n_t) with p = softmax(l/μ) (the max shift cancels), so the worst task leads.
 * Epochs are counted from the epochEnd events (e = number that have arrived).
 */
import { asLossWeights, LOSS_FLOOR, softmax, type StrategyContext, type StrategyCore } from '../_shared';

/** The post-warm-up weights T·softmax(l/μ)_t/(L_t + 1e-20·n_t), l_t = log(L_t/n_t + 1e-20). */
export function stchWeights(losses: readonly number[], nadir: readonly number[], mu: number): number[] {
  const T = losses.length;
  const l = losses.map((L, t) => Math.log(L / nadir[t] + LOSS_FLOOR));
  const p = softmax(l.map((x) => x / mu));
  return losses.map((L, t) => (T * p[t]) / (L + LOSS_FLOOR * nadir[t]));
}

/** The STCH strategy (params mu > 0, warmup ≥ 0 epochs). */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const mu = Number(ctx.params.mu);
  const warmup = Number(ctx.params.warmup);
  let epoch = 0;
  const sum = new Array<number>(T).fill(0);
  let count = 0;
  let nadir: number[] | null = null;
  return {
    step({ losses }) {
      if (epoch <= warmup) {
        if (epoch === warmup) {
          losses.forEach((L, t) => (sum[t] += L));
          count++;
        }
        return asLossWeights(losses.map((L) => 1 / (L + LOSS_FLOOR)));
      }
      // A warm-up epoch with no step (the schedule froze it) leaves no nadir: the mean then stays at 1.
      nadir ??= count > 0 ? sum.map((s) => s / count) : new Array<number>(T).fill(1);
      return asLossWeights(stchWeights(losses, nadir, mu));
    },
    on: {
      epochEnd() {
        epoch++;
      },
    },
  };
}
