/**
 * FairGrad (Ban & Ji, "Fair Resource Allocation in Multi-Task Learning", ICML 2024), LibMTL's form: w > 0 with
 * A·w = w^{−1/α} elementwise (A = the Gram matrix), and the step's loss is Σ w_t·L_t (heads weighted too). They solve
 * it with scipy's least_squares from w = 1/T; here by damped Newton on the strictly convex potential
 * φ(w) = ½wᵀAw − Σ h(w_t), h' = w^{−1/α} (h = log w for α = 1, else w^{1−1/α}/(1−1/α)), whose stationary point is
 * that root. Same root, no solver dependency; a singular A (no root) is solved with 1e-8 × mean diagonal added.
 */
import { dot, fill, matVec, quad, solve, sum, type StrategyContext, type StrategyCore } from '../_shared';

/** φ(w) (∞ outside w > 0). */
function potential(A: number[][], w: number[], alpha: number): number {
  if (!w.every((x) => x > 0)) return Infinity;
  const p = 1 - 1 / alpha;
  const h = (x: number) => (alpha === 1 ? Math.log(x) : x ** p / p);
  return 0.5 * quad(A, w) - sum(w.map(h));
}

/** max_t |(Aw)_t − w_t^{−1/α}| / w_t^{−1/α}: 0 at the root. */
const residual = (A: number[][], w: number[], alpha: number) =>
  Math.max(...matVec(A, w).map((v, t) => Math.abs(v * w[t] ** (1 / alpha) - 1)));

/** Damped Newton on φ from w₀; the answer and whether its residual fell below 1e-8. */
function newton(A: number[][], w0: number[], alpha: number): { w: number[]; ok: boolean } {
  let w = w0;
  let f = potential(A, w, alpha);
  for (let it = 0; it < 200; it++) {
    if (residual(A, w, alpha) < 1e-10) return { w, ok: true };
    const F = matVec(A, w).map((v, t) => v - w[t] ** (-1 / alpha));
    const J = A.map((row, i) => row.map((v, j) => (i === j ? v + (1 / alpha) * w[i] ** (-1 / alpha - 1) : v)));
    const step = solve(J, F.map((v) => -v));
    if (!step) break;
    let s = 1;
    let accepted = false;
    for (let k = 0; k < 60; k++, s /= 2) {
      const next = w.map((x, t) => x + s * step[t]);
      const fn = potential(A, next, alpha);
      if (fn <= f + 1e-4 * s * dot(F, step)) {
        [w, f, accepted] = [next, fn, true];
        break;
      }
    }
    if (!accepted) break;
  }
  return { w, ok: residual(A, w, alpha) < 1e-8 };
}

/** FairGrad's weights for Gram matrix A and fairness α > 0 (1/T each when every gradient is zero). */
export function fairgradWeights(gram: number[][], alpha: number): number[] {
  const T = gram.length;
  const meanDiag = sum(gram.map((row, t) => Math.max(row[t], 0))) / T;
  const start = fill(T, 1 / T);
  if (!(meanDiag > 0) || !Number.isFinite(meanDiag)) return start;
  const plain = newton(gram, start, alpha);
  if (plain.ok) return plain.w;
  return newton(gram.map((row, i) => row.map((g, j) => (i === j ? g + 1e-8 * meanDiag : g))), start, alpha).w;
}

/** The FairGrad strategy (param alpha): the weights on the shared parameters and the heads (LibMTL's Σ w_t L_t). */
export function strategy(ctx: StrategyContext): StrategyCore {
  const alpha = Number(ctx.params.alpha);
  return {
    step({ gram }) {
      const w = fairgradWeights(gram!, alpha);
      return { shared: w, task: [...w] };
    },
  };
}
