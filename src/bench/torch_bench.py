"""Training steps/s of exported MTL Playground models in PyTorch, one thread: the PyTorch side of `npm run bench:torch`.

Reads one JSON request per line on stdin, {"dir": ..., "seconds": ..., "warmup": ...}, where dir holds the
workload's exported model.py, common.py and experiment.json (written by src/bench/torch.mjs), and answers each with
one JSON line. The step is train.py's for an equal-weighted run: forward, per-task masked losses (common.py), their
sum, backward, Adam (tfjs's eps). Data: random rows of the workload's shape (timing only), batches read in a shuffled
order as train.py does. Run with OPENBLAS_NUM_THREADS=1 (torch.mjs does): set_num_threads(1) alone leaves OpenBLAS
on every core.
"""
import importlib
import json
import sys
import time

import torch

torch.set_num_threads(1)


def load(folder):
    """The folder's model and common modules (fresh imports: every workload has its own model.py)."""
    for name in ('model', 'common'):
        sys.modules.pop(name, None)
    sys.path.insert(0, folder)
    try:
        return importlib.import_module('model'), importlib.import_module('common')
    finally:
        sys.path.remove(folder)


def random_labels(task, n, gen):
    if task['kind'] == 'multiclass':
        return torch.randint(0, int(task['classes']), (n,), generator=gen)
    if task['kind'] == 'binary':
        return torch.randint(0, 2, (n,), generator=gen).float()
    return torch.randn(n, generator=gen)


def measure(req):
    folder = req['dir']
    with open(f'{folder}/experiment.json', encoding='utf-8') as f:
        exp = json.load(f)
    M, C = load(folder)
    tasks = exp['tasks']
    batch = int(exp['optimizer']['batchSize'])
    n = batch * 8
    gen = torch.Generator().manual_seed(1)
    x = torch.rand(n, int(req['inputDim']), generator=gen)
    ys = [random_labels(t, n, gen) for t in tasks]
    ms = [torch.ones(n) for _ in tasks]
    torch.manual_seed(int(exp['seed']))
    model = M.MtlModel()
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    lr = float(exp['optimizer']['learningRate'])
    opt = torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), eps=1e-7)
    perm = torch.randperm(n, generator=gen)
    per_epoch = n // batch

    def step(s):
        start = (s % per_epoch) * batch
        idx = perm[start:start + batch]
        outs = model(x[idx])
        losses = [C.task_loss(outs[t], ys[t][idx], ms[t][idx], tasks[t]) for t in range(len(tasks))]
        for p in params:
            p.grad = None
        sum(losses).backward()
        opt.step()

    for s in range(int(req.get('warmup', 5))):
        step(s)
    t0 = time.perf_counter()
    steps = 0
    while time.perf_counter() - t0 < float(req['seconds']):
        step(steps)
        steps += 1
    secs = time.perf_counter() - t0
    return {'steps': steps, 'seconds': secs, 'stepsPerSec': steps / secs, 'batch': batch, 'params': sum(p.numel() for p in params),
            'torch': torch.__version__, 'threads': torch.get_num_threads()}


def main():
    print(json.dumps({'ready': True, 'torch': torch.__version__, 'threads': torch.get_num_threads()}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            out = measure(json.loads(line))
        except Exception as e:  # one broken workload must not end the others' measurements
            out = {'error': f'{type(e).__name__}: {e}'}
        print(json.dumps(out), flush=True)


if __name__ == '__main__':
    main()
