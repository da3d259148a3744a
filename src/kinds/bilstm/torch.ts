/** Bidirectional LSTM as PyTorch: two _lstm_pass passes, joined forward first. */
import { pyLit } from '../../export/torch/python';
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
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
