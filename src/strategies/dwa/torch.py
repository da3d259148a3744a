class DWA(Strategy):
    """T * softmax(loss ratio of the last two epochs / temperature) (dwa/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.tau = float(params.get('temperature', 2))
        self.history = []
        self.w = [1.0] * T

    def step(self, step, losses, gram):
        return list(self.w), list(self.w)

    def on_epoch_end(self, step, mean_losses):
        self.history.append(list(mean_losses))
        if len(self.history) < 2:
            return
        prev, last = self.history[-2], self.history[-1]
        r = [l / p if p > 0 and math.isfinite(l / p) else 1.0 for l, p in zip(last, prev)]
        self.w = list(self.T * _softmax(np.array(r) / self.tau))


STRATEGY = DWA
