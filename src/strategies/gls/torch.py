class GLS(Strategy):
    """Geometric mean of the losses: loss weights (prod L)^(1/T) / (T L_t), losses floored at 1e-20 (gls/strategy.ts)."""

    def step(self, step, losses, gram):
        L = np.maximum(np.array(losses, dtype=np.float64), 1e-20)
        geo = math.exp(float(np.log(L).mean()))
        w = list(geo / (len(L) * L))
        return w, list(w)


STRATEGY = GLS
