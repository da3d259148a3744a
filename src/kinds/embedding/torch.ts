/** Embedding as PyTorch: ids rounded and clamped like the browser. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'Embedding',
  source: `class Embedding(nn.Module):
    """Table [vocab, dim] (Glorot); float ids are rounded (half to even) and clamped to [0, vocab - 1]: [B, L] -> [B, L, dim]."""
    browser_names = ('table',)

    def __init__(self, vocab, dim):
        super().__init__()
        self.vocab = vocab
        self.table = _uniform((vocab, dim), vocab, dim)

    def forward(self, x):
        ids = torch.round(x).clamp(0, self.vocab - 1).long()
        return F.embedding(ids, self.table)`,
  construct: (c) => `Embedding(${Number(c.params.vocab)}, ${Number(c.params.dim)})`,
};
