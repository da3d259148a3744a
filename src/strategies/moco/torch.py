class MoCo(Strategy):
    """Tracked loss-scaled unit gradients y and one softmax step on lambda per update; direction y^T lambda
    (moco/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.p = {k: float(params.get(k, d)) for k, d in
                  (('beta', 0.5), ('betaSigma', 0.5), ('gamma', 0.1), ('gammaSigma', 0.5), ('rho', 0))}
        self.y, self.lam, self.k = None, np.full(T, 1 / T), 0

    def step(self, step, losses, gram, grads):
        p = self.p
        g = np.asarray(grads, dtype=np.float64)
        if self.y is None or self.y.shape != g.shape:
            self.y = np.zeros_like(g)
        self.k += 1
        gh = g / (np.sqrt((g * g).sum(1)) + 1e-8)[:, None] * np.asarray(losses, dtype=np.float64)[:, None]
        self.y = self.y - (p['beta'] / self.k ** p['betaSigma']) * (self.y - gh)
        M = self.y @ self.y.T + p['rho'] * np.eye(self.T)
        self.lam = _softmax(self.lam - (p['gamma'] / self.k ** p['gammaSigma']) * (M @ self.lam))
        return list(self.lam), [1.0] * self.T, self.lam @ self.y


STRATEGY = MoCo
