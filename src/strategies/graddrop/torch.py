class GradDrop(Strategy):
    """Per shared coordinate, keep the gradients of the sign drawn from the purity P = (1 + sum g / sum |g|) / 2,
    seeded draws (graddrop/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.leak = float(params.get('leak', 0))
        self.rng = Rng(derive_seed(seed, 'graddrop'))

    def step(self, step, losses, gram, grads):
        g = np.asarray(grads, dtype=np.float64)
        s, a = g.sum(0), np.abs(g).sum(0)
        P = np.where(a > 0, 0.5 * (1 + s / np.where(a > 0, a, 1.0)), 0.5)
        U = np.array([self.rng.next() for _ in range(g.shape[1])])
        M = ((P > U)[None, :] & (g > 0)) | ((P < U)[None, :] & (g < 0))
        direction = ((self.leak + (1 - self.leak) * M) * g).sum(0)
        return [1.0] * self.T, [1.0] * self.T, direction


STRATEGY = GradDrop
