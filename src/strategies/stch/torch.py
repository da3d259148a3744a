class STCH(Strategy):
    """Warm-up on sum log L (recording the nadir point in its last epoch), then the smooth Tchebycheff weights
    T softmax(log(L/n + 1e-20)/mu)_t / (L_t + 1e-20 n_t) (stch/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.mu = float(params.get('mu', 1))
        self.warmup = int(params.get('warmup', 4))
        self.epoch, self.sum, self.count, self.nadir = 0, np.zeros(T), 0, None

    def step(self, step, losses, gram):
        L = np.array(losses, dtype=np.float64)
        if self.epoch <= self.warmup:
            if self.epoch == self.warmup:
                self.sum += L
                self.count += 1
            w = list(1 / (L + 1e-20))
            return w, list(w)
        if self.nadir is None:
            self.nadir = self.sum / self.count if self.count > 0 else np.ones(self.T)
        p = _softmax(np.log(L / self.nadir + 1e-20) / self.mu)
        w = list(self.T * p / (L + 1e-20 * self.nadir))
        return w, list(w)

    def on_epoch_end(self, step, mean_losses):
        self.epoch += 1


STRATEGY = STCH
