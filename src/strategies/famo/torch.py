class TorchAdamSmall:
    """torch.optim.Adam's update on a small numpy vector (famo/strategy.ts torchAdam)."""

    def __init__(self, n, lr, weight_decay):
        self.m, self.v, self.t, self.lr, self.wd = np.zeros(n), np.zeros(n), 0, lr, weight_decay

    def __call__(self, x, g):
        self.t += 1
        g = g + self.wd * x
        self.m = 0.9 * self.m + 0.1 * g
        self.v = 0.999 * self.v + 0.001 * g * g
        m_hat = self.m / (1 - 0.9 ** self.t)
        v_hat = self.v / (1 - 0.999 ** self.t)
        return x - self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)


class FAMO(Strategy):
    """Loss weights z / (c (L + 1e-8)) from logits xi; xi takes an Adam step on the log-loss decrease the update made
    on the same batch, read after the optimiser step (famo/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.xi = np.zeros(T)
        self.adam = TorchAdamSmall(T, float(params.get('wLr', 0.025)), float(params.get('gamma', 1e-3)))
        self.prev = None

    def step(self, step, losses, gram):
        self.prev = np.array(losses, dtype=np.float64)
        z = _softmax(self.xi)
        D = self.prev + 1e-8
        w = list(z / ((z / D).sum() * D))
        return w, list(w)

    def on_after_step(self, step, losses=None):
        if self.prev is None or losses is None:
            return
        z = _softmax(self.xi)
        delta = np.log(self.prev + 1e-8) - np.log(np.array(losses, dtype=np.float64) + 1e-8)
        d = z * (delta - float(z @ delta))
        if np.all(np.isfinite(d)):
            self.xi = self.adam(self.xi, d)
        self.prev = None


STRATEGY = FAMO
