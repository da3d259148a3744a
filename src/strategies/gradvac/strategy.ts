/**
 * GradVac (Wang et al., "Gradient Vaccine", ICLR 2021), LibMTL's form over the whole shared model (group type 0),
 * as coefficients over the original task gradients. For each task i, g_i' starts at g_i; for j in a random order
 * of the others: ρ = g_i'·g_j/(‖g_i'‖‖g_j‖ + 1e-8); if ρ < ρ̂_ij then
 *   g_i' ← g_i' + w·g_j,  w = ‖g_i'‖(ρ̂_ij√(1−ρ²) − ρ√(1−ρ̂_ij²)) / (‖g_j‖√(1−ρ̂_ij²) + 1e-8)
 * (which makes cos(g_i', g_j) = ρ̂_ij), and always ρ̂_ij ← (1−β)ρ̂_ij + βρ (ρ̂ starts at 0). Update Σ_i g_i'.
 * The 1e-8 are theirs (absolute). Orders from deriveSeed(seed, 'gradvac').
 */
import { deriveSeed, makeRng } from '../../data/rng';
import { fill, type StrategyContext, type StrategyCore } from '../_shared';
import { pcgradOrders } from '../pcgrad/strategy';

/** One GradVac step: α with Σ α_t g_t = Σ_i g_i'; updates the targets rhoHat[i][j] in place. */
export function gradvacStep(gram: number[][], orders: number[][], rhoHat: number[][], beta: number): number[] {
  const T = gram.length;
  const alpha = fill(T, 0);
  for (let i = 0; i < T; i++) {
    const c = fill(T, 0);
    c[i] = 1;
    for (const j of orders[i]) {
      const Gc = gram.map((row) => c.reduce((s, ck, k) => s + ck * row[k], 0)); // G·c: (g_k·g_i') per k
      const dotJ = Gc[j];
      const ni = Math.sqrt(Math.max(c.reduce((s, ck, k) => s + ck * Gc[k], 0), 0));
      const nj = Math.sqrt(Math.max(gram[j][j], 0));
      const rho = dotJ / (ni * nj + 1e-8);
      const target = rhoHat[i][j];
      if (rho < target) {
        const w = (ni * (target * Math.sqrt(Math.max(1 - rho * rho, 0)) - rho * Math.sqrt(Math.max(1 - target * target, 0)))) / (nj * Math.sqrt(Math.max(1 - target * target, 0)) + 1e-8);
        c[j] += w;
      }
      rhoHat[i][j] = (1 - beta) * target + beta * rho;
    }
    for (let k = 0; k < T; k++) alpha[k] += c[k];
  }
  return alpha;
}

/** The GradVac strategy (param beta): targets persist across steps; heads weigh 1. */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const beta = Number(ctx.params.beta);
  const rng = makeRng(deriveSeed(ctx.seed, 'gradvac'));
  const rhoHat = Array.from({ length: T }, () => fill(T, 0));
  return { step: ({ gram }) => ({ shared: gradvacStep(gram!, pcgradOrders(T, rng), rhoHat, beta), task: fill(T, 1) }) };
}
