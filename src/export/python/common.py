"""Shared code of train.py and evaluate.py: the exported data, the browser's seeded random streams,
per-task losses and metrics (masked like the browser's), and the loss-weighting strategies.

Exported by MTL Playground. Every strategy here is a port of src/train/weighting/*.ts: it sees the
tasks' losses and the T x T Gram matrix of their gradients on the shared parameters and returns
(shared, task) coefficients: the shared parameters move along sum_t shared[t] * g_t, each task's
own parameters along task[t] * g_t.
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- experiment and data

def load_experiment(root=HERE):
    with open(os.path.join(root, 'experiment.json'), encoding='utf-8') as f:
        return json.load(f)


def load_split(exp, split, root=HERE):
    """x [n, d] float32, and per task (y [n], mask [n] float32 0/1) in experiment task order."""
    data = os.path.join(root, 'data')
    x = np.load(os.path.join(data, f'x_{split}.npy'))
    ys, masks = [], []
    for t in exp['tasks']:
        ys.append(np.load(os.path.join(data, f'y_{split}_{t["id"]}.npy')))
        masks.append(np.load(os.path.join(data, f'mask_{split}_{t["id"]}.npy')).astype(np.float32))
    return x, ys, masks


# ---------------------------------------------------------------- the browser's random streams (src/data/rng.ts)

M32 = 0xFFFFFFFF


def derive_seed(seed, tag):
    """32-bit FNV-1a of the tag's UTF-16 code units mixed with the seed (deriveSeed)."""
    h = (0x811C9DC5 ^ (int(seed) & M32)) & M32
    units = tag.encode('utf-16-le')
    for i in range(0, len(units), 2):
        h ^= units[i] | (units[i + 1] << 8)
        h = (h * 0x01000193) & M32
    return h


class Rng:
    """mulberry32 with Box-Muller normals, bit-identical to makeRng."""

    def __init__(self, seed):
        self.a = int(seed) & M32
        self.spare = None

    def next(self):
        self.a = (self.a + 0x6D2B79F5) & M32
        t = self.a
        t = ((t ^ (t >> 15)) * (t | 1)) & M32
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & M32)) & M32
        return ((t ^ (t >> 14)) & M32) / 4294967296.0

    def normal(self):
        if self.spare is not None:
            s, self.spare = self.spare, None
            return s
        u = 0.0
        while u == 0.0:
            u = self.next()
        v = self.next()
        r = math.sqrt(-2.0 * math.log(u))
        self.spare = r * math.sin(2 * math.pi * v)
        return r * math.cos(2 * math.pi * v)

    def int(self, n):
        return int(math.floor(self.next() * n))


def permutation(n, rng):
    """Fisher-Yates permutation of 0..n-1 (permutation in rng.ts)."""
    p = list(range(n))
    for i in range(n - 1, 0, -1):
        j = rng.int(i + 1)
        p[i], p[j] = p[j], p[i]
    return p


def epoch_permutation(n, seed, epoch):
    """The browser's shuffled row order of one epoch (src/train/loop.ts startEpoch)."""
    return permutation(n, Rng(derive_seed(derive_seed(seed, 'batches'), str(epoch))))


# ---------------------------------------------------------------- losses, metrics, readouts (src/train/losses.ts)

def _flat(out, task):
    return out.reshape(-1) if task['kind'] in ('binary', 'regression') else out


def _masked_mean(v, mask):
    return (v * mask).sum() / torch.clamp(mask.sum(), min=1.0)


def task_loss(out, y, mask, task):
    """Mean over labelled rows (mask 1) of: sigmoid CE (binary), softmax CE (multiclass), squared error (regression)."""
    z = _flat(out, task)
    if task['kind'] == 'binary':
        v = F.softplus(z) - z * y.float()
    elif task['kind'] == 'multiclass':
        v = F.cross_entropy(z, y.long(), reduction='none')
    else:
        v = (z - y.float()) ** 2
    return _masked_mean(v, mask)


