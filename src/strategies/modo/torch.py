class MoDo(Strategy):
    """One projected step on the simplex weights per update, lambda <- P(lambda - gamma (G lambda + rho lambda)),
    one batch as LibMTL's three samples (modo/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.gamma = float(params.get('gamma', 1e-3))
        self.rho = float(params.get('rho', 0.1))
        self.lam = np.full(T, 1 / T)

    def step(self, step, losses, gram):
        gram = np.asarray(gram, dtype=np.float64)
        self.lam = _project_simplex(self.lam - self.gamma * (gram @ self.lam + self.rho * self.lam))
        return list(self.lam), [1.0] * self.T


STRATEGY = MoDo
