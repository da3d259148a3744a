/**
 * Statistics for honest comparisons across seeds: Student-t intervals, paired comparisons (paired t or a seeded
 * paired bootstrap) and Δm% under the two conventions of the literature. Pure, no DOM.
 */

/** ln Γ(x) for x > 0 (Lanczos, g = 7; ~1e-15 relative). */
function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the regularised incomplete beta (Numerical Recipes' betacf, modified Lentz). */
function betaCf(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 / (Math.abs(1 + aa * d) < tiny ? tiny : 1 + aa * d);
    c = Math.abs(1 + aa / c) < tiny ? tiny : 1 + aa / c;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 / (Math.abs(1 + aa * d) < tiny ? tiny : 1 + aa * d);
    c = Math.abs(1 + aa / c) < tiny ? tiny : 1 + aa / c;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b), x in [0, 1]. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaCf(a, b, x)) / a : 1 - (front * betaCf(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df > 0). */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t with `df` degrees of freedom, p in (0, 1) (bisection on tCdf to 1e-12). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  let lo = -1e3;
  let hi = 1e3;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface Interval {
  n: number;
  mean: number;
  /** sample standard deviation (n − 1); NaN for n < 2 */
  sd: number;
  lo: number;
  hi: number;
  /** half the interval's width; NaN when it cannot be computed (n < 2) */
  half: number;
  level: number;
}

/** Mean and two-sided Student-t interval at `level` (default 95 %) of the finite values of `xs`; NaN bounds for n < 2. */
export function meanInterval(xs: readonly number[], level = 0.95): Interval {
  const v = xs.filter(Number.isFinite);
  const n = v.length;
  const mean = n ? v.reduce((a, x) => a + x, 0) / n : NaN;
  if (n < 2) return { n, mean, sd: NaN, lo: NaN, hi: NaN, half: NaN, level };
  const sd = Math.sqrt(v.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const half = sd === 0 ? 0 : (tQuantile(1 - (1 - level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, lo: mean - half, hi: mean + half, half, level };
}

export type PairedMethod = 't' | 'bootstrap';

export interface PairedResult extends Interval {
  method: PairedMethod;
  /** true when the interval excludes 0: the difference is larger than seed noise at this level */
  distinguishable: boolean;
  /** the formula used, in words */
  formula: string;
}

/** Seeded uniform [0, 1) generator (mulberry32), so a bootstrap is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile of sorted values by linear interpolation between order statistics (type 7, as R and numpy). */
function quantileSorted(s: readonly number[], q: number): number {
  const h = (s.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < s.length ? s[i] + (h - i) * (s[i + 1] - s[i]) : s[i];
}

/**
 * Paired comparison of configuration B against A over the seeds they share: d_s = b_s − a_s for each seed s where
 * both are finite. 't': mean(d) ± t_{n−1, (1+level)/2}·sd(d)/√n. 'bootstrap': the percentile interval of the mean of
 * `resamples` resamples of d with replacement (seeded). A constant difference gives a zero-width interval.
 */
export function pairedComparison(a: readonly number[], b: readonly number[], opts: { method?: PairedMethod; level?: number; resamples?: number; seed?: number } = {}): PairedResult {
  const { method = 't', level = 0.95, resamples = 10_000, seed = 1 } = opts;
  const d: number[] = [];
  for (let s = 0; s < Math.min(a.length, b.length); s++) if (Number.isFinite(a[s]) && Number.isFinite(b[s])) d.push(b[s] - a[s]);
  const t = meanInterval(d, level);
  const pct = Math.round(level * 100);
  if (method === 't' || t.n < 2) {
    return { ...t, method: 't', distinguishable: t.n >= 2 && (t.lo > 0 || t.hi < 0), formula: `mean(d) ± t(${pct}%, n−1)·sd(d)/√n over n = ${t.n} paired seeds, d = B − A` };
  }
  const rnd = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < d.length; i++) sum += d[Math.floor(rnd() * d.length)];
    means[r] = sum / d.length;
  }
  const sorted = Array.from(means).sort((x, y) => x - y);
  const lo = quantileSorted(sorted, (1 - level) / 2);
  const hi = quantileSorted(sorted, 1 - (1 - level) / 2);
  return {
    ...t,
    lo,
    hi,
    half: (hi - lo) / 2,
    method: 'bootstrap',
    distinguishable: lo > 0 || hi < 0,
    formula: `${pct}% percentile interval of mean(d) over ${resamples.toLocaleString('en')} paired bootstrap resamples of n = ${t.n} seeds, d = B − A`,
  };
}

/** How Δm% averages: LibMTL's per task first, then over tasks; Nash-MTL's and FAMO's over all metrics at once. */
export type DeltaMConvention = 'per-task' | 'all-metrics';

export interface MetricPair {
  /** the multi-task model's value */
  value: number;
  /** the single-task baseline's value */
  base: number;
  higherIsBetter: boolean;
}

/**
 * Δm% over tasks that each report one or more metrics. Each metric contributes (−1)^l·(M − B)/B·100 (l = 1 when
 * lower is better). 'per-task' averages within each task, then over tasks (LibMTL); 'all-metrics' averages over
 * every metric of every task (Nash-MTL, FAMO). Metrics with a zero or non-finite baseline or value are skipped;
 * NaN when none is left. With one metric per task both conventions agree.
 */
export function deltaMWith(tasks: readonly (readonly MetricPair[])[], convention: DeltaMConvention): number {
  const rel = (m: MetricPair) => (m.base === 0 || !Number.isFinite(m.base) || !Number.isFinite(m.value) ? NaN : ((m.higherIsBetter ? 1 : -1) * (m.value - m.base) * 100) / m.base);
  const mean = (xs: number[]) => {
    const f = xs.filter(Number.isFinite);
    return f.length ? f.reduce((a, x) => a + x, 0) / f.length : NaN;
  };
  if (convention === 'all-metrics') return mean(tasks.flatMap((t) => t.map(rel)));
  return mean(tasks.map((t) => mean(t.map(rel))));
}