def task_metric(out, y, mask, task):
    """Accuracy in [0, 1] for classification, RMSE in target units for regression, over labelled rows."""
    z = _flat(out, task)
    if task['kind'] == 'binary':
        return _masked_mean(((z > 0).float() == y.float()).float(), mask)
    if task['kind'] == 'multiclass':
        return _masked_mean((z.argmax(dim=1) == y.long()).float(), mask)
    return torch.sqrt(_masked_mean((z - y.float()) ** 2, mask))


def metric_name(task):
    return 'RMSE' if task['kind'] == 'regression' else 'accuracy'


def readout(out, task):
    """One number per row (src/protocol/insight.ts readout): P(class 1), arg-max class, or the value."""
    z = _flat(out, task)
    if task['kind'] == 'binary':
        return torch.sigmoid(z)
    if task['kind'] == 'multiclass':
        return z.argmax(dim=1).float()
    return z


# ---------------------------------------------------------------- small linear algebra (src/train/weighting/linalg.ts)

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


# ---------------------------------------------------------------- strategies (src/train/weighting/*.ts)

class Strategy:
    needs_grads = False
    losses = 'none'  # 'step' | 'epoch' | 'none': which loss values step() reads

    def __init__(self, T, params, weights, seed, lr):
        self.T = T

    def step(self, step, losses, gram):
        w = [1.0] * self.T
        return w, w

    def on_eval(self, val_losses, step):
        pass

    def on_epoch(self, mean_losses):
        pass


class Equal(Strategy):
    pass


class Fixed(Strategy):
    def __init__(self, T, params, weights, seed, lr, task_ids=()):
        super().__init__(T, params, weights, seed, lr)
        self.w = [float(weights.get(i, 1)) if isinstance(weights.get(i, 1), (int, float)) and math.isfinite(weights.get(i, 1)) else 1.0 for i in task_ids]

    def step(self, step, losses, gram):
        return list(self.w), list(self.w)


class SmallAdam:
    """Bias-corrected Adam on a small vector, eps-hat form (makeAdam)."""

    def __init__(self, n, lr):
        self.m, self.v, self.t, self.lr = np.zeros(n), np.zeros(n), 0, lr

    def __call__(self, x, g):
        self.t += 1
        c2 = math.sqrt(1 - 0.999 ** self.t)
        size = self.lr * c2 / (1 - 0.9 ** self.t)
        self.m = 0.9 * self.m + 0.1 * g
        self.v = 0.999 * self.v + 0.001 * g * g
        return x - size * self.m / (np.sqrt(self.v) + 1e-7 * c2)


class Uncertainty(Strategy):
    losses = 'step'

    def __init__(self, T, params, weights, seed, lr):
        super().__init__(T, params, weights, seed, lr)
        self.s = np.zeros(T)
        self.adam = SmallAdam(T, lr)

    def step(self, step, losses, gram):
        w = 1 / (2 * np.exp(self.s))
        grad = np.array([-L * w[t] + 0.5 if math.isfinite(L) else 0.0 for t, L in enumerate(losses)])
        self.s = self.adam(self.s, grad)
        return list(w), list(w)


class DWA(Strategy):
    losses = 'epoch'

    def __init__(self, T, params, weights, seed, lr):
        super().__init__(T, params, weights, seed, lr)
        self.tau = float(params.get('temperature', 2))
        self.history = []
        self.w = [1.0] * T

    def step(self, step, losses, gram):
        return list(self.w), list(self.w)

    def on_epoch(self, mean_losses):
        self.history.append(list(mean_losses))
        if len(self.history) < 2:
            return
        prev, last = self.history[-2], self.history[-1]
        r = [l / p if p > 0 and math.isfinite(l / p) else 1.0 for l, p in zip(last, prev)]
        self.w = list(self.T * _softmax(np.array(r) / self.tau))


class Random(Strategy):
    def __init__(self, T, params, weights, seed, lr):
        super().__init__(T, params, weights, seed, lr)
        self.rng = Rng(derive_seed(seed, 'rlw'))

    def step(self, step, losses, gram):
        w = list(_softmax([self.rng.normal() for _ in range(self.T)]))
        return w, w


