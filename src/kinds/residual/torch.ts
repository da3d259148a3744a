/** Residual block as PyTorch. */
import { pyLit } from '../../export/torch/python';
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'Residual',
  source: `class Residual(nn.Module):
    """act(x + act(x @ w1 + b1) @ w2 + b2); w1, w2 [D, D] (He for relu/elu, else Glorot), zero biases."""
    browser_names = ('w1', 'b1', 'w2', 'b2')

    def __init__(self, dim, activation='relu'):
        super().__init__()
        self.activation = activation
        self.w1 = _uniform((dim, dim), dim, dim, activation)
        self.b1 = _filled((dim,), 0)
        self.w2 = _uniform((dim, dim), dim, dim, activation)
        self.b2 = _filled((dim,), 0)

    def forward(self, x):
        h = _activate(x @ self.w1 + self.b1, self.activation)
        return _activate(x + h @ self.w2 + self.b2, self.activation)`,
  construct: (c) => `Residual(${c.inShapes[0][0]}, ${pyLit(String(c.params.activation))})`,
};
