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

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (T×T, T a handful): values ascending,
 * vectors[k] the unit eigenvector of values[k]; off-diagonal mass driven below 1e-30 of the total, ≤ 100 sweeps.
 */
export function symEig(m: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = m.length;
  const a = m.map((row, i) => row.map((_, j) => 0.5 * (m[i][j] + m[j][i])));
  const v = a.map((row, i) => row.map((_, j): number => (i === j ? 1 : 0)));
  const total = a.flat().reduce((s, x) => s + x * x, 0);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
    if (!(off > 1e-30 * total)) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
  }
  const idx = Array.from({ length: n }, (_, k) => k).sort((x, y) => a[x][x] - a[y][y]);
  return { values: idx.map((k) => a[k][k]), vectors: idx.map((k) => v.map((row) => row[k])) };
}

/**
 * f applied to a symmetric matrix's spectrum: Σ_k f(λ_k) v_k v_kᵀ over the eigenpairs with λ_k > cutoff (the rest
 * dropped, as a pseudo-inverse drops null directions).
 */
export function spectralMap(m: readonly (readonly number[])[], f: (lambda: number) => number, cutoff: number): number[][] {
  const { values, vectors } = symEig(m);
  const n = m.length;
  const out = Array.from({ length: n }, () => fill(n, 0));
  values.forEach((lam, k) => {
    if (!(lam > cutoff)) return;
    const fl = f(lam);
    const u = vectors[k];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i][j] += fl * u[i] * u[j];
  });
  return out;
}
