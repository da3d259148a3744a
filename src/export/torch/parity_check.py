"""Test helper for parity.test.ts: run each generated model.py on the browser's weights and inputs (eval mode).

argv: cases.json ([[name, dir, mode], ...]) and the output path. Writes {name: {"outputs": [[...], ...], "state": {...}}
or {"error": "..."}}. mode 'eval' compares the eval-mode forward; mode 'train' one training-mode forward (BatchNorm
batch statistics; no dropout in those graphs), and reports every browser tensor after it (the moved running stats).
Also checks that every browser tensor has exactly the shape the module holds, and that a training-mode
forward + backward runs.
"""
import importlib.util
import json
import sys
import traceback

import torch


def run(name, d, mode):
    spec = importlib.util.spec_from_file_location('model_' + name, d + '/model.py')
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    torch.manual_seed(0)
    net = m.MtlModel()
    with open(d + '/weights.json') as f:
        raw = json.load(f)
    arrays = {k: torch.tensor(v['values'], dtype=torch.float32).reshape(v['shape']) for k, v in raw.items()}
    held = m.browser_tensors(net)
    bad = [(k, tuple(arrays[k].shape), tuple(t.shape)) for k, t in held.items() if k in arrays and tuple(arrays[k].shape) != tuple(t.shape)]
    if bad:
        raise ValueError('shape mismatch (key, browser, model): %s' % bad)
    m.load_browser_weights(net, arrays)
    with open(d + '/x.json') as f:
        x = json.load(f)
    xt = torch.tensor(x['values'], dtype=torch.float32).reshape(x['n'], x['dim'])
    net.train(mode == 'train')
    with torch.no_grad():
        outs = net(xt)
    result = [o.reshape(-1).tolist() for o in outs]
    state = {k: t.detach().reshape(-1).tolist() for k, t in m.browser_tensors(net).items()}
    # Training mode must run and backpropagate too (dropout, batch statistics).
    net.train()
    loss = sum(o.pow(2).mean() for o in net(xt))
    loss.backward()
    return {'outputs': result, 'state': state}


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    out = {}
    for name, d, mode in cases:
        try:
            out[name] = run(name, d, mode)
        except Exception:
            out[name] = {'error': traceback.format_exc()}
    with open(sys.argv[2], 'w') as f:
        json.dump(out, f)


if __name__ == '__main__':
    main()
