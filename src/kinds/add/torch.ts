/** Add as PyTorch: element-wise sum. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
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
