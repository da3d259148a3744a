/** Test fixture: a strategy driven by the afterStep and eval hooks alone. */
import { asLossWeights, type StrategyContext, type StrategyCore } from '../../../_shared';

/** w_t = (1 + n)·gain·v_t: n the afterStep events seen, v_t task t's last validation loss (1 before any). */
export function strategy(ctx: StrategyContext): StrategyCore {
  const gain = Number(ctx.params.gain);
  let n = 0;
  let val = ctx.taskIds.map(() => 1);
  return {
    step: () => asLossWeights(val.map((v) => (1 + n) * gain * v)),
    on: {
      afterStep() {
        n++;
      },
      eval({ valLosses }) {
        val = [...valLosses];
      },
    },
  };
}
