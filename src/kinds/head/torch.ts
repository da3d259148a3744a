/** Task head as PyTorch: x @ w + b (logits, or the regression value). */
import { headUnits } from '../../model/nodes/spec';
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'Head',
  source: `class Head(nn.Module):
    """A task's output: x @ w + b, logits for classification (1 for binary), the value for regression."""
    browser_names = ('w', 'b')

    def __init__(self, fan_in, units):
        super().__init__()
        self.w = _uniform((fan_in, units), fan_in, units)
        self.b = _filled((units,), 0)

    def forward(self, x):
        return x @ self.w + self.b`,
  construct: (c) => {
    const task = c.tasks.find((t) => t.id === c.params.taskId);
    if (!task) throw new Error(`Head ${c.node.id} has no task.`);
    return `Head(${c.inShapes[0][0]}, ${headUnits(task)})`;
  },
};
