def _nash_phi(m, a):
    if not np.all(a > 0):
        return math.inf
    return 0.5 * float(a @ m @ a) - float(np.log(a).sum())


def _nash_newton(m, a):
    f = _nash_phi(m, a)
    for _ in range(100):
        Ma = m @ a
        if np.max(np.abs(a * Ma - 1)) < 1e-10:
            return a, True
        Fg = Ma - 1 / a
        J = m + np.diag(1 / (a * a))
        step = _solve(J, -Fg)
        if step is None:
            break
        s, accepted = 1.0, False
        for _k in range(60):
            nxt = a + s * step
            fn = _nash_phi(m, nxt)
            if fn <= f + 1e-4 * s * float(Fg @ step):
                a, f, accepted = nxt, fn, True
                break
            s /= 2
        if not accepted:
            break
    return a, bool(np.max(np.abs(a * (m @ a) - 1)) < 1e-8)


def nash_weights(gram):
    T = len(gram)
    mean_diag = float(np.maximum(np.diag(gram), 0).sum()) / T
    if not mean_diag > 0 or not math.isfinite(mean_diag):
        return np.ones(T)
    start = np.array([1 / math.sqrt(gram[t][t] if gram[t][t] > 0 else mean_diag) for t in range(T)])
    a, ok = _nash_newton(gram, start)
    if ok:
        return a
    return _nash_newton(gram + 1e-8 * mean_diag * np.eye(T), start)[0]


class Nash(Strategy):
    """The bargaining solution alpha > 0 with gram @ alpha = 1 / alpha, by damped Newton (nash/strategy.ts)."""

    def step(self, step, losses, gram):
        return list(nash_weights(gram)), [1.0] * self.T


STRATEGY = Nash
