/** Python helpers shared by several exported classes (written once into model.py, before the classes). */

/** Always written: activations and the browser's weight initialisers. */
export const PY_COMMON = `def _activate(x, activation):
    """The browser's activations by name; 'linear' (or anything else) is the identity."""
    if activation == 'relu':
        return F.relu(x)
    if activation == 'tanh':
        return torch.tanh(x)
    if activation == 'sigmoid':
        return torch.sigmoid(x)
    if activation == 'elu':
        return F.elu(x)
    return x


def _uniform(shape, fan_in, fan_out, activation='linear'):
    """A parameter drawn U(-l, l) like the browser: He l = sqrt(6 / fan_in) for relu/elu, else Glorot l = sqrt(6 / (fan_in + fan_out))."""
    limit = math.sqrt(6 / fan_in) if activation in ('relu', 'elu') else math.sqrt(6 / (fan_in + fan_out))
    return nn.Parameter(torch.empty(shape).uniform_(-limit, limit))


def _filled(shape, value):
    """A parameter of constant value (zero biases, unit gains)."""
    return nn.Parameter(torch.full(shape, float(value)))`;

/** Helpers written only when a class needs them. */
export const PY_HELPERS: Record<string, string> = {
  same_pad: `def _same_pad(n, k, stride):
    """TensorFlow's 'same' padding along one axis: (before, after); the odd pixel goes after."""
    out = -(-n // stride)
    total = max((out - 1) * stride + k - n, 0)
    return total // 2, total - total // 2`,
  lstm_pass: `def _lstm_pass(x, w, u, b, backward):
    """Hidden states [B, units] of one LSTM pass over x [B, L, D] (read in reverse when backward), in input time order.

    Gates are the column blocks of W [D, 4u], U [u, 4u] and b [4u] in the order i, f, g, o (as Keras);
    h0 = c0 = 0.
    """
    batch, length, dim = x.shape
    units = u.shape[0]
    xw = (x.reshape(batch * length, dim) @ w + b).reshape(batch, length, 4 * units)
    hs = [None] * length
    h = c = None
    for k in range(length):
        t = length - 1 - k if backward else k
        z = xw[:, t] if h is None else xw[:, t] + h @ u
        zi, zf, zg, zo = z.split(units, dim=1)
        ig = torch.sigmoid(zi) * torch.tanh(zg)
        c = ig if c is None else torch.sigmoid(zf) * c + ig
        h = torch.sigmoid(zo) * torch.tanh(c)
        hs[t] = h
    return hs`,
};
