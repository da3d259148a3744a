/**
 * PyTorch exporters for the multi-task fusion modules (mirror src/train/layers/fusion.ts). Each returns a
 * list with one tensor per task, in TASKS order (output k = task k).
 */
import { tamTokens } from '../../../model';
import { pyLit } from '../python';
import type { TorchExporter } from '../types';

export const crossstitch: TorchExporter = {
  className: 'CrossStitch',
  source: `class CrossStitch(nn.Module):
    """out_i = sum_j a[i, j] * x_j over T equally shaped streams; a [T, T] starts at 0.9 on the diagonal, 0.1 / (T - 1) elsewhere."""
    browser_names = ('a',)

    def __init__(self, streams):
        super().__init__()
        a = torch.full((streams, streams), 0.1 / (streams - 1) if streams > 1 else 1.0)
        a.fill_diagonal_(0.9 if streams > 1 else 1.0)
        self.a = nn.Parameter(a)

    def forward(self, *xs):
        y = self.a @ torch.stack([x.reshape(-1) for x in xs])
        return [y[i].reshape(xs[0].shape) for i in range(len(xs))]`,
  construct: (c) => `CrossStitch(${c.inShapes.length})`,
};

export const taskattention: TorchExporter = {
  className: 'TaskAttention',
  source: `class TaskAttention(nn.Module):
    """MTAN-style masks over the last axis C (a vector, or the channels of an NHWC map): out_t = x * sigmoid(x @ w_t + b_t) + x.

    w [C, T * C] (Glorot), b [T * C]; task t's mask is column block t.
    """
    browser_names = ('w', 'b')

    def __init__(self, channels, tasks):
        super().__init__()
        self.channels = channels
        self.w = _uniform((channels, tasks * channels), channels, channels)
        self.b = _filled((tasks * channels,), 0)

    def forward(self, x):
        flat = x.reshape(-1, self.channels)
        masks = torch.sigmoid(flat @ self.w + self.b).split(self.channels, dim=1)
        return [(flat * m + flat).reshape(x.shape) for m in masks]`,
  construct: (c) => `TaskAttention(${c.inShapes[0][c.inShapes[0].length - 1]}, ${c.tasks.length})`,
};

export const mmoe: TorchExporter = {
  className: 'MMoE',
  source: `class MMoE(nn.Module):
    """Multi-gate mixture of experts: out_t = sum_k softmax(x @ wg_t + bg_t)_k * relu(x @ we_k + be_k).

    we [D, K * U] (He), be [K * U]; wg [D, T * K] (Glorot), bg [T * K]; expert k / task t are column blocks.
    """
    browser_names = ('we', 'be', 'wg', 'bg')

    def __init__(self, fan_in, experts, units, tasks):
        super().__init__()
        self.experts, self.units, self.tasks = experts, units, tasks
        self.we = _uniform((fan_in, experts * units), fan_in, units, 'relu')
        self.be = _filled((experts * units,), 0)
        self.wg = _uniform((fan_in, tasks * experts), fan_in, experts)
        self.bg = _filled((tasks * experts,), 0)

    def forward(self, x):
        e = F.relu(x @ self.we + self.be).reshape(-1, self.experts, self.units)
        g = torch.softmax((x @ self.wg + self.bg).reshape(-1, self.tasks, self.experts), dim=-1)
        y = g @ e
        return [y[:, t] for t in range(self.tasks)]`,
  construct: (c) => `MMoE(${c.inShapes[0][0]}, ${Number(c.params.experts)}, ${Number(c.params.units)}, ${c.tasks.length})`,
};

