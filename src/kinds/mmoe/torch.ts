/** MMoE as PyTorch: returns one tensor per task, in TASKS order. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'MMoE',
  source: `class MMoE(nn.Module):
    """Multi-gate mixture of experts: out_t = sum_k softmax(x @ wg_t + bg_t)_k * relu(x @ we_k + be_k).

    we [D, K * U] (He), be [K * U]; wg [D, T * K] (Glorot), bg [T * K]; expert k / task t are column blocks.
    """
    browser_names = ('we', 'be', 'wg', 'bg')

    def __init__(self, fan_in, experts, units, tasks):
        super().__init__()
        self.experts, self.units, self.tasks = experts, units, tasks
        self.we = _uniform((fan_in, experts * units), fan_in, units, 'relu')
        self.be = _filled((experts * units,), 0)
        self.wg = _uniform((fan_in, tasks * experts), fan_in, experts)
        self.bg = _filled((tasks * experts,), 0)

    def forward(self, x):
        e = F.relu(x @ self.we + self.be).reshape(-1, self.experts, self.units)
        g = torch.softmax((x @ self.wg + self.bg).reshape(-1, self.tasks, self.experts), dim=-1)
        y = g @ e
        return [y[:, t] for t in range(self.tasks)]`,
  construct: (c) => `MMoE(${c.inShapes[0][0]}, ${Number(c.params.experts)}, ${Number(c.params.units)}, ${c.tasks.length})`,
};
