/** Ensemble as PyTorch: returns one tensor per task, in TASKS order. */
import { pyLit } from '../../export/torch/python';
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'Ensemble',
  source: `class Ensemble(nn.Module):
    """Per task t, N member MLPs relu(x @ W1_tm + b1_tm) @ W2_tm + b2_tm (member index t * N + m), combined by mean or softmax(logits_t).

    w1 [D, T * N * H] (He), b1 [T * N * H]; w2 [T * N, H, U] (Glorot), b2 [T * N, U]; 'learned' adds logits [T, N] (zeros).
    """

    def __init__(self, fan_in, tasks, members, hidden, units, combine='mean'):
        super().__init__()
        self.tasks, self.members, self.hidden, self.units = tasks, members, hidden, units
        m = tasks * members
        self.w1 = _uniform((fan_in, m * hidden), fan_in, hidden, 'relu')
        self.b1 = _filled((m * hidden,), 0)
        self.w2 = _uniform((m, hidden, units), hidden, units)
        self.b2 = _filled((m, units), 0)
        self.browser_names = ('w1', 'b1', 'w2', 'b2')
        self.logits = None
        if combine == 'learned':
            self.logits = _filled((tasks, members), 0)
            self.browser_names += ('logits',)

    def forward(self, x):
        b = x.shape[0]
        t, n, u = self.tasks, self.members, self.units
        hid = F.relu(x @ self.w1 + self.b1).reshape(b, t * n, self.hidden).transpose(0, 1)
        y = hid @ self.w2 + self.b2.reshape(t * n, 1, u)
        members = y.reshape(t, n, b * u)
        if self.logits is not None:
            mixed = torch.softmax(self.logits, dim=-1).reshape(t, 1, n) @ members
        else:
            mixed = members.mean(dim=1)
        mixed = mixed.reshape(t, b, u)
        return [mixed[i] for i in range(t)]`,
  construct: (c) =>
    `Ensemble(${c.inShapes[0][0]}, ${c.tasks.length}, ${Number(c.params.members)}, ${Number(c.params.hidden)}, ${Number(c.params.units)}, combine=${pyLit(String(c.params.combine))})`,
};
