"""Shared code of train.py and evaluate.py: the exported data, the browser's seeded random streams,
per-task losses and metrics (masked like the browser's), and the loss-weighting strategies.

Exported by MTL Playground. Every strategy here is a port of src/strategies/<id>/strategy.ts: it sees the
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


class Refused(Exception):
    """A setting this exported project cannot reproduce; the message names it."""


# ---------------------------------------------------------------- strategies
# The exporter writes here src/strategies/_shared/torch.py, then every src/strategies/<id>/torch.py, each followed by
# the lines that register its STRATEGY class under its id with its spec's needs_grads and losses (src/export/commonPy.ts).
STRATEGIES = {}
#@@STRATEGIES@@


def _one_strategy(exp, task_ids, lr):
    cfg = exp['weighting']
    kind = cfg['kind']
    params = dict(cfg.get('params') or {})
    if kind not in STRATEGIES:
        raise Refused(f'weighting strategy "{kind}" has no PyTorch port in this export')
    return STRATEGIES[kind](len(task_ids), params, cfg.get('weights') or {}, exp['seed'], lr, task_ids)


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
        self.losses_after_step, self.grad_vectors = full.losses_after_step, full.grad_vectors

    def _spread(self, v):
        out = [0.0] * self.T
        for k, i in enumerate(self.idx):
            out[i] = v[k]
        return out

    def step(self, step, losses, gram, *grads):
        """grads: the [T, n] shared gradients, for grad_vectors strategies only (a direction comes back unchanged)."""
        if phase_at(self.schedule, step) == 2:
            return self.full.step(step, losses, gram, *grads)
        g = None if gram is None else np.asarray(gram)[np.ix_(self.idx, self.idx)]
        out = self.sub.step(step, [losses[i] for i in self.idx], g, *[np.asarray(v)[self.idx] for v in grads])
        return (self._spread(out[0]), self._spread(out[1])) + tuple(out[2:])

    def emit(self, event, step, **per_task):
        """Any event goes to the strategy of its step's phase; phase 1's sees each per-task list restricted to its tasks."""
        if phase_at(self.schedule, step) == 2:
            self.full.emit(event, step, **per_task)
        else:
            self.sub.emit(event, step, **{k: [v[i] for i in self.idx] for k, v in per_task.items()})


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
