/**
 * DB-MTL (Lin et al., "Dual-Balancing for Multi-Task Learning", arXiv 2023), LibMTL's form. Loss scale: each task
 * trains on log(L_t + 1e-8), whose gradient is ĝ_t = g_t/(L_t + 1e-8) (also the heads' weight). Gradient scale: a
 * running buffer b_t ← ĝ_t + (β/k^σ)(b_t − ĝ_t) (k = 1, 2, … the step count, b = 0 at first), then
 * α_t = max_s ‖b_s‖ / (‖b_t‖ + 1e-8) and the shared direction Σ_t α_t b_t. `shared` reports α.
 */
import { type StrategyContext, type StrategyCore } from '../_shared';

/** The DB-MTL state over n shared parameters: one step updates the buffers and returns α and the direction. */
export function dbmtl(beta: number, sigma: number) {
  let buf: Float64Array[] | null = null;
  let k = 0;
  return (losses: readonly number[], grads: readonly Float32Array[]): { alpha: number[]; direction: Float64Array } => {
    const n = grads[0]?.length ?? 0;
    if (!buf || buf[0].length !== n) buf = grads.map(() => new Float64Array(n));
    k++;
    const decay = beta / k ** sigma;
    const norms = buf.map((b, t) => {
      const s = 1 / (losses[t] + 1e-8);
      let sq = 0;
      for (let i = 0; i < n; i++) {
        const gh = grads[t][i] * s;
        b[i] = gh + decay * (b[i] - gh);
        sq += b[i] * b[i];
      }
      return Math.sqrt(sq);
    });
    const top = Math.max(...norms);
    const alpha = norms.map((u) => top / (u + 1e-8));
    const direction = new Float64Array(n);
    buf.forEach((b, t) => {
      for (let i = 0; i < n; i++) direction[i] += alpha[t] * b[i];
    });
    return { alpha, direction };
  };
}

/** The DB-MTL strategy (params beta, betaSigma): heads weigh 1/(L_t + 1e-8) (the log loss's gradient). */
export function strategy(ctx: StrategyContext): StrategyCore {
  const run = dbmtl(Number(ctx.params.beta), Number(ctx.params.betaSigma));
  return {
    step({ losses, grads }) {
      const { alpha, direction } = run(losses, grads!);
      return { shared: alpha, task: losses.map((L) => 1 / (L + 1e-8)), direction };
    },
  };
}
