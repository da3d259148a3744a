/**
 * ConFIG (Liu, Chu & Thuerey, "ConFIG: Towards Conflict-free Training of Physics Informed Neural Networks", ICLR 2025;
 * TorchJD's ConFIG with its default sum weighting), from the Gram matrix: with unit gradients u_t = g_t/‖g_t‖ (0 for a
 * zero gradient) stacked as the rows of U, the best direction is d = pinv(U)·1 = Uᵀ·pinv(C)·1 with C = UUᵀ the
 * cosine matrix, i.e. d = Σ β_t u_t, β = pinv(C)·1, ‖d‖² = βᵀCβ. The update is (Σ_i g_i·d̂)·d̂, d̂ = d/‖d‖; over the
 * original gradients α_t = L·β_t/(‖g_t‖‖d‖) with L = Σ_i g_i·d̂ = Σ_t β_t (Σ_i G_it)/(‖g_t‖‖d‖).
 * pinv drops eigenvalues of C below 1e-10 × the largest (float64 here; torch.linalg.pinv's float32 rtol is coarser).
 */
import { fill, gradNorms, matVec, quad, spectralMap, symEig, type StrategyContext, type StrategyCore } from '../_shared';

/** ConFIG's coefficients α over the original gradients (zeros when every gradient is zero). */
export function configWeights(gram: number[][]): number[] {
  const T = gram.length;
  const n = gradNorms(gram);
  const C = gram.map((row, i) => row.map((g, j) => (n[i] > 0 && n[j] > 0 ? g / (n[i] * n[j]) : 0)));
  const top = Math.max(0, ...symEig(C).values);
  if (!(top > 0)) return fill(T, 0);
  const beta = matVec(spectralMap(C, (l) => 1 / l, 1e-10 * top), fill(T, 1));
  const dn = Math.sqrt(Math.max(quad(C, beta), 0));
  if (!(dn > 0)) return fill(T, 0);
  // F.normalize's max(‖d‖, 1e-12) is moot: ‖d‖ ≥ 1/√T·… whenever some β is non-zero.
  const colSums = gram[0].map((_, t) => gram.reduce((s, row) => s + row[t], 0));
  const length = beta.reduce((s, b, t) => s + (n[t] > 0 ? (b * colSums[t]) / (n[t] * dn) : 0), 0);
  return beta.map((b, t) => (n[t] > 0 ? (length * b) / (n[t] * dn) : 0));
}

/** The ConFIG strategy: shared α from configWeights; heads weigh 1. */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  return { step: ({ gram }) => ({ shared: configWeights(gram!), task: fill(T, 1) }) };
}
