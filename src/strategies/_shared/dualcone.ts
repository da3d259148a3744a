/**
 * The projection onto the dual cone of the task gradients, from the Gram matrix (TorchJD's project_weights, shared by
 * UPGrad and DualProj): the weights v of π(Σ u_t g_t) = Σ v_t g_t solve the QP  min_v vᵀGv  s.t.  v ≥ u
 * (Quinton & Rey, "Jacobian Descent", Proposition 1). T ≤ 8 here, so it is solved exactly by enumerating the active set.
 */
import { dot, matVec, solve } from './linalg';

/**
 * argmin vᵀGv s.t. v ≥ u for a symmetric positive definite G. KKT: with F the free set (v_F > u_F) and A its
 * complement (v_A = u_A), G_FF v_F = −G_FA u_A and the multipliers μ = Gv satisfy μ_F = 0, μ_A ≥ 0. Every F is
 * tried (in mask order); the feasible candidate (within 1e-9 relative) of least objective wins. G being positive
 * definite, that is the unique minimiser. Throws when none passes (G not positive definite).
 */
export function dualConeWeights(G: readonly (readonly number[])[], u: readonly number[]): number[] {
  const T = u.length;
  const uScale = Math.max(1e-300, ...u.map(Math.abs));
  const gScale = Math.max(1e-300, ...G.flat().map(Math.abs));
  let best: number[] | null = null;
  let bestF = Infinity;
  for (let mask = 0; mask < 1 << T; mask++) {
    const F = Array.from({ length: T }, (_, t) => t).filter((t) => mask & (1 << t));
    const A = Array.from({ length: T }, (_, t) => t).filter((t) => !(mask & (1 << t)));
    const v = [...u];
    if (F.length) {
      const rhs = F.map((i) => -A.reduce((s, j) => s + G[i][j] * u[j], 0));
      const vF = solve(F.map((i) => F.map((j) => G[i][j])), rhs);
      if (!vF) continue;
      F.forEach((t, k) => (v[t] = vF[k]));
      if (F.some((t) => v[t] < u[t] - 1e-9 * uScale)) continue;
    }
    const mu = matVec(G, v);
    if (A.some((t) => mu[t] < -1e-9 * gScale * uScale)) continue;
    const f = dot(v, mu);
    if (f < bestF) [best, bestF] = [v, f];
  }
  if (!best) throw new Error('dual cone projection: the Gram matrix is not positive definite');
  return best;
}

/** TorchJD's normalize + regularize: G/tr(G) (zeros when tr(G) < normEps, i.e. vanishing gradients), plus regEps·I. */
export function regularisedGram(gram: readonly (readonly number[])[], normEps: number, regEps: number): number[][] {
  const tr = gram.reduce((s, row, t) => s + row[t], 0);
  return gram.map((row, i) => row.map((g, j) => (tr < normEps ? 0 : g / tr) + (i === j ? regEps : 0)));
}
