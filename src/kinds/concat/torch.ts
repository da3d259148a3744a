/** Concatenate as PyTorch: torch.cat on the feature axis, in edge order. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'Concat',
  source: `class Concat(nn.Module):
    """Joins vectors end to end, in incoming-edge order."""
    browser_names = ()

    def forward(self, *xs):
        return xs[0] if len(xs) == 1 else torch.cat(xs, dim=1)`,
  construct: () => 'Concat()',
};
