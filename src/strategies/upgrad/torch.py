class UPGrad(Strategy):
    """Each g_i / T projected onto the dual cone of the task gradients, the projections summed (upgrad/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.norm_eps = float(params.get('normEps', 1e-4))
        self.reg_eps = float(params.get('regEps', 1e-4))

    def step(self, step, losses, gram):
        T = self.T
        G = regularised_gram(np.asarray(gram, dtype=np.float64), self.norm_eps, self.reg_eps)
        w = sum(dual_cone_weights(G, np.eye(T)[i] / T) for i in range(T))
        return list(w), [1.0] * T


STRATEGY = UPGrad
