/**
 * MGDA-UB (Sener & Koltun, NeurIPS 2018): the min-norm point of the convex hull of the task gradients,
 * min_{α ∈ simplex} ‖Σ α_t g_t‖², solved from the Gram matrix alone (the shared minNormElement), optionally on
 * normalised gradients.
 */
import { fill, minNormElement, type StepInput, type StrategyContext, type StrategyCore } from '../_shared';

/**
 * Gradient normalisers of the reference code: none → 1, l2 → ‖g_t‖, loss → L_t, loss+ → L_t‖g_t‖.
 * A non-positive or non-finite scale falls back to 1 (that task's gradient is used as is).
 */
export function gradientScales(kind: string, input: StepInput): number[] {
  const gram = input.gram!;
  return gram.map((row, t) => {
    const norm = Math.sqrt(Math.max(row[t], 0));
    const L = input.losses[t];
    const s = kind === 'l2' ? norm : kind === 'loss' ? L : kind === 'loss+' ? L * norm : 1;
    return s > 0 && Number.isFinite(s) ? s : 1;
  });
}

/**
 * MGDA strategy. With scales s_t the solver sees ĝ_t = g_t/s_t (Gram ĝ_ij = gram_ij/(s_i s_j)); the direction
 * Σ β_t ĝ_t is returned over the ORIGINAL gradients as α_t = β_t/s_t (LibMTL's convention). Heads weigh 1.
 */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const kind = String(ctx.params.normalize);
  return {
    step(input) {
      const s = gradientScales(kind, input);
      const scaled = input.gram!.map((row, i) => row.map((g, j) => g / (s[i] * s[j])));
      const beta = minNormElement(scaled);
      return { shared: beta.map((b, t) => b / s[t]), task: fill(T, 1) };
    },
  };
}
