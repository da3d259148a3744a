class Reward(Strategy):
    """Exponentiated-gradient update of the weights at each evaluation (reward/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.eta = float(params.get('eta', 2))
        self.w = np.ones(T)
        self.prev = None

    def step(self, step, losses, gram):
        return list(self.w), list(self.w)

    def on_eval(self, step, val_losses):
        val = val_losses
        if not all(math.isfinite(v) for v in val):
            return
        if self.prev is not None:
            imp = np.array([(p - v) / max(p, 1e-12) for p, v in zip(self.prev, val)])
            nxt = self.w * np.exp(self.eta * (imp.mean() - imp))
            total = nxt.sum()
            if total > 0 and math.isfinite(total):
                self.w = self.T * nxt / total
        self.prev = list(val)


STRATEGY = Reward
