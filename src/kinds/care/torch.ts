/** Cross-task enhancement as PyTorch: returns one tensor per task, in TASKS order. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'CrossTaskEnhancement',
  source: `class CrossTaskEnhancement(nn.Module):
    """CARE-style: out_i = x_i + sum_{j != i} softmax_j(q_i . k_j / sqrt(D)) v_j over T vector streams; wq, wk, wv [D, D] (Glorot)."""
    browser_names = ('wq', 'wk', 'wv')

    def __init__(self, dim, streams):
        super().__init__()
        self.dim, self.streams = dim, streams
        self.wq = _uniform((dim, dim), dim, dim)
        self.wk = _uniform((dim, dim), dim, dim)
        self.wv = _uniform((dim, dim), dim, dim)

    def forward(self, *xs):
        if self.streams == 1:
            return [xs[0]]
        x = torch.stack(xs, dim=1)
        b, t, d = x.shape
        flat = x.reshape(b * t, d)
        q, k, v = ((flat @ w).reshape(b, t, d) for w in (self.wq, self.wk, self.wv))
        mask = torch.eye(t, dtype=x.dtype, device=x.device) * -1e9
        scores = (q @ k.transpose(1, 2)) * (1 / math.sqrt(d)) + mask
        y = x + torch.softmax(scores, dim=-1) @ v
        return [y[:, i] for i in range(t)]`,
  construct: (c) => `CrossTaskEnhancement(${c.inShapes[0][0]}, ${c.inShapes.length})`,
};
