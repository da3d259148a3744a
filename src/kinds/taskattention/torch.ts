/** Task attention (MTAN) as PyTorch: returns one tensor per task, in TASKS order. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'TaskAttention',
  source: `class TaskAttention(nn.Module):
    """MTAN-style masks over the last axis C (a vector, or the channels of an NHWC map): out_t = x * sigmoid(x @ w_t + b_t) + x.

    w [C, T * C] (Glorot), b [T * C]; task t's mask is column block t.
    """
    browser_names = ('w', 'b')

    def __init__(self, channels, tasks):
        super().__init__()
        self.channels = channels
        self.w = _uniform((channels, tasks * channels), channels, channels)
        self.b = _filled((tasks * channels,), 0)

    def forward(self, x):
        flat = x.reshape(-1, self.channels)
        masks = torch.sigmoid(flat @ self.w + self.b).split(self.channels, dim=1)
        return [(flat * m + flat).reshape(x.shape) for m in masks]`,
  construct: (c) => `TaskAttention(${c.inShapes[0][c.inShapes[0].length - 1]}, ${c.tasks.length})`,
};
