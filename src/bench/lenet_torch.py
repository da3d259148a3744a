"""The MultiMNIST LeNet hard-sharing template in PyTorch, on random 28x28 inputs: training steps/s, one thread.

Usage: python3 lenet_torch.py BATCH SECONDS  -> prints one JSON line. Run with OPENBLAS_NUM_THREADS=1
(lenet-wasm.mjs does): torch.set_num_threads(1) alone leaves OpenBLAS on every core.
"""
import json
import sys
import time

import torch
from torch import nn

torch.set_num_threads(1)
torch.manual_seed(1)


class LeNetHps(nn.Module):
    """conv 5x5x10 relu, pool 2, conv 5x5x20 relu, pool 2, flatten, dense 50 relu; per task dense 50 relu, head 10."""

    def __init__(self):
        super().__init__()
        self.trunk = nn.Sequential(
            nn.Conv2d(1, 10, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(10, 20, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(320, 50), nn.ReLU(),
        )
        self.towers = nn.ModuleList([nn.Sequential(nn.Linear(50, 50), nn.ReLU(), nn.Linear(50, 10)) for _ in range(2)])

    def forward(self, x):
        z = self.trunk(x)
        return [t(z) for t in self.towers]


def main():
    batch, seconds = int(sys.argv[1]), float(sys.argv[2])
    n = batch * 8
    x = torch.rand(n, 1, 28, 28)
    y = torch.randint(0, 10, (2, n))
    model = LeNetHps()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def step(i):
        idx = torch.randint(0, n, (batch,))
        outs = model(x[idx])
        loss = loss_fn(outs[0], y[0, idx]) + loss_fn(outs[1], y[1, idx])
        opt.zero_grad()
        loss.backward()
        opt.step()

    for i in range(5):
        step(i)
    t0 = time.perf_counter()
    steps = 0
    while time.perf_counter() - t0 < seconds:
        step(steps)
        steps += 1
    s = time.perf_counter() - t0
    print(json.dumps({"steps": steps, "seconds": s, "stepsPerSec": steps / s, "torch": torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
