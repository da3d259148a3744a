/** Conv2D as PyTorch with TensorFlow's padding; maps stay NHWC between nodes, the module permutes inside. */
import { pyLit } from '../../export/torch/python';
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
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
