/** LayerNorm as PyTorch (eps 1e-5, biased variance, as tfjs). */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
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
