/** PyTorch exporters for token embeddings and recurrent layers (mirror src/train/layers/sequence.ts). */
import { pyLit } from '../python';
import type { TorchExporter } from '../types';

export const embedding: TorchExporter = {
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

export const lstm: TorchExporter = {
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

export const bilstm: TorchExporter = {
  className: 'BiLSTM',
  helpers: ['lstm_pass'],
  source: `class BiLSTM(nn.Module):
    """A forward and a backward LSTM over x [B, L, D]; states joined on the last axis, forward first (2u wide).

    Without return_sequences: the forward pass's last state and the backward pass's final state (at t = 0).
    """
    browser_names = ('fw_w', 'fw_u', 'fw_b', 'bw_w', 'bw_u', 'bw_b')

    def __init__(self, dim, units, return_sequences=False):
        super().__init__()
        self.return_sequences = return_sequences
        bias = torch.cat([torch.zeros(units), torch.ones(units), torch.zeros(2 * units)])
        self.fw_w = _uniform((dim, 4 * units), dim, 4 * units)
        self.fw_u = _uniform((units, 4 * units), units, 4 * units)
        self.fw_b = nn.Parameter(bias.clone())
        self.bw_w = _uniform((dim, 4 * units), dim, 4 * units)
        self.bw_u = _uniform((units, 4 * units), units, 4 * units)
        self.bw_b = nn.Parameter(bias.clone())

    def forward(self, x):
        fw = _lstm_pass(x, self.fw_w, self.fw_u, self.fw_b, False)
        bw = _lstm_pass(x, self.bw_w, self.bw_u, self.bw_b, True)
        if self.return_sequences:
            return torch.cat([torch.stack(fw, dim=1), torch.stack(bw, dim=1)], dim=-1)
        return torch.cat([fw[-1], bw[0]], dim=-1)`,
  construct: (c) => `BiLSTM(${c.inShapes[0][1]}, ${Number(c.params.units)}, return_sequences=${pyLit(Boolean(c.params.returnSequences))})`,
};
