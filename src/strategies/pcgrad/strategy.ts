/**
 * PCGrad (Yu et al., NeurIPS 2020), expressed as coefficients over the original task gradients.
 * For each task i, g_i' starts at g_i; for j in a random order of the other tasks,
 * if g_i'·g_j < 0 then g_i' ← g_i' − (g_i'·g_j / ‖g_j‖²)·g_j (projection onto the normal plane of the ORIGINAL g_j).
 * Shared update = Σ_i g_i'. Each g_i' = Σ_k c_ik g_k, so g_i'·g_j = Σ_k c_ik·gram[k][j] and α = Σ_i c_i.
 */
import { deriveSeed, makeRng, permutation, type Rng } from '../../data/rng';
import type { StrategyContext, StrategyCore } from '../_shared';

/** α with Σ_t α_t g_t = Σ_i PCGrad(g_i); orders[i] lists the tasks g_i is projected against, in order. */
export function pcgradCoefficients(gram: number[][], orders: number[][]): number[] {
  const T = gram.length;
  const alpha = new Array<number>(T).fill(0);
  for (let i = 0; i < T; i++) {
    const c = new Array<number>(T).fill(0);
    c[i] = 1;
    for (const j of orders[i]) {
      const nj = gram[j][j];
      if (!(nj > 0)) continue; // a zero gradient has no direction to project off
      let d = 0;
      for (let k = 0; k < T; k++) d += c[k] * gram[k][j];
      if (d < 0) c[j] -= d / nj;
    }
    for (let k = 0; k < T; k++) alpha[k] += c[k];
  }
  return alpha;
}

/** Per task i, a uniformly shuffled order of the other tasks (as in Yu et al.'s per-gradient random.shuffle). */
export function pcgradOrders(T: number, rng: Rng): number[][] {
  return Array.from({ length: T }, (_, i) => {
    const others = Array.from({ length: T }, (_, k) => k).filter((k) => k !== i);
    return Array.from(permutation(others.length, rng), (p) => others[p]);
  });
}

/** The PCGrad strategy: heads keep their own gradient (task weight 1); orders from deriveSeed(seed, 'pcgrad'). */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const rng = makeRng(deriveSeed(ctx.seed, 'pcgrad'));
  return {
    step({ gram }) {
      const orders = pcgradOrders(T, rng);
      return { shared: pcgradCoefficients(gram!, orders), task: new Array<number>(T).fill(1) };
    },
  };
}
