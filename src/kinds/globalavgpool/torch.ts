/** Global average pool as PyTorch: the mean over every axis but batch and the last. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'GlobalAvgPool',
  source: `class GlobalAvgPool(nn.Module):
    """Mean over every axis but batch and the last: [B, H, W, C] -> [B, C], [B, L, D] -> [B, D]."""
    browser_names = ()

    def forward(self, x):
        return x.mean(dim=tuple(range(1, x.dim() - 1)))`,
  construct: () => 'GlobalAvgPool()',
};
