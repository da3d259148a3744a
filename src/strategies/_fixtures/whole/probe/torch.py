class Probe(Strategy):
    """Test fixture: w_t = (1 + steps done) * gain * last validation loss (probe/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.gain = float(params.get('gain', 0.5))
        self.n = 0
        self.val = [1.0] * T

    def step(self, step, losses, gram):
        w = [(1 + self.n) * self.gain * v for v in self.val]
        return w, list(w)

    def on_after_step(self, step):
        self.n += 1

    def on_eval(self, step, val_losses):
        self.val = list(val_losses)


STRATEGY = Probe
