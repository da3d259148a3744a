/** DSelect-k as PyTorch: returns one tensor per task, in TASKS order. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'DSelectK',
  source: `class DSelectK(nn.Module):
    """DSelect-k with a static per-task gate (Hazimeh et al. 2021): out_t = sum_e a_te * relu(x @ we_e + be_e),
    a_t = sum_i softmax(w_t)_i * prod_b (S(z_tib) if bit b of e else 1 - S(z_tib)), S the smooth step of width gamma.

    we [D, N * U] (He), be [N * U]; z [T, k, log2 N] ~ U(-gamma/100, gamma/100); w [T, k] ~ U(-0.05, 0.05).
    """
    browser_names = ('we', 'be', 'z', 'w')

    def __init__(self, fan_in, experts, units, k, gamma, tasks):
        super().__init__()
        self.experts, self.units, self.tasks, self.gamma = experts, units, tasks, gamma
        m = experts.bit_length() - 1
        self.we = _uniform((fan_in, experts * units), fan_in, units, 'relu')
        self.be = _filled((experts * units,), 0)
        self.z = nn.Parameter(torch.empty(tasks, k, m).uniform_(-gamma / 100, gamma / 100))
        self.w = nn.Parameter(torch.empty(tasks, k).uniform_(-0.05, 0.05))
        # bit b of expert e, most significant first
        self.register_buffer('bits', torch.tensor([[(e >> (m - 1 - b)) & 1 for b in range(m)] for e in range(experts)], dtype=torch.float32), persistent=False)

    def expert_weights(self):
        """a [T, N]: each task's weight on each expert (rows sum to 1)."""
        g = self.gamma
        c = self.z.clamp(-g / 2, g / 2)
        s = (3 / (2 * g)) * c - (2 / g ** 3) * c ** 3 + 0.5  # [T, k, m]
        s = s.unsqueeze(2)  # [T, k, 1, m]
        sel = (self.bits * s + (1 - self.bits) * (1 - s)).prod(-1)  # [T, k, N]
        return (torch.softmax(self.w, dim=-1).unsqueeze(-1) * sel).sum(1)

    def forward(self, x):
        e = F.relu(x @ self.we + self.be).reshape(-1, self.experts, self.units)
        y = torch.einsum('te,beu->tbu', self.expert_weights(), e)
        return [y[t] for t in range(self.tasks)]`,
  construct: (c) =>
    `DSelectK(${c.inShapes[0][0]}, ${Number(c.params.experts)}, ${Number(c.params.units)}, ${Number(c.params.k)}, ${Number(c.params.gamma)}, ${c.tasks.length})`,
};
