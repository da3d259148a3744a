/**
 * MoCo (Fernando et al., "Mitigating Gradient Bias in Multi-objective Learning", ICLR 2023), LibMTL's form (k = 1, 2, …):
 *   ĝ_t = g_t/(‖g_t‖ + 1e-8)·L_t;  y_t ← y_t − (β/k^βσ)(y_t − ĝ_t)  (y = 0 at first);
 *   λ ← softmax(λ − (γ/k^γσ)(YYᵀ + ρI)λ)  (λ = 1/T at first);  shared direction Yᵀλ = Σ λ_t y_t; heads weigh 1.
 * `shared` reports λ.
 */
import { fill, softmax, type StrategyContext, type StrategyCore } from '../_shared';

/** The MoCo state: one step updates y and λ and returns λ and the direction. */
export function moco(T: number, p: { beta: number; betaSigma: number; gamma: number; gammaSigma: number; rho: number }) {
  let y: Float64Array[] | null = null;
  let lambda = fill(T, 1 / T);
  let k = 0;
  return (losses: readonly number[], grads: readonly Float32Array[]): { lambda: number[]; direction: Float64Array } => {
    const n = grads[0]?.length ?? 0;
    if (!y || y[0].length !== n) y = grads.map(() => new Float64Array(n));
    k++;
    const b = p.beta / k ** p.betaSigma;
    y.forEach((yt, t) => {
      let sq = 0;
      for (let i = 0; i < n; i++) sq += grads[t][i] * grads[t][i];
      const s = losses[t] / (Math.sqrt(sq) + 1e-8);
      for (let i = 0; i < n; i++) yt[i] -= b * (yt[i] - grads[t][i] * s);
    });
    const Y = y;
    const yy = Y.map((a) => Y.map((c) => a.reduce((s, x, i) => s + x * c[i], 0)));
    const g = p.gamma / k ** p.gammaSigma;
    const step = yy.map((row, i) => row.reduce((s, v, j) => s + v * lambda[j], 0) + p.rho * lambda[i]);
    lambda = softmax(lambda.map((l, i) => l - g * step[i]));
    const direction = new Float64Array(n);
    Y.forEach((yt, t) => {
      for (let i = 0; i < n; i++) direction[i] += lambda[t] * yt[i];
    });
    return { lambda: [...lambda], direction };
  };
}

/** The MoCo strategy (params beta, betaSigma, gamma, gammaSigma, rho). */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const P = ctx.params;
  const run = moco(T, { beta: Number(P.beta), betaSigma: Number(P.betaSigma), gamma: Number(P.gamma), gammaSigma: Number(P.gammaSigma), rho: Number(P.rho) });
  return {
    step({ losses, grads }) {
      const { lambda, direction } = run(losses, grads!);
      return { shared: lambda, task: fill(T, 1), direction };
    },
  };
}
