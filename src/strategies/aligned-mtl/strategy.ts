/**
 * Aligned-MTL (Senushkin et al., "Independent Component Alignment for Multi-Task Learning", CVPR 2023), LibMTL's
 * form: M = Gram = VΛVᵀ; keep the eigenpairs with λ > max λ · T · 1.19e-7 (torch.finfo(float32).eps, as theirs);
 * B = √λ_min · V Λ^{-1/2} Vᵀ over those; α = B·1. Then GB (the aligned gradients) has BᵀMB = λ_min·I on the kept
 * span: orthogonal directions of equal norm √λ_min. With on = representation (Aligned-MTL-UB) the engines hand it the
 * Gram matrix at the shared layers' output; α still combines the parameter gradients (as LibMTL's rep_grad does).
 */
import { fill, symEig, type StrategyContext, type StrategyCore } from '../_shared';

const F32_EPS = 1.1920928955078125e-7;

/** α = B·1; α = 1 (the plain sum) when every eigenvalue is below the rank tolerance (TorchJD's rank-0 rule). */
export function alignedWeights(gram: number[][]): number[] {
  const T = gram.length;
  const { values, vectors } = symEig(gram);
  const tol = Math.max(...values) * T * F32_EPS;
  const kept = values.map((_, k) => k).filter((k) => values[k] > tol);
  if (kept.length === 0 || !(tol >= 0)) return fill(T, 1);
  const scale = Math.sqrt(Math.min(...kept.map((k) => values[k])));
  const alpha = fill(T, 0);
  for (const k of kept) {
    const v = vectors[k];
    const vSum = v.reduce((s, x) => s + x, 0);
    for (let i = 0; i < T; i++) alpha[i] += (scale * v[i] * vSum) / Math.sqrt(values[k]);
  }
  return alpha;
}

/** The Aligned-MTL strategy: shared α from alignedWeights; heads weigh 1. */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  return { step: ({ gram }) => ({ shared: alignedWeights(gram!), task: fill(T, 1) }) };
}
