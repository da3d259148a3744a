/** PyTorch exporters for normalisation layers and the residual block (mirror src/train/layers/norm.ts). */
import { pyLit } from '../python';
import type { TorchExporter } from '../types';

export const layernorm: TorchExporter = {
  className: 'LayerNorm',
  source: `class LayerNorm(nn.Module):
    """(x - mean) / sqrt(var + 1e-5) over the last axis of each example (biased variance), then * gain + bias."""
    browser_names = ('gain', 'bias')
    eps = 1e-5

    def __init__(self, dim):
        super().__init__()
        self.gain = _filled((dim,), 1)
        self.bias = _filled((dim,), 0)

    def forward(self, x):
        mean = x.mean(dim=-1, keepdim=True)
        var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
        return (x - mean) * torch.rsqrt(var + self.eps) * self.gain + self.bias`,
  construct: (c) => `LayerNorm(${c.inShapes[0][c.inShapes[0].length - 1]})`,
};

export const batchnorm: TorchExporter = {
  className: 'BatchNorm',
  source: `class BatchNorm(nn.Module):
    """Per-feature (per-channel: the last axis) normalisation, eps 1e-3, over the batch and every other axis.

    Training normalises with the batch's mean and biased variance and moves the running statistics:
    running = momentum * running + (1 - momentum) * batch. Eval mode normalises with the running statistics.
    """
    browser_names = ('gamma', 'beta', 'running_mean', 'running_var')
    eps = 1e-3

    def __init__(self, channels, momentum=0.99):
        super().__init__()
        self.momentum = momentum
        self.gamma = _filled((channels,), 1)
        self.beta = _filled((channels,), 0)
        self.register_buffer('running_mean', torch.zeros(channels))
        self.register_buffer('running_var', torch.ones(channels))

    def forward(self, x):
        if self.training:
            axes = tuple(range(x.dim() - 1))
            mean = x.mean(dim=axes)
            var = ((x - mean) ** 2).mean(dim=axes)
            with torch.no_grad():
                self.running_mean.mul_(self.momentum).add_((1 - self.momentum) * mean)
                self.running_var.mul_(self.momentum).add_((1 - self.momentum) * var)
        else:
            mean, var = self.running_mean, self.running_var
        return (x - mean) * torch.rsqrt(var + self.eps) * self.gamma + self.beta`,
  construct: (c) => `BatchNorm(${c.inShapes[0][c.inShapes[0].length - 1]}, momentum=${pyLit(Number(c.params.momentum))})`,
};

export const residual: TorchExporter = {
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
