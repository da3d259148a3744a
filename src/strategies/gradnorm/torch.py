class GradNorm(Strategy):
    """Weights learned so each task's gradient norm tracks its relative training rate (gradnorm/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.alpha = float(params.get('alpha', 1.5))
        self.lr = float(params.get('lr', 0.025))
        self.w = np.ones(T)
        self.L0 = None

    def step(self, step, losses, gram):
        used = list(self.w)
        if self.L0 is None:
            self.L0 = list(losses)
        norms = np.sqrt(np.maximum(np.diag(gram), 0))
        G = self.w * norms
        ratio = np.array([L / L0 if L0 > 0 else 1.0 for L, L0 in zip(losses, self.L0)])
        r = ratio / ratio.mean() if ratio.mean() > 0 else np.ones(self.T)
        target = G.mean() * r ** self.alpha
        nxt = np.maximum(self.w - self.lr * np.sign(G - target) * norms, 1e-4)
        if np.all(np.isfinite(nxt)) and nxt.sum() > 0:
            self.w = self.T * nxt / nxt.sum()
        return used, used


STRATEGY = GradNorm