export const cgc: TorchExporter = {
  className: 'CGC',
  source: `class CGC(nn.Module):
    """Customized gate control (PLE): Ks shared and Kt per-task relu experts; task t's gate mixes the shared ones and its own.

    we [D, (Ks + T * Kt) * U] (He; shared experts first, then task 0's, task 1's, ...), be; wg [D, T * (Ks + Kt)] (Glorot), bg.
    """
    browser_names = ('we', 'be', 'wg', 'bg')

    def __init__(self, fan_in, shared_experts, task_experts, units, tasks):
        super().__init__()
        self.ks, self.kt, self.units, self.tasks = shared_experts, task_experts, units, tasks
        n = shared_experts + tasks * task_experts
        k = shared_experts + task_experts
        self.we = _uniform((fan_in, n * units), fan_in, units, 'relu')
        self.be = _filled((n * units,), 0)
        self.wg = _uniform((fan_in, tasks * k), fan_in, k)
        self.bg = _filled((tasks * k,), 0)

    def forward(self, x):
        ks, kt = self.ks, self.kt
        e = F.relu(x @ self.we + self.be).reshape(x.shape[0], -1, self.units)
        g = torch.softmax((x @ self.wg + self.bg).reshape(x.shape[0], self.tasks, ks + kt), dim=-1)
        outs = []
        for t in range(self.tasks):
            mine = torch.cat([e[:, :ks], e[:, ks + t * kt:ks + (t + 1) * kt]], dim=1)
            outs.append((g[:, t:t + 1] @ mine).squeeze(1))
        return outs`,
  construct: (c) =>
    `CGC(${c.inShapes[0][0]}, ${Number(c.params.sharedExperts)}, ${Number(c.params.taskExperts)}, ${Number(c.params.units)}, ${c.tasks.length})`,
};

export const tam: TorchExporter = {
  className: 'TaskAwareAttention',
  source: `class TaskAwareAttention(nn.Module):
    """Multi-head attention with one learned query per task over L tokens of width d (a vector read in L chunks, or [L, d]).

    wk, wv [d, dm]; q [T, dm]; heads of width dm / H; softmax over tokens of q.k / sqrt(dm / H);
    heads joined per task, then @ wo [dm, dm] + bo [dm]. All Glorot, bo zeros.
    """
    browser_names = ('wk', 'wv', 'q', 'wo', 'bo')

    def __init__(self, tokens, dim, heads, d_model, tasks):
        super().__init__()
        self.tokens, self.dim, self.heads, self.d_model, self.tasks = tokens, dim, heads, d_model, tasks
        self.wk = _uniform((dim, d_model), dim, d_model)
        self.wv = _uniform((dim, d_model), dim, d_model)
        self.q = _uniform((tasks, d_model), d_model, tasks)
        self.wo = _uniform((d_model, d_model), d_model, d_model)
        self.bo = _filled((d_model,), 0)

    def _project(self, tokens, w, b):
        dh = self.d_model // self.heads
        return (tokens @ w).reshape(b, self.tokens, self.heads, dh).permute(0, 2, 1, 3).reshape(b * self.heads, self.tokens, dh)

    def _attend(self, x):
        b = x.shape[0]
        dh = self.d_model // self.heads
        tokens = x.reshape(b * self.tokens, self.dim)
        k = self._project(tokens, self.wk, b)
        v = self._project(tokens, self.wv, b)
        qh = self.q.reshape(self.tasks, self.heads, dh).permute(1, 0, 2)
        qb = qh.unsqueeze(0).expand(b, -1, -1, -1).reshape(b * self.heads, self.tasks, dh)
        scores = (qb @ k.transpose(1, 2)) * (1 / math.sqrt(dh))
        return torch.softmax(scores, dim=-1), v, b

    def attention(self, x):
        """Attention weights [B, H, T, L] (softmax over tokens)."""
        a, _, b = self._attend(x)
        return a.reshape(b, self.heads, self.tasks, self.tokens)

    def forward(self, x):
        a, v, b = self._attend(x)
        dh = self.d_model // self.heads
        o = (a @ v).reshape(b, self.heads, self.tasks, dh).permute(0, 2, 1, 3).reshape(b * self.tasks, self.d_model)
        y = (o @ self.wo + self.bo).reshape(b, self.tasks, self.d_model)
        return [y[:, t] for t in range(self.tasks)]`,
  construct: (c) => {
    const tok = tamTokens(c.params, c.inShapes);
    if (typeof tok === 'string') throw new Error(`${c.node.id}: ${tok}`);
    return `TaskAwareAttention(${tok[0]}, ${tok[1]}, ${Number(c.params.heads)}, ${Number(c.params.dModel)}, ${c.tasks.length})`;
  },
};

export const care: TorchExporter = {
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

export const ensemble: TorchExporter = {
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
