/**
 * The min-norm point of the convex hull of the task gradients, min_{α ∈ simplex} ‖Σ α_t g_t‖², from the Gram matrix
 * alone (Sener & Koltun's MGDA solver; shared by every strategy built on it).
 */
import { fill, matVec, quad } from './linalg';

/**
 * min_{γ∈[0,1]} ‖γ·x1 + (1−γ)·x2‖² from v11 = x1·x1, v12 = x1·x2, v22 = x2·x2:
 * γ = clamp((x2−x1)·x2 / ‖x1−x2‖², 0, 1) (their Algorithm 1). Returns γ and the squared norm there.
 */
export function minNorm2(v11: number, v12: number, v22: number): { gamma: number; cost: number } {
  if (v12 >= v11) return { gamma: 1, cost: v11 };
  if (v12 >= v22) return { gamma: 0, cost: v22 };
  const gamma = (v22 - v12) / (v11 + v22 - 2 * v12);
  return { gamma, cost: v22 + gamma * (v12 - v22) };
}

const MAX_ITER = 250;
const STOP = 1e-6;

/**
 * Min-norm element of the convex hull (their find_min_norm_element): start from the best pair (closed form),
 * then Frank–Wolfe: t̂ = argmin_r (Mα)_r, exact line search between α and vertex e_t̂ (minNorm2), until
 * ‖Δα‖₁ < 1e-6 or 250 iterations. Returns α on the simplex.
 */
export function minNormElement(gram: number[][]): number[] {
  const T = gram.length;
  if (T === 1) return [1];
  let best = { i: 0, j: 1, gamma: 1, cost: Infinity };
  for (let i = 0; i < T; i++)
    for (let j = i + 1; j < T; j++) {
      const r = minNorm2(gram[i][i], gram[i][j], gram[j][j]);
      if (r.cost < best.cost) best = { i, j, ...r };
    }
  let sol = fill(T, 0);
  sol[best.i] = best.gamma;
  sol[best.j] += 1 - best.gamma;
  if (T < 3) return sol;
  for (let it = 0; it < MAX_ITER; it++) {
    const Ms = matVec(gram, sol);
    let tHat = 0;
    for (let r = 1; r < T; r++) if (Ms[r] < Ms[tHat]) tHat = r;
    const { gamma } = minNorm2(quad(gram, sol), Ms[tHat], gram[tHat][tHat]);
    const next = sol.map((s) => gamma * s);
    next[tHat] += 1 - gamma;
    let change = 0;
    for (let k = 0; k < T; k++) change += Math.abs(next[k] - sol[k]);
    sol = next;
    if (change < STOP) break;
  }
  return sol;
}
