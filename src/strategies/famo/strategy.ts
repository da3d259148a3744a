/**
 * FAMO (Liu, Liu, Stone & Liu, "FAMO: Fast Adaptive Multitask Optimization", NeurIPS 2023), exactly as LibMTL and the
 * authors' code (min losses 0): logits ξ (init 0), z = softmax(ξ).
 * - step: D_t = L_t + 1e-8, c = Σ z_t/D_t; loss Σ log(D_t)·z_t/c, i.e. loss weights z_t/(c·D_t) (heads too).
 * - after the optimiser step, with the same batch's new losses L'_t: δ_t = log(L_t + 1e-8) − log(L'_t + 1e-8),
 *   ξ-gradient d = J_softmax(ξ)ᵀδ, d_i = z_i(δ_i − Σ_j z_j δ_j), then one torch Adam step on ξ
 *   (lr wLr, L2 weight decay γ added to the gradient, β = (0.9, 0.999), ε = 1e-8).
 */
import { asLossWeights, fill, softmax, type StrategyContext, type StrategyCore } from '../_shared';

/** torch.optim.Adam (bias-corrected, ε outside the square root, L2 weight decay) on a small vector, in place. */
export function torchAdam(n: number, lr: number, weightDecay: number): (x: number[], grad: readonly number[]) => void {
  const m = fill(n, 0);
  const v = fill(n, 0);
  let t = 0;
  return (x, grad) => {
    t++;
    for (let i = 0; i < n; i++) {
      const g = grad[i] + weightDecay * x[i];
      m[i] = 0.9 * m[i] + 0.1 * g;
      v[i] = 0.999 * v[i] + 0.001 * g * g;
      const mHat = m[i] / (1 - 0.9 ** t);
      const vHat = v[i] / (1 - 0.999 ** t);
      x[i] -= (lr * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  };
}

/** FAMO's loss weights z_t/(c·D_t) for logits z = softmax(ξ). */
export function famoWeights(z: readonly number[], losses: readonly number[]): number[] {
  const D = losses.map((L) => L + 1e-8);
  const c = z.reduce((s, zt, t) => s + zt / D[t], 0);
  return z.map((zt, t) => zt / (c * D[t]));
}

/** The logits' gradient J_softmax(ξ)ᵀδ for δ_t = log(prev_t + 1e-8) − log(curr_t + 1e-8). */
export function famoLogitGradient(z: readonly number[], prev: readonly number[], curr: readonly number[]): number[] {
  const delta = prev.map((p, t) => Math.log(p + 1e-8) - Math.log(curr[t] + 1e-8));
  const zd = z.reduce((s, zt, t) => s + zt * delta[t], 0);
  return z.map((zt, t) => zt * (delta[t] - zd));
}

/** The FAMO strategy (params wLr, gamma); the logits move in the afterStep hook, from its losses. */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const xi = fill(T, 0);
  const adam = torchAdam(T, Number(ctx.params.wLr), Number(ctx.params.gamma));
  let prev: number[] | null = null;
  return {
    step({ losses }) {
      prev = [...losses];
      return asLossWeights(famoWeights(softmax(xi), losses));
    },
    on: {
      afterStep({ losses }) {
        if (!prev || !losses) return;
        const d = famoLogitGradient(softmax(xi), prev, losses);
        if (d.every(Number.isFinite)) adam(xi, d);
        prev = null;
      },
    },
  };
}
