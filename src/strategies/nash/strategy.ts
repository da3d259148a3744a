/**
 * Nash-MTL (Navon et al., ICML 2022): the bargaining solution is α > 0 with (GᵀG)α = 1/α elementwise
 * (their Eq. 4; GᵀG is our Gram matrix), i.e. every task's directional gain g_tᵀ(Σα g) = 1/α_t.
 * These are the stationarity conditions of the strictly convex φ(α) = ½αᵀMα − Σ log α_t (M = Gram + εI),
 * so we minimise φ by damped Newton (Newton step, backtracking until α stays positive and φ decreases),
 * instead of their sequence of cvxpy convex approximations: same fixed point, no solver dependency.
 */
import { dot, fill, matVec, quad, solve, sum, type StrategyContext, type StrategyCore } from '../_shared';

/** φ(α) = ½αᵀMα − Σ log α (∞ outside α > 0). */
function phi(m: number[][], a: number[]): number {
  if (!a.every((x) => x > 0)) return Infinity;
  return 0.5 * quad(m, a) - sum(a.map(Math.log));
}

/** Damped Newton on φ for matrix m from α₀; returns α and whether the residual max|α_t(mα)_t − 1| fell below 1e-10. */
function newton(m: number[][], a0: number[]): { a: number[]; ok: boolean } {
  let a = a0;
  let f = phi(m, a);
  for (let it = 0; it < 100; it++) {
    const Ma = matVec(m, a);
    // Scale-free residual: α_t·(Mα)_t − 1 (0 at the solution).
    if (Math.max(...Ma.map((v, t) => Math.abs(a[t] * v - 1))) < 1e-10) return { a, ok: true };
    const F = Ma.map((v, t) => v - 1 / a[t]); // ∇φ
    const J = m.map((row, i) => row.map((v, j) => (i === j ? v + 1 / (a[i] * a[i]) : v))); // ∇²φ, positive definite
    const step = solve(J, F.map((v) => -v));
    if (!step) break;
    let s = 1;
    let accepted = false;
    for (let k = 0; k < 60; k++, s /= 2) {
      const next = a.map((x, t) => x + s * step[t]);
      const fn = phi(m, next);
      if (fn <= f + 1e-4 * s * dot(F, step)) {
        a = next;
        f = fn;
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
  }
  const Ma = matVec(m, a);
  return { a, ok: Math.max(...Ma.map((v, t) => Math.abs(a[t] * v - 1))) < 1e-8 };
}

/**
 * α > 0 with gram·α = 1/α. Started from the orthogonal-case answer α_t = 1/‖g_t‖. A singular Gram (opposite or
 * repeated gradients) has no solution (φ unbounded below): then we solve again with ε = 1e-8 × mean diagonal added
 * to the diagonal, where the ill-posed directions get large but finite α. All-zero gradients return α = 1.
 */
export function nashWeights(gram: number[][]): number[] {
  const T = gram.length;
  const meanDiag = sum(gram.map((row, t) => Math.max(row[t], 0))) / T;
  if (!(meanDiag > 0) || !Number.isFinite(meanDiag)) return fill(T, 1);
  const start = gram.map((row, t) => 1 / Math.sqrt(row[t] > 0 ? row[t] : meanDiag));
  const plain = newton(gram, start);
  if (plain.ok) return plain.a;
  const ridged = gram.map((row, i) => row.map((g, j) => (i === j ? g + 1e-8 * meanDiag : g)));
  return newton(ridged, start).a;
}

/** Nash-MTL strategy: shared α from nashWeights; heads weigh 1. (Their max-norm clipping is left to the optimiser.) */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  return { step: ({ gram }) => ({ shared: nashWeights(gram!), task: fill(T, 1) }) };
}
