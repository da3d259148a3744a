class MGDA(Strategy):
    """Min-norm point of the (normalised) task gradients' hull, over the original gradients (mgda/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        if params.get('on') == 'representation':
            raise Refused('weighting strategy "mgda" (MGDA-UB) on the shared representation is not exported: '
                          'model.py does not expose the shared layers\' output; choose "Gradients of: parameters"')
        self.kind = str(params.get('normalize', 'none'))

    def step(self, step, losses, gram):
        norms = np.sqrt(np.maximum(np.diag(gram), 0))
        s = []
        for t in range(self.T):
            v = {'l2': norms[t], 'loss': losses[t], 'loss+': losses[t] * norms[t]}.get(self.kind, 1.0)
            s.append(v if v > 0 and math.isfinite(v) else 1.0)
        s = np.array(s)
        beta = min_norm_element(gram / np.outer(s, s))
        return list(beta / s), [1.0] * self.T


STRATEGY = MGDA
