class Random(Strategy):
    """RLW: softmax of a fresh seeded standard normal draw every step (random/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.rng = Rng(derive_seed(seed, 'rlw'))

    def step(self, step, losses, gram):
        w = list(_softmax([self.rng.normal() for _ in range(self.T)]))
        return w, w


STRATEGY = Random
