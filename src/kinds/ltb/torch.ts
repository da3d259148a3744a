/** Learning to Branch as PyTorch: returns one tensor per task (the leaves), in TASKS order. */
import type { TorchExporter } from '../../export/torch/types';

export const exporter: TorchExporter = {
  className: 'LearnToBranch',
  source: `class LearnToBranch(nn.Module):
    """Learning to Branch (Guo et al. 2020): level sizes n_0 .. n_L (inner levels, then one leaf per task).

    Block j of level l >= 1: h = relu((sum_i g[j, i] * h_prev_i) @ w_l[j] + b_l[j]); g = softmax((theta_l + Gumbel) / tau)
    while training (tau = tau0 / sqrt(1 + step / anneal), step = training forwards so far), one-hot argmax theta_l in eval mode.
    w_0 [n_0, D, U], b_0 [n_0, U]; per level w [n, U, U] (He), b [n, U], theta [n, n_prev] (zeros). Torch draws its own noise.
    """

    def __init__(self, fan_in, sizes, units, tau, anneal, noise):
        super().__init__()
        self.tau, self.anneal, self.noise, self.steps = tau, anneal, noise, 0
        self.w0 = _uniform((sizes[0], fan_in, units), fan_in, units, 'relu')
        self.b0 = _filled((sizes[0], units), 0)
        self.levels = len(sizes) - 1
        for l in range(1, len(sizes)):
            setattr(self, f'w{l}', _uniform((sizes[l], units, units), units, units, 'relu'))
            setattr(self, f'b{l}', _filled((sizes[l], units), 0))
            setattr(self, f'theta{l}', _filled((sizes[l], sizes[l - 1]), 0))
        self.browser_names = ('w0', 'b0') + tuple(f'{k}{l}' for l in range(1, len(sizes)) for k in ('w', 'b', 'theta'))

    def parent_weights(self, theta):
        if not self.training:
            return F.one_hot(theta.argmax(1), theta.shape[1]).to(theta.dtype)
        logits = theta
        if self.noise:
            u = torch.rand_like(theta).clamp(1e-12, 1 - 1e-7)
            logits = theta - torch.log(-torch.log(u))
        return torch.softmax(logits / (self.tau / math.sqrt(1 + self.steps / self.anneal)), dim=-1)

    def forward(self, x):
        h = F.relu(torch.einsum('bd,ndu->nbu', x, self.w0) + self.b0.unsqueeze(1))  # [n_0, B, U]
        for l in range(1, self.levels + 1):
            w, b, theta = getattr(self, f'w{l}'), getattr(self, f'b{l}'), getattr(self, f'theta{l}')
            mix = torch.einsum('ji,ibu->jbu', self.parent_weights(theta), h)
            h = F.relu(mix @ w + b.unsqueeze(1))
        if self.training and torch.is_grad_enabled():
            self.steps += 1
        return [h[t] for t in range(h.shape[0])]`,
  construct: (c) => {
    const sizes = [...Array.from({ length: Number(c.params.depth) }, () => Number(c.params.width)), c.tasks.length];
    return `LearnToBranch(${c.inShapes[0][0]}, [${sizes.join(', ')}], ${Number(c.params.units)}, ${Number(c.params.tau)}, ${Number(c.params.anneal)}, ${c.params.noise === true ? 'True' : 'False'})`;
  },
};
