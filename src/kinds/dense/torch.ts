/** Dense as PyTorch: activation(x @ w + b) in the browser's weight layout. */
import { pyLit } from '../../export/torch/python';
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'Dense',
  source: `class Dense(nn.Module):
    """activation(x @ w + b); w [fan_in, units] (Glorot), b [units] (zeros)."""
    browser_names = ('w', 'b')

    def __init__(self, fan_in, units, activation='linear'):
        super().__init__()
        self.activation = activation
        self.w = _uniform((fan_in, units), fan_in, units)
        self.b = _filled((units,), 0)

    def forward(self, x):
        return _activate(x @ self.w + self.b, self.activation)`,
  construct: (c) => `Dense(${c.inShapes[0][0]}, ${Number(c.params.units)}, ${pyLit(String(c.params.activation))})`,
};
