/**
 * IMTL-G (Liu et al., ICLR 2021), closed form: choose α (Σα = 1) so that the combined gradient g = Σ α_t g_t has
 * EQUAL projections on every unit gradient u_t = g_t/‖g_t‖. With D rows (g_1 − g_t), U rows (u_1 − u_t), t = 2..T:
 *   α_{2..T} = g_1ᵀUᵀ(DUᵀ)⁻¹,  α_1 = 1 − Σ_{t≥2} α_t.
 * From the Gram (n_t = ‖g_t‖): g_1·(u_1 − u_j) = G_11/n_1 − G_1j/n_j and
 * (DUᵀ)_ij = (g_1 − g_i)·(u_1 − u_j) = G_11/n_1 − G_1j/n_j − G_i1/n_1 + G_ij/n_j.
 */
import { fill, solve, type StrategyContext, type StrategyCore } from '../_shared';

/**
 * IMTL-G coefficients (Σα = 1). Falls back to α = 1/T (the mean gradient) when a gradient is zero or DUᵀ is
 * singular (e.g. two identical unit gradients), where the equal-projection system has no unique answer.
 */
export function imtlgWeights(gram: number[][]): number[] {
  const T = gram.length;
  if (T === 1) return [1];
  const n = gram.map((row, t) => Math.sqrt(Math.max(row[t], 0)));
  const fallback = fill(T, 1 / T);
  if (!n.every((x) => x > 0 && Number.isFinite(x))) return fallback;
  const G = gram;
  const idx = Array.from({ length: T - 1 }, (_, k) => k + 1);
  const b = idx.map((j) => G[0][0] / n[0] - G[0][j] / n[j]);
  const M = idx.map((i) => idx.map((j) => G[0][0] / n[0] - G[0][j] / n[j] - G[i][0] / n[0] + G[i][j] / n[j]));
  // Row vector a = b·M⁻¹  ⇔  Mᵀaᵀ = bᵀ.
  const Mt = M.map((_, i) => M.map((row) => row[i]));
  const a = solve(Mt, b);
  if (!a) return fallback;
  return [1 - a.reduce((p, q) => p + q, 0), ...a];
}

/** IMTL-G strategy: shared α from imtlgWeights; heads weigh 1. */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  return { step: ({ gram }) => ({ shared: imtlgWeights(gram!), task: fill(T, 1) }) };
}
