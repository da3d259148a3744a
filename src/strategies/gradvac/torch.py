class GradVac(Strategy):
    """Each g_i pulled to its running-average cosine target with every other g_j, seeded orders (gradvac/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.beta = float(params.get('beta', 0.5))
        self.rng = Rng(derive_seed(seed, 'gradvac'))
        self.rho = np.zeros((T, T))

    def step(self, step, losses, gram):
        T, beta = self.T, self.beta
        gram = np.asarray(gram, dtype=np.float64)
        orders = []
        for i in range(T):
            others = [k for k in range(T) if k != i]
            orders.append([others[p] for p in permutation(len(others), self.rng)])
        alpha = np.zeros(T)
        for i in range(T):
            c = np.zeros(T)
            c[i] = 1
            for j in orders[i]:
                Gc = gram @ c
                ni = math.sqrt(max(float(c @ Gc), 0))
                nj = math.sqrt(max(gram[j][j], 0))
                rho = Gc[j] / (ni * nj + 1e-8)
                target = self.rho[i][j]
                if rho < target:
                    s_t = math.sqrt(max(1 - target * target, 0))
                    c[j] += ni * (target * math.sqrt(max(1 - rho * rho, 0)) - rho * s_t) / (nj * s_t + 1e-8)
                self.rho[i][j] = (1 - beta) * target + beta * rho
            alpha += c
        return list(alpha), [1.0] * T


STRATEGY = GradVac
