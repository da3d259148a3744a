class ExcessMTL(Strategy):
    """Loss weights multiplied by exp(eta r / r0), r the AdaGrad-scaled squared-gradient excess-risk estimate
    (excessmtl/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.eta = float(params.get('stepSize', 0.01))
        self.S, self.first, self.w = None, None, np.ones(T)

    def step(self, step, losses, gram, grads):
        g = np.asarray(grads, dtype=np.float64)
        if self.S is None or self.S.shape != g.shape:
            self.S = np.zeros_like(g)
        self.S += g * g
        r = (g * g / np.sqrt(self.S + 1e-7)).sum(1)
        if self.first is None:
            self.first = r
        else:
            ratio = np.array([r[t] / self.first[t] if self.first[t] > 0 else 0.0 for t in range(self.T)])
            nxt = self.w * np.exp(self.eta * ratio)
            self.w = nxt / nxt.sum() * self.T
        return list(self.w), list(self.w)


STRATEGY = ExcessMTL
