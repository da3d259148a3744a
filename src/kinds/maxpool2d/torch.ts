/** MaxPool2D as PyTorch with TensorFlow's padding; NHWC in and out. */
import { pyLit } from '../../export/torch/python';
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'MaxPool2D',
  helpers: ['same_pad'],
  source: `class MaxPool2D(nn.Module):
    """Max of each pool x pool window per channel over x [B, H, W, C] (NHWC); 'same' padding never wins the max."""
    browser_names = ()

    def __init__(self, pool, stride, padding='valid'):
        super().__init__()
        self.pool, self.stride, self.padding = pool, stride, padding

    def forward(self, x):
        x = x.permute(0, 3, 1, 2)
        if self.padding == 'same':
            top, bottom = _same_pad(x.shape[2], self.pool, self.stride)
            left, right = _same_pad(x.shape[3], self.pool, self.stride)
            x = F.pad(x, (left, right, top, bottom), value=float('-inf'))
        return F.max_pool2d(x, self.pool, self.stride).permute(0, 2, 3, 1)`,
  construct: (c) => `MaxPool2D(${Number(c.params.pool)}, ${Number(c.params.stride)}, padding=${pyLit(String(c.params.padding))})`,
};
