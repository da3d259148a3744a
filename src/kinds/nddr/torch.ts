/** NDDR layer as PyTorch: returns one tensor per task, in TASKS order. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'NDDR',
  source: `class NDDR(nn.Module):
    """NDDR (Gao et al. 2019): per task a 1x1 conv (no bias) over the channel concatenation of T streams [..., C], then an activation.

    w [T * C, T * C] (column block i = task i's conv) starts at alpha from the own stream's channel to the same channel,
    (1 - alpha) / (T - 1) from the other streams' (identity for one task), as the official constant init.
    """
    browser_names = ('w',)

    def __init__(self, channels, streams, alpha, activation):
        super().__init__()
        self.c, self.t, self.activation = channels, streams, activation
        blocks = torch.full((streams, streams), (1 - alpha) / (streams - 1) if streams > 1 else 1.0)
        blocks.fill_diagonal_(alpha if streams > 1 else 1.0)
        self.w = nn.Parameter(torch.kron(blocks, torch.eye(channels)))

    def forward(self, *xs):
        y = _activate(torch.cat(xs, dim=-1) @ self.w, self.activation)
        return [y[..., i * self.c:(i + 1) * self.c] for i in range(self.t)]`,
  construct: (c) => {
    const s = c.inShapes[0];
    return `NDDR(${s[s.length - 1]}, ${c.inShapes.length}, ${Number(c.params.alpha)}, ${JSON.stringify(String(c.params.activation))})`;
  },
};
