/** PyTorch exporters for the input, dense stack, merges and reshaping kinds (mirror src/train/layers/basic.ts). */
import { headUnits } from '../../../model';
import { pyLit, pyShape } from '../python';
import type { TorchExporter } from '../types';

export const input: TorchExporter = {
  className: 'Input',
  source: `class Input(nn.Module):
    """The dataset features [batch, INPUT_DIM], passed through."""
    browser_names = ()

    def forward(self, x):
        return x`,
  construct: () => 'Input()',
};

export const dense: TorchExporter = {
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

export const head: TorchExporter = {
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

export const dropout: TorchExporter = {
  className: 'Dropout',
  source: `class Dropout(nn.Module):
    """Zeroes a share \`rate\` of the values while training (survivors scaled by 1 / (1 - rate)); the identity in eval mode."""
    browser_names = ()

    def __init__(self, rate):
        super().__init__()
        self.rate = rate

    def forward(self, x):
        return F.dropout(x, self.rate, self.training) if self.rate > 0 else x`,
  construct: (c) => `Dropout(${pyLit(Number(c.params.rate))})`,
};

export const concat: TorchExporter = {
  className: 'Concat',
  source: `class Concat(nn.Module):
    """Joins vectors end to end, in incoming-edge order."""
    browser_names = ()

    def forward(self, *xs):
        return xs[0] if len(xs) == 1 else torch.cat(xs, dim=1)`,
  construct: () => 'Concat()',
};

export const add: TorchExporter = {
  className: 'Add',
  source: `class Add(nn.Module):
    """Element-wise sum of equally shaped inputs."""
    browser_names = ()

    def forward(self, *xs):
        out = xs[0]
        for x in xs[1:]:
            out = out + x
        return out`,
  construct: () => 'Add()',
};

/** Flatten and Reshape: row-major, like tfjs (images stay NHWC throughout the model). */
const reshapeTo: TorchExporter = {
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

export const flatten = reshapeTo;
export const reshape = reshapeTo;
