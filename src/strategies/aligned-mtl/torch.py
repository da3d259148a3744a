def aligned_weights(gram):
    gram = np.asarray(gram, dtype=np.float64)
    T = len(gram)
    lam, V = np.linalg.eigh(0.5 * (gram + gram.T))
    tol = float(lam.max()) * T * 1.1920928955078125e-07
    kept = [k for k in range(T) if lam[k] > tol]
    if not kept or not tol >= 0:
        return np.ones(T)
    scale = math.sqrt(min(lam[k] for k in kept))
    return sum(scale * V[:, k] * V[:, k].sum() / math.sqrt(lam[k]) for k in kept)


class AlignedMTL(Strategy):
    """alpha = sqrt(lambda_min) V Lambda^(-1/2) V^T 1 over the numerically non-null eigenpairs (aligned-mtl/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        if params.get('on') == 'representation':
            raise Refused('weighting strategy "aligned-mtl" on the shared representation (Aligned-MTL-UB) is not exported: '
                          'model.py does not expose the shared layers\' output; choose "Gradients of: parameters"')

    def step(self, step, losses, gram):
        return list(aligned_weights(gram)), [1.0] * self.T


STRATEGY = AlignedMTL