class Reward(Strategy):
    def __init__(self, T, params, weights, seed, lr):
        super().__init__(T, params, weights, seed, lr)
        self.eta = float(params.get('eta', 2))
        self.w = np.ones(T)
        self.prev = None

    def step(self, step, losses, gram):
        return list(self.w), list(self.w)

    def on_eval(self, val, step):
        if not all(math.isfinite(v) for v in val):
            return
        if self.prev is not None:
            imp = np.array([(p - v) / max(p, 1e-12) for p, v in zip(self.prev, val)])
            nxt = self.w * np.exp(self.eta * (imp.mean() - imp))
            total = nxt.sum()
            if total > 0 and math.isfinite(total):
                self.w = self.T * nxt / total
        self.prev = list(val)


class GradNorm(Strategy):
    needs_grads, losses = True, 'step'

    def __init__(self, T, params, weights, seed, lr):
        super().__init__(T, params, weights, seed, lr)
        self.alpha = float(params.get('alpha', 1.5))
        self.lr = float(params.get('lr', 0.025))
        self.w = np.ones(T)
        self.L0 = None

    def step(self, step, losses, gram):
        used = list(self.w)
        if self.L0 is None:
            self.L0 = list(losses)
        norms = np.sqrt(np.maximum(np.diag(gram), 0))
        G = self.w * norms
        ratio = np.array([L / L0 if L0 > 0 else 1.0 for L, L0 in zip(losses, self.L0)])
        r = ratio / ratio.mean() if ratio.mean() > 0 else np.ones(self.T)
        target = G.mean() * r ** self.alpha
        nxt = np.maximum(self.w - self.lr * np.sign(G - target) * norms, 1e-4)
        if np.all(np.isfinite(nxt)) and nxt.sum() > 0:
            self.w = self.T * nxt / nxt.sum()
        return used, used


class PCGrad(Strategy):
    needs_grads = True

    def __init__(self, T, params, weights, seed, lr):
        super().__init__(T, params, weights, seed, lr)
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


class MGDA(Strategy):
    needs_grads, losses = True, 'step'

    def __init__(self, T, params, weights, seed, lr):
        super().__init__(T, params, weights, seed, lr)
        self.kind = str(params.get('normalize', 'none'))

    def step(self, step, losses, gram):
        norms = np.sqrt(np.maximum(np.diag(gram), 0))
        s = []
        for t in range(self.T):
            v = {'l2': norms[t], 'loss': losses[t], 'loss+': losses[t] * norms[t]}.get(self.kind, 1.0)
            s.append(v if v > 0 and math.isfinite(v) else 1.0)
        s = np.array(s)
        beta = min_norm_element(gram / np.outer(s, s))
        return list(beta / s), [1.0] * self.T


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
    needs_grads = True

    def __init__(self, T, params, weights, seed, lr):
        super().__init__(T, params, weights, seed, lr)
        self.c = float(params.get('c', 0.4))

    def step(self, step, losses, gram):
        T, c = self.T, self.c
        root_phi = c * math.sqrt(max(gram.sum() / (T * T), 0))
        w = cagrad_dual(gram, root_phi)
        gw2 = float(w @ gram @ w)
        mean_sq = float(np.maximum(np.diag(gram), 0).sum()) / T
        lam = root_phi / math.sqrt(gw2) if gw2 > 1e-12 * mean_sq else 0.0
        return list((1 / T + lam * w) / (1 + c * c)), [1.0] * T


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
    needs_grads = True

    def step(self, step, losses, gram):
        return list(nash_weights(gram)), [1.0] * self.T


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
    needs_grads = True

    def step(self, step, losses, gram):
        return list(imtlg_weights(gram)), [1.0] * self.T


STRATEGIES = {
    'equal': Equal, 'fixed': Fixed, 'uncertainty': Uncertainty, 'gradnorm': GradNorm, 'dwa': DWA,
    'random': Random, 'pcgrad': PCGrad, 'mgda': MGDA, 'cagrad': CAGrad, 'nash': Nash, 'imtlg': IMTLG,
    'reward': Reward,
}


