/** BatchNorm as PyTorch: batch statistics while training, running statistics in eval mode (eps 1e-3). */
import { pyLit } from '../../export/torch/python';
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
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
