/** Input as PyTorch: the features passed through. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'Input',
  source: `class Input(nn.Module):
    """The dataset features [batch, INPUT_DIM], passed through."""
    browser_names = ()

    def forward(self, x):
        return x`,
  construct: () => 'Input()',
};
