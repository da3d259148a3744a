# ---------------------------------------------------------------- what the strategies share (src/strategies/_shared)
# Small linear algebra (linalg.ts), the min-norm solver (minnorm.ts) and the Strategy base class (types.ts).

def _solve(a, b):
    """A x = b with partial pivoting; None when a pivot is below 1e-12 x max|A| (as linalg.ts solve)."""
    a = np.array(a, dtype=np.float64)
    b = np.array(b, dtype=np.float64)
    n = len(b)
    scale = np.max(np.abs(a)) if a.size else 0.0
    if not (scale > 0) or not np.isfinite(scale):
        return None
    m = np.concatenate([a, b[:, None]], axis=1)
    for col in range(n):
        piv = col + int(np.argmax(np.abs(m[col:, col])))
        if abs(m[piv, col]) <= 1e-12 * scale:
            return None
        m[[col, piv]] = m[[piv, col]]
        for r in range(col + 1, n):
            f = m[r, col] / m[col, col]
            if f != 0:
                m[r, col:] -= f * m[col, col:]
    x = np.zeros(n)
    for r in range(n - 1, -1, -1):
        x[r] = (m[r, n] - m[r, r + 1:n] @ x[r + 1:]) / m[r, r]
    return x if np.all(np.isfinite(x)) else None


def _project_simplex(y):
    u = sorted(y, reverse=True)
    cum, theta = 0.0, 0.0
    for i, ui in enumerate(u):
        cum += ui
        t = (cum - 1) / (i + 1)
        if ui - t > 0:
            theta = t
    return np.maximum(np.asarray(y) - theta, 0.0)


def _softmax(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - z.max())
    return e / e.sum()


def _min_norm2(v11, v12, v22):
    if v12 >= v11:
        return 1.0, v11
    if v12 >= v22:
        return 0.0, v22
    g = (v22 - v12) / (v11 + v22 - 2 * v12)
    return g, v22 + g * (v12 - v22)


def min_norm_element(gram):
    T = len(gram)
    if T == 1:
        return np.ones(1)
    best = (0, 1, 1.0, math.inf)
    for i in range(T):
        for j in range(i + 1, T):
            g, cost = _min_norm2(gram[i][i], gram[i][j], gram[j][j])
            if cost < best[3]:
                best = (i, j, g, cost)
    sol = np.zeros(T)
    sol[best[0]] = best[2]
    sol[best[1]] += 1 - best[2]
    if T < 3:
        return sol
    for _ in range(250):
        Ms = gram @ sol
        t_hat = int(np.argmin(Ms))
        g, _c = _min_norm2(float(sol @ Ms), Ms[t_hat], gram[t_hat][t_hat])
        nxt = g * sol
        nxt[t_hat] += 1 - g
        change = np.abs(nxt - sol).sum()
        sol = nxt
        if change < 1e-6:
            break
    return sol


class Strategy:
    """step() gives this step's (shared, task) coefficients before the update; emit() delivers a run event
    ('after_step', 'eval', 'epoch_end') to the on_<event> method when the strategy has one. The class attributes
    needs_grads and losses are set from the strategy's spec.ts when the exporter registers it."""
    needs_grads = False
    losses = 'none'  # 'step' | 'epoch' | 'none': which loss values step() reads
    grad_vectors = False  # True: step(step, losses, gram, grads) also gets the [T, n] shared gradients and may
    # return a third item, the shared update direction (length n)
    losses_after_step = False  # True: after_step carries losses=, the batch's losses after the optimiser step (FAMO)

    def __init__(self, T, params, weights, seed, lr, task_ids):
        self.T = T

    def step(self, step, losses, gram):
        w = [1.0] * self.T
        return w, w

    def emit(self, event, step, **per_task):
        """Every keyword is a per-task list (val_losses, mean_losses), so wrappers pass events on without naming them."""
        hook = getattr(self, 'on_' + event, None)
        if hook is not None:
            hook(step, **per_task)


def dual_cone_weights(G, u):
    """argmin v^T G v s.t. v >= u by enumerating the free set in mask order, least objective among the feasible
    (dualcone.ts dualConeWeights)."""
    G = np.asarray(G, dtype=np.float64)
    u = np.asarray(u, dtype=np.float64)
    T = len(u)
    u_scale = max(1e-300, float(np.max(np.abs(u))))
    g_scale = max(1e-300, float(np.max(np.abs(G))))
    best, best_f = None, math.inf
    for mask in range(1 << T):
        F = [t for t in range(T) if mask & (1 << t)]
        A = [t for t in range(T) if not mask & (1 << t)]
        v = u.copy()
        if F:
            rhs = [-sum(G[i][j] * u[j] for j in A) for i in F]
            vF = _solve(G[np.ix_(F, F)], rhs)
            if vF is None:
                continue
            v[F] = vF
            if any(v[t] < u[t] - 1e-9 * u_scale for t in F):
                continue
        mu = G @ v
        if any(mu[t] < -1e-9 * g_scale * u_scale for t in A):
            continue
        f = float(v @ mu)
        if f < best_f:
            best, best_f = v, f
    if best is None:
        raise ValueError('dual cone projection: the Gram matrix is not positive definite')
    return best


def spectral_map(m, f, cutoff):
    """sum_k f(lambda_k) v_k v_k^T over the eigenpairs with lambda_k > cutoff (linalg.ts spectralMap)."""
    m = np.asarray(m, dtype=np.float64)
    lam, V = np.linalg.eigh(0.5 * (m + m.T))
    out = np.zeros_like(m)
    for k in range(len(lam)):
        if lam[k] > cutoff:
            out += f(lam[k]) * np.outer(V[:, k], V[:, k])
    return out


def regularised_gram(gram, norm_eps, reg_eps):
    tr = float(np.trace(gram))
    G = np.zeros_like(gram) if tr < norm_eps else gram / tr
    return G + reg_eps * np.eye(len(gram))
