def imtlg_weights(gram):
    T = len(gram)
    if T == 1:
        return np.ones(1)
    n = np.sqrt(np.maximum(np.diag(gram), 0))
    fallback = np.full(T, 1 / T)
    if not np.all((n > 0) & np.isfinite(n)):
        return fallback
    G = gram
    idx = range(1, T)
    b = [G[0][0] / n[0] - G[0][j] / n[j] for j in idx]
    M = np.array([[G[0][0] / n[0] - G[0][j] / n[j] - G[i][0] / n[0] + G[i][j] / n[j] for j in idx] for i in idx])
    a = _solve(M.T, b)
    if a is None:
        return fallback
    return np.concatenate([[1 - a.sum()], a])


class IMTLG(Strategy):
    """Equal projections of the update on every unit task gradient, closed form (imtlg/strategy.ts)."""

    def step(self, step, losses, gram):
        return list(imtlg_weights(gram)), [1.0] * self.T


STRATEGY = IMTLG
