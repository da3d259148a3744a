/** Dropout as PyTorch (the identity in eval mode). */
import { pyLit } from '../../export/torch/python';
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
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
