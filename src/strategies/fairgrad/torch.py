def _fair_potential(A, w, alpha):
    if not np.all(w > 0):
        return math.inf
    p = 1 - 1 / alpha
    h = np.log(w) if alpha == 1 else w ** p / p
    return 0.5 * float(w @ A @ w) - float(h.sum())


def _fair_residual(A, w, alpha):
    return float(np.max(np.abs((A @ w) * w ** (1 / alpha) - 1)))


def _fair_newton(A, w, alpha):
    f = _fair_potential(A, w, alpha)
    for _ in range(200):
        if _fair_residual(A, w, alpha) < 1e-10:
            return w, True
        Fg = A @ w - w ** (-1 / alpha)
        J = A + np.diag((1 / alpha) * w ** (-1 / alpha - 1))
        step = _solve(J, -Fg)
        if step is None:
            break
        s, accepted = 1.0, False
        for _k in range(60):
            nxt = w + s * step
            fn = _fair_potential(A, nxt, alpha)
            if fn <= f + 1e-4 * s * float(Fg @ step):
                w, f, accepted = nxt, fn, True
                break
            s /= 2
        if not accepted:
            break
    return w, _fair_residual(A, w, alpha) < 1e-8


def fairgrad_weights(gram, alpha):
    gram = np.asarray(gram, dtype=np.float64)
    T = len(gram)
    mean_diag = float(np.maximum(np.diag(gram), 0).sum()) / T
    start = np.full(T, 1 / T)
    if not mean_diag > 0 or not math.isfinite(mean_diag):
        return start
    w, ok = _fair_newton(gram, start, alpha)
    if ok:
        return w
    return _fair_newton(gram + 1e-8 * mean_diag * np.eye(T), start, alpha)[0]


class FairGrad(Strategy):
    """w > 0 with gram @ w = w ** (-1 / alpha), by damped Newton; loss weights on shared and heads (fairgrad/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.alpha = float(params.get('alpha', 1))

    def step(self, step, losses, gram):
        w = list(fairgrad_weights(gram, self.alpha))
        return w, list(w)


STRATEGY = FairGrad
