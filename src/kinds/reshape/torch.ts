/** Reshape as PyTorch (Flatten reuses it): row-major, like tfjs (images stay NHWC throughout the model). */
import { pyShape } from '../../export/torch/python';
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'Reshape',
  source: `class Reshape(nn.Module):
    """Row-major reshape to [batch, *shape] (Flatten and Reshape; images are NHWC, as in the browser)."""
    browser_names = ()

    def __init__(self, shape):
        super().__init__()
        self.shape = tuple(shape)

    def forward(self, x):
        return x.reshape(x.shape[0], *self.shape)`,
  construct: (c) => `Reshape(${pyShape(c.outShapes[0])})`,
};
