def _cagrad_objective(gram, w, b, root_phi, eps):
    return float(w @ (gram @ b)) + root_phi * math.sqrt(max(float(w @ gram @ w), 0) + eps)


def _cagrad_supports(gram, a, root_phi):
    T = len(gram)
    if T > 10 or not root_phi > 0:
        return None
    scale = np.max(np.abs(a)) + root_phi * math.sqrt(np.max(np.diag(gram)))
    best, best_f = None, math.inf
    for mask in range(1, 1 << T):
        S = [t for t in range(T) if mask & (1 << t)]
        G = gram[np.ix_(S, S)]
        p = _solve(G, np.ones(len(S)))
        q = _solve(G, a[S]) if p is not None else None
        if p is None or q is None:
            continue
        P, Q, R = p.sum(), q.sum(), float(a[S] @ q)
        disc = Q * Q - P * (R - root_phi * root_phi)
        if not P > 0 or not disc > 0:
            continue
        mu = (Q + math.sqrt(disc)) / P
        w = np.zeros(T)
        w[S] = (mu * p - q) / math.sqrt(disc)
        if np.any(w < -1e-9):
            continue
        n = root_phi / math.sqrt(disc)
        Gw = gram @ w
        if any(not (mask & (1 << t)) and a[t] + root_phi * Gw[t] / n < mu - 1e-9 * scale for t in range(T)):
            continue
        w = np.maximum(w, 0)
        w = w / w.sum()
        f = _cagrad_objective(gram, w, np.full(T, 1 / T), root_phi, 0)
        if f < best_f:
            best, best_f = w, f
    return best


def _cagrad_pgd(gram, root_phi):
    T = len(gram)
    b = np.full(T, 1 / T)
    trace = float(np.maximum(np.diag(gram), 0).sum())
    eps = 1e-12 * trace / T
    Gb = gram @ b

    def grad(w):
        Gw = gram @ w
        return Gb + root_phi * Gw / math.sqrt(max(float(w @ Gw), 0) + eps)

    w = b.copy()
    fw = _cagrad_objective(gram, w, b, root_phi, eps)
    lr = 1 / trace
    for _ in range(2000):
        g = grad(w)
        moved = -1.0
        for _k in range(60):
            nxt = _project_simplex(w - lr * g)
            fn = _cagrad_objective(gram, nxt, b, root_phi, eps)
            dx = nxt - w
            if fn <= fw + g @ dx + dx @ dx / (2 * lr) + 1e-15 * abs(fw):
                moved, w, fw = float(np.abs(dx).sum()), nxt, fn
                lr *= 1.5
                break
            lr /= 2
        if moved < 1e-10:
            break
    return w


def cagrad_dual(gram, root_phi):
    T = len(gram)
    b = np.full(T, 1 / T)
    trace = float(np.maximum(np.diag(gram), 0).sum())
    if T == 1 or not trace > 0 or not math.isfinite(trace):
        return b
    w = _cagrad_supports(gram, gram @ b, root_phi)
    return w if w is not None else _cagrad_pgd(gram, root_phi)


class CAGrad(Strategy):
    """The conflict-averse direction from the dual over the simplex (cagrad/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.c = float(params.get('c', 0.4))

    def step(self, step, losses, gram):
        T, c = self.T, self.c
        root_phi = c * math.sqrt(max(gram.sum() / (T * T), 0))
        w = cagrad_dual(gram, root_phi)
        gw2 = float(w @ gram @ w)
        mean_sq = float(np.maximum(np.diag(gram), 0).sum()) / T
        lam = root_phi / math.sqrt(gw2) if gw2 > 1e-12 * mean_sq else 0.0
        return list((1 / T + lam * w) / (1 + c * c)), [1.0] * T


STRATEGY = CAGrad
