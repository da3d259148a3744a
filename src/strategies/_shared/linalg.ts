/** Tiny dense linear algebra over number[] for T×T problems (T = number of tasks, a handful). */

/** a·b for equal-length vectors. */
export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** M·v for a square matrix M. */
export function matVec(m: readonly (readonly number[])[], v: readonly number[]): number[] {
  return m.map((row) => dot(row, v));
}

/** vᵀ·M·v: the squared norm of Σ v_t g_t when M is a Gram matrix. */
export function quad(m: readonly (readonly number[])[], v: readonly number[]): number {
  return dot(v, matVec(m, v));
}

/** Vector of n copies of x. */
export const fill = (n: number, x: number): number[] => new Array<number>(n).fill(x);

/** Sum of entries. */
export const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);

/**
 * Solve A·x = b by Gaussian elimination with partial pivoting; null when A is (numerically) singular,
 * i.e. a pivot is below 1e-12 × the largest |entry| of A.
 */
export function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  const scale = Math.max(0, ...a.flat().map(Math.abs));
  if (!(scale > 0) || !Number.isFinite(scale)) return null;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
    if (Math.abs(m[piv][col]) <= 1e-12 * scale) return null;
    [m[col], m[piv]] = [m[piv], m[col]];
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / m[col][col];
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  const x = fill(n, 0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c++) s -= m[r][c] * x[c];
    x[r] = s / m[r][r];
  }
  return x.every(Number.isFinite) ? x : null;
}

/** Euclidean projection of y onto the probability simplex {w ≥ 0, Σw = 1} (sort-based, Duchi et al. 2008). */
export function projectSimplex(y: readonly number[]): number[] {
  const u = [...y].sort((p, q) => q - p);
  let cum = 0;
  let theta = 0;
  for (let i = 0; i < u.length; i++) {
    cum += u[i];
    const t = (cum - 1) / (i + 1);
    if (u[i] - t > 0) theta = t;
  }
  return y.map((v) => Math.max(v - theta, 0));
}

/** softmax(z)_t = e^{z_t} / Σ_k e^{z_k}, shifted by max(z) for stability. */
export function softmax(z: readonly number[]): number[] {
  const mx = Math.max(...z);
  const e = z.map((v) => Math.exp(v - mx));
  const s = sum(e);
  return e.map((v) => v / s);
}
