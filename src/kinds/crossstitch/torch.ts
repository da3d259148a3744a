/** Cross-stitch unit as PyTorch: returns one tensor per task, in TASKS order. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'CrossStitch',
  source: `class CrossStitch(nn.Module):
    """out_i = sum_j a[i, j] * x_j over T equally shaped streams; a [T, T] starts at 0.9 on the diagonal, 0.1 / (T - 1) elsewhere."""
    browser_names = ('a',)

    def __init__(self, streams):
        super().__init__()
        a = torch.full((streams, streams), 0.1 / (streams - 1) if streams > 1 else 1.0)
        a.fill_diagonal_(0.9 if streams > 1 else 1.0)
        self.a = nn.Parameter(a)

    def forward(self, *xs):
        y = self.a @ torch.stack([x.reshape(-1) for x in xs])
        return [y[i].reshape(xs[0].shape) for i in range(len(xs))]`,
  construct: (c) => `CrossStitch(${c.inShapes.length})`,
};
