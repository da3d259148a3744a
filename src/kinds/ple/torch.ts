/** PLE as PyTorch: returns one tensor per task, in TASKS order. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'PLE',
  source: `class PLE(nn.Module):
    """Progressive layered extraction (Tang et al. 2020): stacked CGC levels; the shared gate feeds the next level.

    Per level l (input width d): groups g = 0..T-1 (tasks) and g = T (shared), each with relu experts
    l{l}_we{g} [d, K_g * U] (He), l{l}_be{g}; then gates l{l}_wg{g} [d, k] (Glorot), l{l}_bg{g}: task g's slots are the
    shared experts then its own, the shared gate's (below the last level) the shared experts then every task's.
    Group g reads the previous level's output g (all read x at level 0).
    """

    def __init__(self, fan_in, levels, shared_experts, task_experts, units, tasks):
        super().__init__()
        self.levels, self.ks, self.kt, self.units, self.tasks = levels, shared_experts, task_experts, units, tasks
        names = []
        for l in range(levels):
            d = fan_in if l == 0 else units
            for g in range(tasks + 1):
                k = shared_experts if g == tasks else task_experts
                setattr(self, 'l%d_we%d' % (l, g), _uniform((d, k * units), d, units, 'relu'))
                setattr(self, 'l%d_be%d' % (l, g), _filled((k * units,), 0))
                names += ['l%d_we%d' % (l, g), 'l%d_be%d' % (l, g)]
            for g in range(tasks if l == levels - 1 else tasks + 1):
                k = shared_experts + (tasks if g == tasks else 1) * task_experts
                setattr(self, 'l%d_wg%d' % (l, g), _uniform((d, k), d, k))
                setattr(self, 'l%d_bg%d' % (l, g), _filled((k,), 0))
                names += ['l%d_wg%d' % (l, g), 'l%d_bg%d' % (l, g)]
        self.browser_names = tuple(names)

    def forward(self, x):
        t = self.tasks
        xs = [x] * (t + 1)
        for l in range(self.levels):
            p = lambda name, g: getattr(self, 'l%d_%s%d' % (l, name, g))
            e = [F.relu(xs[g] @ p('we', g) + p('be', g)).reshape(x.shape[0], -1, self.units) for g in range(t + 1)]
            outs = []
            for g in range(t if l == self.levels - 1 else t + 1):
                pool = torch.cat([e[t]] + (e[:t] if g == t else [e[g]]), dim=1)
                w = torch.softmax(xs[g] @ p('wg', g) + p('bg', g), dim=-1)
                outs.append((w.unsqueeze(1) @ pool).squeeze(1))
            xs = outs
        return xs`,
  construct: (c) =>
    `PLE(${c.inShapes[0][0]}, ${Number(c.params.levels)}, ${Number(c.params.sharedExperts)}, ${Number(c.params.taskExperts)}, ${Number(c.params.units)}, ${c.tasks.length})`,
};