class Refused(Exception):
    """A setting this exported project cannot reproduce; the message names it."""


def _one_strategy(exp, task_ids, lr):
    cfg = exp['weighting']
    kind = cfg['kind']
    params = dict(cfg.get('params') or {})
    if kind not in STRATEGIES:
        raise Refused(f'weighting strategy "{kind}" has no PyTorch port in this export')
    if kind == 'mgda' and params.get('on') == 'representation':
        raise Refused('weighting strategy "mgda" (MGDA-UB) on the shared representation is not exported: '
                      'model.py does not expose the shared layers\' output; choose "Gradients of: parameters"')
    cls = STRATEGIES[kind]
    if cls is Fixed:
        return Fixed(len(task_ids), params, cfg.get('weights') or {}, exp['seed'], lr, task_ids)
    return cls(len(task_ids), params, cfg.get('weights') or {}, exp['seed'], lr)


def phase_at(schedule, step):
    """1 while step < phase1Steps of a two-phase schedule, else 2 (src/model/warmstart.ts phaseAt)."""
    return 1 if schedule and step < int(schedule.get('phase1Steps', 0)) else 2


def active_tasks(schedule, task_ids, step):
    """Per task, whether its loss counts at this step: phase 1 counts only phase1Tasks."""
    if phase_at(schedule, step) == 2:
        return [True] * len(task_ids)
    on = set(schedule.get('phase1Tasks') or [])
    return [i in on for i in task_ids]


class Phased(Strategy):
    """The two-phase schedule (src/train/schedule.ts): phase 1 asks a strategy over phase1Tasks alone (Gram and
    losses restricted to them) and gives the other tasks weight 0; from phase1Steps on, a fresh strategy over all."""

    def __init__(self, full, sub, idx, T, schedule):
        self.full, self.sub, self.idx, self.T, self.schedule = full, sub, idx, T, schedule
        self.needs_grads, self.losses = full.needs_grads, full.losses
        self.last = 0

    def _spread(self, v):
        out = [0.0] * self.T
        for k, i in enumerate(self.idx):
            out[i] = v[k]
        return out

    def step(self, step, losses, gram):
        self.last = step
        if phase_at(self.schedule, step) == 2:
            return self.full.step(step, losses, gram)
        g = None if gram is None else np.asarray(gram)[np.ix_(self.idx, self.idx)]
        shared, task = self.sub.step(step, [losses[i] for i in self.idx], g)
        return self._spread(shared), self._spread(task)

    def on_eval(self, val, step):
        if phase_at(self.schedule, step) == 2:
            self.full.on_eval(val, step)
        else:
            self.sub.on_eval([val[i] for i in self.idx], step)

    def on_epoch(self, mean):
        if phase_at(self.schedule, self.last) == 2:
            self.full.on_epoch(mean)
        else:
            self.sub.on_epoch([mean[i] for i in self.idx])


def make_strategy(exp, lr):
    """The experiment's weighting strategy (phased when it has a two-phase schedule); raises Refused for settings
    the export cannot reproduce."""
    ids = [t['id'] for t in exp['tasks']]
    full = _one_strategy(exp, ids, lr)
    sched = exp.get('schedule')
    if not sched or int(sched.get('phase1Steps', 0)) <= 0:
        return full
    on = set(sched.get('phase1Tasks') or [])
    idx = [i for i, t in enumerate(ids) if t in on]
    if not idx:
        raise Refused('the schedule\'s phase 1 trains none of this experiment\'s tasks: choose at least one')
    return Phased(full, _one_strategy(exp, [ids[i] for i in idx], lr), idx, len(ids), sched)


def safe_coefficients(shared, task):
    """createStrategy's guard: a non-finite shared coefficient falls back to the mean gradient, a non-finite task weight to 1."""
    T = len(shared)
    if not all(math.isfinite(float(v)) for v in shared):
        shared = [1.0 / T] * T
    task = [float(v) if math.isfinite(float(v)) else 1.0 for v in task]
    return [float(v) for v in shared], task
