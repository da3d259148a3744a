class DBMTL(Strategy):
    """Log-loss gradients in a running buffer, each scaled to the largest buffer norm (db-mtl/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.beta = float(params.get('beta', 0.9))
        self.sigma = float(params.get('betaSigma', 0))
        self.buf, self.k = None, 0

    def step(self, step, losses, gram, grads):
        grads = np.asarray(grads, dtype=np.float64)
        L = np.asarray(losses, dtype=np.float64)
        if self.buf is None or self.buf.shape != grads.shape:
            self.buf = np.zeros_like(grads)
        self.k += 1
        gh = grads / (L + 1e-8)[:, None]
        self.buf = gh + (self.beta / self.k ** self.sigma) * (self.buf - gh)
        u = np.sqrt((self.buf ** 2).sum(1))
        alpha = u.max() / (u + 1e-8)
        return list(alpha), list(1 / (L + 1e-8)), alpha @ self.buf


STRATEGY = DBMTL
