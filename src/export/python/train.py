"""Train the exported MTL Playground experiment with PyTorch.

One machine:   python train.py [--steps N] [--device cpu|cuda] [--out out]
Distributed:   torchrun --nproc_per_node=2 train.py   (gloo on CPU, nccl on CUDA; DistributedDataParallel)

Same optimiser (Adam with the browser's eps, or SGD with momentum), learning rate, batch size, steps,
per-task losses (masked to labelled rows) and weighting strategy as the experiment in experiment.json,
and the exact training rows the browser used (data/*.npy), read in the browser's seeded batch order.
Under torchrun every rank reads its shard perm[rank::world] of each epoch's shared permutation in
batches of batch_size // world, so one global step still sees batch_size rows; rank 0 prints.
"""
import argparse
import csv
import importlib
import math
import os
import sys

import numpy as np
import torch
import torch.distributed as dist

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common as C  # noqa: E402


def parse_args(exp, argv=None):
    opt = exp['optimizer']
    p = argparse.ArgumentParser(description=f'Train "{exp.get("name", "experiment")}" (exported from MTL Playground).')
    p.add_argument('--steps', type=int, default=int(opt['steps']), help='optimizer steps (default: the experiment\'s)')
    p.add_argument('--device', choices=['cpu', 'cuda'], default='cuda' if torch.cuda.is_available() else 'cpu',
                   help='cpu or cuda (default: cuda when available)')
    p.add_argument('--out', default='out', help='output folder for model.pt and metrics.csv (default: out)')
    p.add_argument('--lr', type=float, default=float(opt['learningRate']), help='learning rate (default: the experiment\'s)')
    p.add_argument('--batch-size', type=int, default=int(opt['batchSize']), help='global batch size (default: the experiment\'s)')
    p.add_argument('--seed', type=int, default=int(exp['seed']), help='seed of init, batch order and random strategies')
    p.add_argument('--log-every', type=int, default=max(1, int(round(exp.get('evalEvery', 10)))),
                   help='evaluate and print every this many steps (default: the experiment\'s evaluation interval)')
    p.add_argument('--init', default=None, help='start from browser weights (a weights.npz from the export)')
    p.add_argument('--no-warm-start', action='store_true', help='ignore warm_start.npz (train from a fresh init)')
    return p.parse_args(argv)


def warm_start(M, model, arrays):
    """The browser's warm start: copy a node's tensors only when the model has that node and every shape
    matches; returns (node id, status, detail) per node in the file, status copied / missing / mismatch."""
    tensors = M.browser_tensors(model)
    by_node = {}
    for key in arrays:
        node, k = key.rsplit('/', 1)
        by_node.setdefault(node, {})[int(k)] = arrays[key]
    report = []
    for node, parts in by_node.items():
        mine = {int(key.rsplit('/', 1)[1]): t for key, t in tensors.items() if key.rsplit('/', 1)[0] == node}
        if not mine:
            report.append((node, 'missing', 'not in this graph'))
            continue
        if sorted(mine) != sorted(parts) or any(tuple(parts[k].shape) != tuple(mine[k].shape) for k in mine):
            want = ' '.join(str(list(mine[k].shape)) for k in sorted(mine))
            got = ' '.join(str(list(parts[k].shape)) for k in sorted(parts))
            report.append((node, 'mismatch', f'shape mismatch: expected {want} got {got}'))
            continue
        with torch.no_grad():
            for k, t in mine.items():
                t.copy_(torch.as_tensor(parts[k], dtype=torch.float32))
        report.append((node, 'copied', ' '.join(str(list(mine[k].shape)) for k in sorted(mine))))
    return report


