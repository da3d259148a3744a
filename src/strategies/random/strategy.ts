/** RLW, random loss weighting (Lin et al., TMLR 2022). */
import { deriveSeed, makeRng } from '../../data/rng';
import { asLossWeights, softmax, type StrategyContext, type StrategyCore } from '../_shared';

/**
 * w = softmax(z), z ~ N(0, I) drawn fresh every step from the seeded stream deriveSeed(seed, 'rlw'):
 * the same seed and step order give the same weights; Σw = 1.
 */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const rng = makeRng(deriveSeed(ctx.seed, 'rlw'));
  return {
    step() {
      const z = Array.from({ length: T }, () => rng.normal());
      return asLossWeights(softmax(z));
    },
  };
}
