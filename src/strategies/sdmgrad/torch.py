class SDMGrad(Strategy):
    """LibMTL's SDMGrad with one batch as its three samples: niter projected SGD steps on persistent weights w,
    update (sum w g + lambda mean g) / (1 + lambda) (sdmgrad/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.lam = float(params.get('lambda', 0.3))
        self.niter = int(params.get('niter', 20))
        self.w = np.full(T, 1 / T)

    def step(self, step, losses, gram):
        T, lam = self.T, self.lam
        gram = np.asarray(gram, dtype=np.float64)
        s = float(np.sqrt(np.maximum(np.diag(gram), 0)).mean())
        GG = gram / (s * s + 1e-8)
        Gg = GG.mean(1)
        buf = None
        for _ in range(self.niter):
            grad = GG @ self.w + lam * Gg
            buf = grad if buf is None else 0.5 * buf + grad
            self.w = _project_simplex(self.w - 5 * buf)
        return list((self.w + lam / T) / (1 + lam)), [1.0] * T


STRATEGY = SDMGrad
