/** PyTorch exporters for image layers (mirror src/train/layers/conv.ts). Maps stay NHWC between nodes; each module permutes inside. */
import { pyLit } from '../python';
import type { TorchExporter } from '../types';

export const conv2d: TorchExporter = {
  className: 'Conv2D',
  helpers: ['same_pad'],
  source: `class Conv2D(nn.Module):
    """activation(conv(x, w) + b) over x [B, H, W, C] (NHWC in and out); w [k, k, C, F] as tfjs (HWIO), b [F].

    Padding is TensorFlow's: 'valid' uses full windows only, 'same' pads (k - 1)-ish zeros, the odd one after.
    """
    browser_names = ('w', 'b')

    def __init__(self, channels, filters, kernel, stride=1, padding='same', activation='relu'):
        super().__init__()
        self.kernel, self.stride, self.padding, self.activation = kernel, stride, padding, activation
        fan_in, fan_out = kernel * kernel * channels, kernel * kernel * filters
        self.w = _uniform((kernel, kernel, channels, filters), fan_in, fan_out, activation)
        self.b = _filled((filters,), 0)

    def forward(self, x):
        x = x.permute(0, 3, 1, 2)
        if self.padding == 'same':
            top, bottom = _same_pad(x.shape[2], self.kernel, self.stride)
            left, right = _same_pad(x.shape[3], self.kernel, self.stride)
            x = F.pad(x, (left, right, top, bottom))
        y = F.conv2d(x, self.w.permute(3, 2, 0, 1), self.b, stride=self.stride)
        return _activate(y.permute(0, 2, 3, 1), self.activation)`,
  construct: (c) =>
    `Conv2D(${c.inShapes[0][2]}, ${Number(c.params.filters)}, ${Number(c.params.kernel)}, stride=${Number(c.params.stride)}, padding=${pyLit(String(c.params.padding))}, activation=${pyLit(String(c.params.activation))})`,
};

export const maxpool2d: TorchExporter = {
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

export const globalavgpool: TorchExporter = {
  className: 'GlobalAvgPool',
  source: `class GlobalAvgPool(nn.Module):
    """Mean over every axis but batch and the last: [B, H, W, C] -> [B, C], [B, L, D] -> [B, D]."""
    browser_names = ()

    def forward(self, x):
        return x.mean(dim=tuple(range(1, x.dim() - 1)))`,
  construct: () => 'GlobalAvgPool()',
};
