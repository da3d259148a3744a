/** Pure scores of validation predictions: confusion matrix, RMSE and R². */

/** C×C counts: m[t][p] = rows with true class t predicted as p; labels outside [0, C) are skipped. Σ m = valid rows. */
export function confusionMatrix(truth: ArrayLike<number>, pred: ArrayLike<number>, C: number): number[][] {
  const m = Array.from({ length: C }, () => new Array<number>(C).fill(0));
  const n = Math.min(truth.length, pred.length);
  for (let i = 0; i < n; i++) {
    const t = Math.round(truth[i]);
    const p = Math.round(pred[i]);
    if (t >= 0 && t < C && p >= 0 && p < C) m[t][p]++;
  }
  return m;
}

/** Root mean squared error in target units; NaN for no rows. */
export function rmseOf(truth: ArrayLike<number>, pred: ArrayLike<number>): number {
  const n = Math.min(truth.length, pred.length);
  let s = 0;
  for (let i = 0; i < n; i++) s += (pred[i] - truth[i]) ** 2;
  return n ? Math.sqrt(s / n) : NaN;
}

/** Coefficient of determination 1 − SS_res/SS_tot (1 = perfect, 0 = the mean, negative = worse); NaN when the truth is constant. */
export function r2(truth: ArrayLike<number>, pred: ArrayLike<number>): number {
  const n = Math.min(truth.length, pred.length);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += truth[i];
  mean /= n;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    res += (truth[i] - pred[i]) ** 2;
    tot += (truth[i] - mean) ** 2;
  }
  return tot > 0 ? 1 - res / tot : NaN;
}

/** The `k` largest off-diagonal cells of a confusion matrix, largest first (ties: lower true, then lower predicted class); zero cells are left out. */
export function topConfusions(m: readonly (readonly number[])[], k: number): { truth: number; pred: number; count: number }[] {
  const out: { truth: number; pred: number; count: number }[] = [];
  for (let i = 0; i < m.length; i++)
    for (let j = 0; j < m[i].length; j++) {
      const count = m[i][j];
      if (i === j || count <= 0) continue;
      if (out.length === k && count <= out[k - 1].count) continue;
      out.push({ truth: i, pred: j, count });
      out.sort((a, b) => b.count - a.count || a.truth - b.truth || a.pred - b.pred);
      if (out.length > k) out.pop();
    }
  return out;
}

/** Per true class: recall (right / rows of that class), NaN for a class with no rows. */
export function classRecall(m: readonly (readonly number[])[]): number[] {
  return m.map((row, i) => {
    let n = 0;
    for (const v of row) n += v;
    return n ? row[i] / n : NaN;
  });
}
