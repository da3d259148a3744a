/**
 * SDMGrad (Xiao, Ban & Ji, "Direction-oriented Multi-objective Learning", NeurIPS 2023), LibMTL's form. LibMTL draws
 * three batches (ζ, ξ₁, ξ₂); the app's step has one, so all three are that batch and GG is the Gram matrix:
 *   GG ← GG/(s² + 1e-8), s = mean_t √max(GG_tt, 0);  Gg = row means of GG;
 *   w (kept across steps, starts 1/T): niter steps of SGD (lr 5, momentum 0.5, a fresh optimiser each step) on the
 *   gradient GG·w + λ·Gg, each followed by projection onto the simplex;
 *   update (Σ w_t g_t + λ·ḡ)/(1 + λ), i.e. α_t = (w_t + λ/T)/(1 + λ). Heads weigh 1.
 */
import { fill, matVec, projectSimplex, type StrategyContext, type StrategyCore } from '../_shared';

/** Runs LibMTL's niter projected SGD steps on w (in place) for Gram matrix gram; returns α. */
export function sdmgradStep(gram: number[][], w: number[], lambda: number, niter: number): number[] {
  const T = gram.length;
  const s = gram.reduce((acc, row, t) => acc + Math.sqrt(Math.max(row[t], 0)), 0) / T;
  const GG = gram.map((row) => row.map((g) => g / (s * s + 1e-8)));
  const Gg = GG.map((row) => row.reduce((a, b) => a + b, 0) / T);
  let buf: number[] | null = null;
  for (let it = 0; it < niter; it++) {
    const grad = matVec(GG, w).map((v, t) => v + lambda * Gg[t]);
    // torch SGD: the first step's buffer is the gradient itself, then buf = 0.5·buf + grad.
    const b: number[] = buf ? buf.map((x, t) => 0.5 * x + grad[t]) : grad;
    buf = b;
    const next = projectSimplex(w.map((x, t) => x - 5 * b[t]));
    for (let t = 0; t < T; t++) w[t] = next[t];
  }
  return w.map((x) => (x + lambda / T) / (1 + lambda));
}

/** The SDMGrad strategy (params lambda, niter); w persists across steps. */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const lambda = Number(ctx.params.lambda);
  const niter = Number(ctx.params.niter);
  const w = fill(T, 1 / T);
  return { step: ({ gram }) => ({ shared: sdmgradStep(gram!, w, lambda, niter), task: fill(T, 1) }) };
}
