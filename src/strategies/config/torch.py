def config_weights(gram):
    gram = np.asarray(gram, dtype=np.float64)
    T = len(gram)
    n = np.sqrt(np.maximum(np.diag(gram), 0))
    ok = n > 0
    C = np.where(np.outer(ok, ok), gram / np.where(np.outer(ok, ok), np.outer(n, n), 1.0), 0.0)
    top = max(0.0, float(np.linalg.eigvalsh(C).max()))
    if not top > 0:
        return np.zeros(T)
    beta = spectral_map(C, lambda l: 1 / l, 1e-10 * top) @ np.ones(T)
    dn = math.sqrt(max(float(beta @ C @ beta), 0))
    if not dn > 0:
        return np.zeros(T)
    col = gram.sum(0)
    length = sum(beta[t] * col[t] / (n[t] * dn) for t in range(T) if n[t] > 0)
    return np.array([length * beta[t] / (n[t] * dn) if n[t] > 0 else 0.0 for t in range(T)])


class ConFIG(Strategy):
    """The equal-cosine direction pinv(U) 1, scaled by the sum of the gradients' projections (config/strategy.ts)."""

    def step(self, step, losses, gram):
        return list(config_weights(gram)), [1.0] * self.T


STRATEGY = ConFIG
