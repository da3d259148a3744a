/** CGC (PLE) as PyTorch: returns one tensor per task, in TASKS order. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'CGC',
  source: `class CGC(nn.Module):
    """Customized gate control (PLE): Ks shared and Kt per-task relu experts; task t's gate mixes the shared ones and its own.

    we [D, (Ks + T * Kt) * U] (He; shared experts first, then task 0's, task 1's, ...), be; wg [D, T * (Ks + Kt)] (Glorot), bg.
    """
    browser_names = ('we', 'be', 'wg', 'bg')

    def __init__(self, fan_in, shared_experts, task_experts, units, tasks):
        super().__init__()
        self.ks, self.kt, self.units, self.tasks = shared_experts, task_experts, units, tasks
        n = shared_experts + tasks * task_experts
        k = shared_experts + task_experts
        self.we = _uniform((fan_in, n * units), fan_in, units, 'relu')
        self.be = _filled((n * units,), 0)
        self.wg = _uniform((fan_in, tasks * k), fan_in, k)
        self.bg = _filled((tasks * k,), 0)

    def forward(self, x):
        ks, kt = self.ks, self.kt
        e = F.relu(x @ self.we + self.be).reshape(x.shape[0], -1, self.units)
        g = torch.softmax((x @ self.wg + self.bg).reshape(x.shape[0], self.tasks, ks + kt), dim=-1)
        outs = []
        for t in range(self.tasks):
            mine = torch.cat([e[:, :ks], e[:, ks + t * kt:ks + (t + 1) * kt]], dim=1)
            outs.append((g[:, t:t + 1] @ mine).squeeze(1))
        return outs`,
  construct: (c) =>
    `CGC(${c.inShapes[0][0]}, ${Number(c.params.sharedExperts)}, ${Number(c.params.taskExperts)}, ${Number(c.params.units)}, ${c.tasks.length})`,
};