class Dist:
    """Process-group facts; world 1 when not launched by torchrun."""

    def __init__(self, device):
        self.on = 'RANK' in os.environ and 'WORLD_SIZE' in os.environ
        self.rank = int(os.environ.get('RANK', 0))
        self.world = int(os.environ.get('WORLD_SIZE', 1))
        local = int(os.environ.get('LOCAL_RANK', 0))
        if device == 'cuda':
            if not torch.cuda.is_available():
                raise C.Refused('--device cuda was asked for but CUDA is not available; use --device cpu')
            self.device = torch.device('cuda', local if self.on else 0)
            torch.cuda.set_device(self.device)
        else:
            self.device = torch.device('cpu')
        if self.on:
            dist.init_process_group('nccl' if device == 'cuda' else 'gloo')
            if device == 'cpu':
                torch.set_num_threads(max(1, (os.cpu_count() or 1) // self.world))

    def mean(self, t):
        """Average a tensor over ranks (in place); identity on one process."""
        if self.on:
            dist.all_reduce(t)
            t /= self.world
        return t

    def broadcast(self, t):
        if self.on:
            dist.broadcast(t, 0)
        return t

    def log(self, *a):
        if self.rank == 0:
            print(*a, flush=True)


def predict(model, x, chunk=4096):
    """Each head's output for all rows of x, in inference mode chunks."""
    outs = None
    for i in range(0, x.shape[0], chunk):
        o = [t.detach() for t in model(x[i:i + chunk])]
        outs = [[p] for p in o] if outs is None else [a + [p] for a, p in zip(outs, o)]
    return [torch.cat(a, 0) for a in outs]


def main(argv=None):
    exp = C.load_experiment(HERE)
    args = parse_args(exp, argv)
    try:
        strategy = C.make_strategy(exp, args.lr)
        D = Dist(args.device)
    except C.Refused as e:
        print(f'error: {e}', file=sys.stderr, flush=True)
        return 2
    tasks = exp['tasks']
    T = len(tasks)
    dev = D.device

    sys.modules.pop('model', None)
    M = importlib.import_module('model')
    torch.manual_seed(args.seed)
    model = M.MtlModel().to(dev)
    if args.init:
        M.load_browser_weights(model, dict(np.load(args.init)))
        D.log(f'started from {args.init}')
    elif exp.get('warmStart') and not args.no_warm_start:
        path = os.path.join(HERE, 'warm_start.npz')
        if os.path.exists(path):
            for node, status, detail in warm_start(M, model, dict(np.load(path))):
                D.log(f'warm start node={node} status={status} {detail}')
        else:
            D.log('note: the browser run was warm-started, but its source weights were not in the browser at export; training from a fresh init')

    x_np, y_np, m_np = C.load_split(exp, 'train', HERE)
    xv_np, yv_np, mv_np = C.load_split(exp, 'val', HERE)
    as_t = lambda a: torch.from_numpy(np.ascontiguousarray(a)).to(dev)  # noqa: E731
    x, ys, ms = as_t(x_np), [as_t(y) for y in y_np], [as_t(m) for m in m_np]
    xv, yvs, mvs = as_t(xv_np), [as_t(y) for y in yv_np], [as_t(m) for m in mv_np]
    n = x.shape[0]
    n_eval = min(n, 1024)  # the browser reports train loss on the first 1024 rows

    params = [p for p in model.parameters() if p.requires_grad]
    sizes = [p.numel() for p in params]
    # Which tasks each parameter feeds (autograd reachability, like headsFedBy): >= 2 tasks = shared.
    model.eval()
    probe = model(x[:2])
    fed = [set() for _ in params]
    for t in range(T):
        if probe[t].requires_grad:
            gs = torch.autograd.grad(probe[t].float().sum(), params, retain_graph=True, allow_unused=True)
            for i, g in enumerate(gs):
                if g is not None:
                    fed[i].add(t)
    del probe
    model.train()
    col_shared = torch.cat([torch.full((s,), float(len(f) >= 2), device=dev) for s, f in zip(sizes, fed)]) if params else torch.zeros(0, device=dev)
    owner = torch.zeros(T, sum(sizes), device=dev)
    off = 0
    for s, f in zip(sizes, fed):
        if len(f) == 1:
            owner[next(iter(f)), off:off + s] = 1
        off += s

    # Two-phase schedule (as src/train/loop.ts): phase 1 updates the parameters that feed an active task; phase 2
    # all but freezeInPhase2's nodes. Each phase starts a fresh optimiser (new moments).
    sched = exp.get('schedule') if exp.get('schedule') and int(exp['schedule'].get('phase1Steps', 0)) > 0 else None
    task_ids = [t['id'] for t in tasks]
    node_of = {}
    for node_id, key in getattr(M, 'NODE_KEYS', {}).items():
        for p in model.nodes[key].parameters():
            node_of[id(p)] = node_id
    if sched and sched.get('freezeInPhase2') and not node_of:
        print('error: the schedule freezes nodes in phase 2, but model.py has no NODE_KEYS to find them', file=sys.stderr)
        return 2

    def phase_mask(phase):
        if not sched:
            return [True] * len(params)
        if phase == 1:
            on = C.active_tasks(sched, task_ids, 0)
            return [any(on[t] for t in f) for f in fed]
        frozen = set(sched.get('freezeInPhase2') or [])
        return [node_of.get(id(p)) not in frozen for p in params]

    opt = exp['optimizer']

    def start_phase(phase):
        mask = phase_mask(phase)
        ps = [p for p, m in zip(params, mask) if m]
        cols = torch.cat([torch.full((k,), float(m), device=dev) for k, m in zip(sizes, mask)]) if params else torch.zeros(0, device=dev)
        if not ps:
            return mask, cols, None
        if opt['kind'] == 'adam':
            o = torch.optim.Adam(ps, lr=args.lr, betas=(0.9, 0.999), eps=1e-7)  # tfjs's eps; the same eps-hat maths
        else:
            o = torch.optim.SGD(ps, lr=args.lr, momentum=float(opt.get('momentum', 0)))
        return mask, cols, o

    phase = C.phase_at(sched, 0)
    mask, active_cols, optimizer = start_phase(phase)
    shared_idx = (col_shared * active_cols).nonzero().reshape(-1)

    net = model
    if D.on and not strategy.needs_grads:
        from torch.nn.parallel import DistributedDataParallel as DDP
        net = DDP(model, device_ids=[dev.index] if dev.type == 'cuda' else None,
                  find_unused_parameters=bool(sched) or any(len(f) == 0 for f in fed))
    # Gradient strategies need each task's gradient: every rank takes them with autograd.grad and
    # all-reduces the [T, n_params] matrix itself, so PCGrad, MGDA, CAGrad, Nash, IMTL-G and GradNorm
    # see the global batch's gradients under torchrun as well (DDP's own reducer is not used for them).
    if D.on and strategy.needs_grads:
        with torch.no_grad():  # what DDP's constructor would do: every rank starts from rank 0's weights
            for t in list(model.parameters()) + list(model.buffers()):
                dist.broadcast(t, 0)

    B = max(1, min(args.batch_size, n))
    if B < D.world:
        print(f'error: batch size {B} is smaller than the number of processes {D.world}', file=sys.stderr)
        return 2
    if D.on and B % D.world:
        D.log(f'note: batch size {B} is not a multiple of {D.world}: ranks read {B // D.world} or {B // D.world + 1} rows per step')
    per_epoch = max(1, n // B)  # the ragged tail is dropped, as in the browser
    eval_every = max(1, args.log_every)
    weights = [1.0] * T
    epoch, perm = -1, None
    epoch_sum = torch.zeros(T, device=dev)

    os.makedirs(args.out, exist_ok=True) if D.rank == 0 else None
    rows = []
    metric_names = [C.metric_name(t) for t in tasks]

    def evaluate(step):
        model.eval()
        with torch.no_grad():
            o_tr = predict(model, x[:n_eval])
            o_v = predict(model, xv)
            v = torch.tensor([[float(C.task_loss(o_tr[t], ys[t][:n_eval], ms[t][:n_eval], tasks[t])),
                               float(C.task_loss(o_v[t], yvs[t], mvs[t], tasks[t])),
                               float(C.task_metric(o_v[t], yvs[t], mvs[t], tasks[t]))] for t in range(T)], device=dev)
        model.train()
        v = D.broadcast(v).tolist()  # rank 0's numbers everywhere (BatchNorm statistics may differ per rank)
        if not all(math.isfinite(r[0]) and math.isfinite(r[1]) for r in v):
            raise FloatingPointError(f'Training diverged at step {step} (loss is not finite). Try a lower learning rate.')
        for t, task in enumerate(tasks):
            D.log(f'step={step} task={task["id"]} train_loss={v[t][0]:.6f} val_loss={v[t][1]:.6f} '
                  f'{metric_names[t]}={v[t][2]:.6f} weight={weights[t]:.4f}')
        rows.append([step] + [x for t in range(T) for x in (v[t][0], v[t][1], v[t][2], weights[t])])
        strategy.emit('eval', step, val_losses=[r[1] for r in v])
        return v

    last = None
    for s in range(args.steps):
        if s % eval_every == 0:
            last = evaluate(s)
        if C.phase_at(sched, s) != phase:
            phase = C.phase_at(sched, s)
            mask, active_cols, optimizer = start_phase(phase)
            shared_idx = (col_shared * active_cols).nonzero().reshape(-1)
        on = C.active_tasks(sched, task_ids, s)
        e = s // per_epoch
        if e != epoch:
            epoch = e
            perm = torch.tensor(C.epoch_permutation(n, args.seed, e), device=dev)
        start = (s % per_epoch) * B
        idx = perm[start:start + B][D.rank::D.world]
        xb, yb, mb = x[idx], [y[idx] for y in ys], [m[idx] for m in ms]

        outs = net(xb)
        losses = [C.task_loss(outs[t], yb[t], mb[t], tasks[t]) for t in range(T)]
        lv = D.mean(torch.stack([l.detach().float() for l in losses]))
        for p in params:
            p.grad = None
        if optimizer is None:  # everything is frozen in this phase: the step changes nothing
            pass
        elif strategy.needs_grads:
            per_task = []
            for t in range(T):
                gs = torch.autograd.grad(losses[t], params, retain_graph=t < T - 1, allow_unused=True)
                per_task.append(torch.cat([(g if g is not None else torch.zeros_like(p)).reshape(-1) for g, p in zip(gs, params)]))
            G = D.mean(torch.stack(per_task))  # [T, n_params], averaged over ranks
            Gs = G.index_select(1, shared_idx).double()
            gram = (Gs @ Gs.T).cpu().numpy()
            if strategy.grad_vectors:  # DB-MTL, MoCo, GradDrop, ExcessMTL read the gradients themselves
                out = strategy.step(s, lv.tolist(), gram, Gs.cpu().numpy())
            else:
                out = strategy.step(s, lv.tolist(), gram)
            shared, task_w = C.safe_coefficients(out[0], out[1])
            direction = out[2] if len(out) > 2 else None
            if direction is not None and not (len(direction) == len(shared_idx) and np.all(np.isfinite(direction))):
                direction, shared = None, [1.0 / T] * T  # as createStrategy: a broken direction falls back to the mean
            coef = torch.tensor(shared, device=dev)[:, None] * col_shared[None, :] + torch.tensor(task_w, device=dev)[:, None] * owner
            flat = (coef * G).sum(0)
            if direction is not None:
                flat.index_copy_(0, shared_idx, torch.as_tensor(np.asarray(direction), dtype=flat.dtype, device=dev))
            o = 0
            for p, k, m in zip(params, sizes, mask):
                p.grad = flat[o:o + k].view_as(p).clone() if m else None
                o += k
            weights = shared
        else:
            shared, task_w = C.safe_coefficients(*strategy.step(s, lv.tolist(), None))
            # an inactive task's term is left out, not multiplied by 0 (NaN-safe), as in the browser
            sum(w * l for w, l, a in zip(task_w, losses, on) if a).backward()
            weights = shared
        if optimizer is not None:
            optimizer.step()
            if strategy.losses_after_step:  # FAMO: the same batch's losses at the updated weights
                with torch.no_grad():
                    outs = net(xb)
                    after = D.mean(torch.stack([C.task_loss(outs[t], yb[t], mb[t], tasks[t]).float() for t in range(T)]))
                strategy.emit('after_step', s, losses=after.tolist())
            else:
                strategy.emit('after_step', s)
        if strategy.losses != 'none':  # 'step' strategies get the epoch's mean too (STCH's warm-up)
            epoch_sum += lv
            if (s + 1) % per_epoch == 0:
                strategy.emit('epoch_end', s, mean_losses=(epoch_sum / per_epoch).tolist())
                epoch_sum.zero_()
    last = evaluate(args.steps)

    for t, task in enumerate(tasks):
        D.log(f'final task={task["id"]} name={task["name"]!r} train_loss={last[t][0]:.6f} val_loss={last[t][1]:.6f} '
              f'{metric_names[t]}={last[t][2]:.6f}')
    if D.rank == 0:
        torch.save(model.state_dict(), os.path.join(args.out, 'model.pt'))
        with open(os.path.join(args.out, 'metrics.csv'), 'w', newline='') as f:
            w = csv.writer(f)
            w.writerow(['step'] + [f'{t["id"]}_{k}' for t, mn in zip(tasks, metric_names) for k in ('train_loss', 'val_loss', mn, 'weight')])
            w.writerows(rows)
        D.log(f'saved {os.path.join(args.out, "model.pt")} and {os.path.join(args.out, "metrics.csv")}')
    if D.on:
        dist.barrier()
        print(f'rank {D.rank} of {D.world} finished', flush=True)
        dist.destroy_process_group()
    return 0


if __name__ == '__main__':
    sys.exit(main())
