class SILS(Strategy):
    """Sum of log losses: loss weights 1 / max(L_t, 1e-20) (si-ls/strategy.ts)."""

    def step(self, step, losses, gram):
        w = [1.0 / max(float(L), 1e-20) for L in losses]
        return w, list(w)


STRATEGY = SILS
