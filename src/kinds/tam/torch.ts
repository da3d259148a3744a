/** Task-aware attention as PyTorch: returns one tensor per task, in TASKS order. */
import type { TorchExporter } from '../../export/torch/types';
import { tamTokens } from './spec';

export const exporter: TorchExporter = {
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
