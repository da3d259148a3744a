"""Per-task validation metrics of the exported model, defined as in the browser (accuracy for
classification, RMSE for regression, over labelled rows).

python evaluate.py                       # the browser's trained weights (weights.npz)
python evaluate.py --state-dict out/model.pt   # weights saved by train.py

When browser_val_pred.npz is present (an export of a finished run), it also prints, per task, the
largest absolute difference between this model's validation readouts and the browser's
(readout: P(class 1) for binary, the arg-max class for multiclass, the value for regression).
"""
import argparse
import importlib
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common as C  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description='Validation metrics of the exported model.')
    p.add_argument('--weights', default=os.path.join(HERE, 'weights.npz'), help='browser weights (default: weights.npz)')
    p.add_argument('--state-dict', default=None, help='a PyTorch state_dict saved by train.py (e.g. out/model.pt)')
    p.add_argument('--device', choices=['cpu', 'cuda'], default='cpu')
    args = p.parse_args(argv)

    exp = C.load_experiment(HERE)
    tasks = exp['tasks']
    M = importlib.import_module('model')
    model = M.MtlModel()
    if args.state_dict:
        model.load_state_dict(torch.load(args.state_dict, map_location='cpu'))
        print(f'weights: {args.state_dict}')
    elif os.path.exists(args.weights):
        M.load_browser_weights(model, dict(np.load(args.weights)))
        print(f'weights: {args.weights} (trained in the browser)')
    else:
        print('error: no weights: export a finished run (weights.npz) or pass --state-dict out/model.pt', file=sys.stderr)
        return 2
    dev = torch.device(args.device)
    model.to(dev).eval()

    xv, yv, mv = C.load_split(exp, 'val', HERE)
    with torch.no_grad():
        x = torch.from_numpy(xv).to(dev)
        outs = None
        for i in range(0, x.shape[0], 4096):
            o = [t.detach() for t in model(x[i:i + 4096])]
            outs = [[q] for q in o] if outs is None else [a + [q] for a, q in zip(outs, o)]
        outs = [torch.cat(a, 0) for a in outs]
        for t, task in enumerate(tasks):
            y, m = torch.from_numpy(yv[t]).to(dev), torch.from_numpy(mv[t]).to(dev)
            loss = float(C.task_loss(outs[t], y, m, task))
            metric = float(C.task_metric(outs[t], y, m, task))
            print(f'task={task["id"]} name={task["name"]!r} val_loss={loss:.6f} {C.metric_name(task)}={metric:.6f}')

        pred_path = os.path.join(HERE, 'browser_val_pred.npz')
        if os.path.exists(pred_path) and not args.state_dict:
            browser = np.load(pred_path)
            for t, task in enumerate(tasks):
                if task['id'] not in browser:
                    continue
                mine = C.readout(outs[t], task).cpu().numpy().astype(np.float64)
                theirs = browser[task['id']].astype(np.float64)
                diff = float(np.max(np.abs(mine - theirs))) if mine.size else 0.0
                extra = ''
                if task['kind'] == 'multiclass':
                    extra = f' mismatched_rows={int(np.sum(mine != theirs))}/{mine.size}'
                print(f'parity task={task["id"]} max_abs_diff={diff:.3g}{extra}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
