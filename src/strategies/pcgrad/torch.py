class PCGrad(Strategy):
    """Each task gradient projected off the ones it conflicts with, in seeded random orders (pcgrad/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.rng = Rng(derive_seed(seed, 'pcgrad'))

    def step(self, step, losses, gram):
        T = self.T
        orders = []
        for i in range(T):
            others = [k for k in range(T) if k != i]
            orders.append([others[p] for p in permutation(len(others), self.rng)])
        alpha = np.zeros(T)
        for i in range(T):
            c = np.zeros(T)
            c[i] = 1
            for j in orders[i]:
                nj = gram[j][j]
                if not nj > 0:
                    continue
                d = float(c @ gram[:, j])
                if d < 0:
                    c[j] -= d / nj
            alpha += c
        return list(alpha), [1.0] * T


STRATEGY = PCGrad
