class SmallAdam:
    """Bias-corrected Adam on a small vector, eps-hat form (makeAdam)."""

    def __init__(self, n, lr):
        self.m, self.v, self.t, self.lr = np.zeros(n), np.zeros(n), 0, lr

    def __call__(self, x, g):
        self.t += 1
        c2 = math.sqrt(1 - 0.999 ** self.t)
        size = self.lr * c2 / (1 - 0.9 ** self.t)
        self.m = 0.9 * self.m + 0.1 * g
        self.v = 0.999 * self.v + 0.001 * g * g
        return x - size * self.m / (np.sqrt(self.v) + 1e-7 * c2)


class Uncertainty(Strategy):
    """Learned log-variances, updated with SmallAdam after the step's weights are read (uncertainty/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.s = np.zeros(T)
        self.adam = SmallAdam(T, lr)

    def step(self, step, losses, gram):
        w = 1 / (2 * np.exp(self.s))
        grad = np.array([-L * w[t] + 0.5 if math.isfinite(L) else 0.0 for t, L in enumerate(losses)])
        self.s = self.adam(self.s, grad)
        return list(w), list(w)


STRATEGY = Uncertainty
