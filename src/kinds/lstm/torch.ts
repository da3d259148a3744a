/** LSTM as PyTorch: the browser's gate layout (i, f, g, o), unrolled by the shared _lstm_pass helper. */
import { pyLit } from '../../export/torch/python';
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'LSTM',
  helpers: ['lstm_pass'],
  source: `class LSTM(nn.Module):
    """LSTM over x [B, L, D]: the last hidden state [B, u], or every state [B, L, u]. w [D, 4u], u [u, 4u], b [4u] (forget block 1)."""
    browser_names = ('w', 'u', 'b')

    def __init__(self, dim, units, return_sequences=False):
        super().__init__()
        self.return_sequences = return_sequences
        self.w = _uniform((dim, 4 * units), dim, 4 * units)
        self.u = _uniform((units, 4 * units), units, 4 * units)
        self.b = nn.Parameter(torch.cat([torch.zeros(units), torch.ones(units), torch.zeros(2 * units)]))

    def forward(self, x):
        hs = _lstm_pass(x, self.w, self.u, self.b, False)
        return torch.stack(hs, dim=1) if self.return_sequences else hs[-1]`,
  construct: (c) => `LSTM(${c.inShapes[0][1]}, ${Number(c.params.units)}, return_sequences=${pyLit(Boolean(c.params.returnSequences))})`,
};
