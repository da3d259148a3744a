class DualProj(Strategy):
    """The mean gradient projected onto the dual cone of the task gradients (dualproj/strategy.ts;
    regularised_gram and dual_cone_weights are shared)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.norm_eps = float(params.get('normEps', 1e-4))
        self.reg_eps = float(params.get('regEps', 1e-4))

    def step(self, step, losses, gram):
        G = regularised_gram(np.asarray(gram, dtype=np.float64), self.norm_eps, self.reg_eps)
        return list(dual_cone_weights(G, np.full(self.T, 1 / self.T))), [1.0] * self.T


STRATEGY = DualProj
