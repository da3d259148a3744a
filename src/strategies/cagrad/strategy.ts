/**
 * CAGrad (Liu et al., NeurIPS 2021), from the Gram matrix G alone.
 * g0 = (1/T)Σ g_t, φ = c²‖g0‖². Dual: w* = argmin_{w ∈ simplex} F(w) = g_wᵀg0 + √φ·‖g_w‖ with g_w = Σ w_t g_t,
 * so g_wᵀg0 = wᵀG·1/T and ‖g_w‖² = wᵀGw. Direction (their code, rescale=1):
 *   d = (g0 + λ·g_w) / (1 + c²), λ = √φ/‖g_w‖  ⇒  α_t = (1/T + λ·w_t) / (1 + c²).
 * Their code adds an absolute 1e-8 inside the square roots; we use 1e-12 × mean‖g_t‖² instead so the result does
 * not depend on the gradients' scale (tiny late-training gradients), and λ = 0 when g_w = 0.
 */
import { dot, fill, matVec, projectSimplex, quad, solve, sum, type StrategyContext, type StrategyCore } from '../_shared';

/** F(w) of the CAGrad dual (see the file comment); eps smooths √ at g_w = 0. */
function objective(gram: number[][], w: number[], b: number[], rootPhi: number, eps: number): number {
  return dot(w, matVec(gram, b)) + rootPhi * Math.sqrt(Math.max(quad(gram, w), 0) + eps);
}

/**
 * Exact minimiser by enumerating supports S (T ≤ 10). KKT with n = ‖g_w‖ > 0, a = G·1/T: on S,
 * a_S + ρ·G_SS w_S/n = μ·1, off S the same expression ≥ μ. With p = G_SS⁻¹1, q = G_SS⁻¹a_S, k = n/ρ:
 * w_S = k(μp − q); ‖g_w‖² = k²ρ² gives μ²P − 2μQ + R = ρ² (P = 1ᵀp, Q = 1ᵀq, R = a_Sᵀq) and Σw = 1 gives
 * k = 1/(μP − Q) > 0, so μ = (Q + √disc)/P, k = 1/√disc with disc = Q² − P(R − ρ²). F is convex, so any point
 * passing the sign checks is a global minimiser; null when none does (singular faces, or 0 in the hull).
 */
function dualBySupports(gram: number[][], a: number[], rootPhi: number): number[] | null {
  const T = gram.length;
  if (T > 10 || !(rootPhi > 0)) return null;
  const scale = Math.max(...a.map(Math.abs)) + rootPhi * Math.sqrt(Math.max(...gram.map((r, t) => r[t])));
  let best: number[] | null = null;
  let bestF = Infinity;
  for (let mask = 1; mask < 1 << T; mask++) {
    const S = Array.from({ length: T }, (_, t) => t).filter((t) => mask & (1 << t));
    const G = S.map((i) => S.map((j) => gram[i][j]));
    const p = solve(G, fill(S.length, 1));
    const q = p && solve(G, S.map((t) => a[t]));
    if (!p || !q) continue;
    const P = sum(p);
    const Q = sum(q);
    const R = dot(S.map((t) => a[t]), q);
    const disc = Q * Q - P * (R - rootPhi * rootPhi);
    if (!(P > 0) || !(disc > 0)) continue;
    const mu = (Q + Math.sqrt(disc)) / P;
    const w = fill(T, 0);
    S.forEach((t, i) => (w[t] = (mu * p[i] - q[i]) / Math.sqrt(disc)));
    if (w.some((x) => x < -1e-9)) continue;
    const n = rootPhi / Math.sqrt(disc); // = kρ
    const Gw = matVec(gram, w);
    if (a.some((at, t) => !(mask & (1 << t)) && at + (rootPhi * Gw[t]) / n < mu - 1e-9 * scale)) continue;
    const clean = w.map((x) => Math.max(x, 0));
    const total = sum(clean);
    const wn = clean.map((x) => x / total);
    const f = objective(gram, wn, fill(T, 1 / T), rootPhi, 0);
    if (f < bestF) [best, bestF] = [wn, f];
  }
  return best;
}

/**
 * argmin of the convex F over the simplex: exact by supports (dualBySupports); otherwise (0 in the hull, singular
 * faces, T > 10) projected gradient descent with Armijo backtracking, up to 2000 steps.
 */
export function cagradDual(gram: number[][], rootPhi: number): number[] {
  const T = gram.length;
  const b = fill(T, 1 / T);
  const trace = sum(gram.map((row, t) => Math.max(row[t], 0)));
  if (T === 1 || !(trace > 0) || !Number.isFinite(trace)) return b;
  return dualBySupports(gram, matVec(gram, b), rootPhi) ?? cagradDualPGD(gram, rootPhi);
}

/** The fallback solver of cagradDual: projected gradient descent with Armijo backtracking (exported for tests). */
export function cagradDualPGD(gram: number[][], rootPhi: number): number[] {
  const T = gram.length;
  const b = fill(T, 1 / T);
  const trace = sum(gram.map((row, t) => Math.max(row[t], 0)));
  if (T === 1 || !(trace > 0) || !Number.isFinite(trace)) return b;
  const eps = (1e-12 * trace) / T;
  const Gb = matVec(gram, b);
  const grad = (w: number[]) => {
    const Gw = matVec(gram, w);
    const n = Math.sqrt(Math.max(dot(w, Gw), 0) + eps);
    return Gb.map((v, t) => v + (rootPhi * Gw[t]) / n);
  };
  let w = [...b];
  let fw = objective(gram, w, b, rootPhi, eps);
  let lr = 1 / trace;
  for (let it = 0; it < 2000; it++) {
    const g = grad(w);
    let moved = -1;
    for (let k = 0; k < 60; k++) {
      const next = projectSimplex(w.map((v, t) => v - lr * g[t]));
      const fn = objective(gram, next, b, rootPhi, eps);
      // Armijo condition for projected gradient: F(x⁺) ≤ F(x) + ∇F·(x⁺−x) + ‖x⁺−x‖²/(2·lr)
      const dx = next.map((v, t) => v - w[t]);
      if (fn <= fw + dot(g, dx) + dot(dx, dx) / (2 * lr) + 1e-15 * Math.abs(fw)) {
        moved = sum(dx.map(Math.abs));
        w = next;
        fw = fn;
        lr *= 1.5;
        break;
      }
      lr /= 2;
    }
    if (moved < 1e-10) break; // converged, or no step was accepted (moved = −1)
  }
  return w;
}

/** CAGrad strategy (param c ≥ 0): shared α from the dual solution; heads weigh 1. */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const c = Number(ctx.params.c);
  return {
    step({ gram }) {
      const G = gram!;
      const g0norm = Math.sqrt(Math.max(sum(G.flat()) / (T * T), 0)); // ‖g0‖² = mean of all Gram entries
      const rootPhi = c * g0norm;
      const w = cagradDual(G, rootPhi);
      const gw2 = quad(G, w);
      const meanSq = sum(G.map((row, t) => Math.max(row[t], 0))) / T;
      // g_w ≈ 0 (0 in the hull): λ is undefined; use d = g0/(1+c²) rather than the reference c/1e-8 blow-up
      const lambda = gw2 > 1e-12 * meanSq ? rootPhi / Math.sqrt(gw2) : 0;
      return { shared: w.map((wt) => (1 / T + lambda * wt) / (1 + c * c)), task: fill(T, 1) };
    },
  };
}
