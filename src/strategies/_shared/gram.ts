/** Read-outs of a task-gradient Gram matrix gram[i][j] = g_i·g_j (shared parameters). */

/** ‖g_t‖ = √gram[t][t] (same units as the gradients); negative round-off on the diagonal reads as 0. */
export function gradNorms(gram: number[][]): number[] {
  return gram.map((row, t) => Math.sqrt(Math.max(row[t], 0)));
}

/** cos_ij = gram_ij / (‖g_i‖‖g_j‖) in [−1, 1]; 0 where either norm is 0 (so a zero gradient's diagonal is 0, others' 1). */
export function cosineMatrix(gram: number[][]): number[][] {
  const n = gradNorms(gram);
  return gram.map((row, i) =>
    row.map((g, j) => {
      if (!(n[i] > 0 && n[j] > 0)) return 0;
      if (i === j) return 1;
      return Math.max(-1, Math.min(1, g / (n[i] * n[j])));
    }),
  );
}

/** Gram matrix of explicit vectors (tests, and engines that hold the task gradients as flat arrays). */
export function gramOf(vectors: readonly (ArrayLike<number>)[]): number[][] {
  return vectors.map((a) =>
    vectors.map((b) => {
      let s = 0;
      for (let k = 0; k < a.length; k++) s += a[k] * b[k];
      return s;
    }),
  );
}

/** Σ_t α_t·v_t for explicit vectors of equal length. */
export function combine(alpha: readonly number[], vectors: readonly (ArrayLike<number>)[]): number[] {
  const out = new Array<number>(vectors[0]?.length ?? 0).fill(0);
  vectors.forEach((v, t) => {
    for (let k = 0; k < out.length; k++) out[k] += alpha[t] * v[k];
  });
  return out;
}
