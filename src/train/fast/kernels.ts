/**
 * Numeric kernels of the JS engine on row-major Float32Arrays. Small models are
 * dominated by per-kernel overhead in tfjs (~10 µs a kernel); these plain loops
 * have none, which is what makes the JS engine fast for small MLPs.
 * Parameters live in one flat array P (weights W[k, j] at wOff + k·units + j, bias at bOff).
 * Large dense products go through gemm's WebAssembly SIMD kernel where it validates (usesSimd).
 */
import { gemm, usesSimd } from './gemm';

export type Act = 'relu' | 'tanh' | 'sigmoid' | 'elu' | 'linear';

/**
 * out[B, units] = act(x[B, fanIn] · W + b); bOff < 0: no bias. Rows go four at a time so that each loaded
 * weight serves four rows (the loop is bound by loads, not by multiply-adds).
 */
export function denseForward(x: Float32Array, B: number, fanIn: number, units: number, P: Float32Array, wOff: number, bOff: number, act: Act, out: Float32Array): void {
  if (usesSimd(B * fanIn * units)) {
    gemm(B, units, fanIn, x, 0, false, P, wOff, false, out, 0, false);
    if (bOff >= 0) for (let r = 0; r < B; r++) for (let j = 0, o = r * units; j < units; j++) out[o + j] += P[bOff + j];
    applyActivation(out, B * units, act);
    return;
  }
  let i = 0;
  for (; i + 4 <= B; i += 4) {
    const o0 = i * units;
    const o1 = o0 + units;
    const o2 = o1 + units;
    const o3 = o2 + units;
    for (let j = 0; j < units; j++) {
      const b = bOff >= 0 ? P[bOff + j] : 0;
      out[o0 + j] = b;
      out[o1 + j] = b;
      out[o2 + j] = b;
      out[o3 + j] = b;
    }
    const x0 = i * fanIn;
    let k = 0;
    // Two inputs at a time: each output entry is loaded and stored once per eight multiply-adds.
    for (; k + 2 <= fanIn; k += 2) {
      const a0 = x[x0 + k];
      const a1 = x[x0 + fanIn + k];
      const a2 = x[x0 + 2 * fanIn + k];
      const a3 = x[x0 + 3 * fanIn + k];
      const c0 = x[x0 + k + 1];
      const c1 = x[x0 + fanIn + k + 1];
      const c2 = x[x0 + 2 * fanIn + k + 1];
      const c3 = x[x0 + 3 * fanIn + k + 1];
      const w = wOff + k * units;
      const v = w + units;
      for (let j = 0; j < units; j++) {
        const wv = P[w + j];
        const vv = P[v + j];
        out[o0 + j] += a0 * wv + c0 * vv;
        out[o1 + j] += a1 * wv + c1 * vv;
        out[o2 + j] += a2 * wv + c2 * vv;
        out[o3 + j] += a3 * wv + c3 * vv;
      }
    }
    for (; k < fanIn; k++) {
      const a0 = x[x0 + k];
      const a1 = x[x0 + fanIn + k];
      const a2 = x[x0 + 2 * fanIn + k];
      const a3 = x[x0 + 3 * fanIn + k];
      const w = wOff + k * units;
      for (let j = 0; j < units; j++) {
        const wv = P[w + j];
        out[o0 + j] += a0 * wv;
        out[o1 + j] += a1 * wv;
        out[o2 + j] += a2 * wv;
        out[o3 + j] += a3 * wv;
      }
    }
  }
  for (; i < B; i++) {
    const o = i * units;
    if (bOff >= 0) for (let j = 0; j < units; j++) out[o + j] = P[bOff + j];
    else for (let j = 0; j < units; j++) out[o + j] = 0;
    const xo = i * fanIn;
    for (let k = 0; k < fanIn; k++) {
      const xv = x[xo + k];
      if (xv === 0) continue;
      const w = wOff + k * units;
      for (let j = 0; j < units; j++) out[o + j] += xv * P[w + j];
    }
  }
  applyActivation(out, B * units, act);
}

/** In place: v ← act(v) over the first n entries. */
export function applyActivation(v: Float32Array, n: number, act: Act): void {
  switch (act) {
    case 'relu':
      for (let i = 0; i < n; i++) if (v[i] < 0) v[i] = 0;
      break;
    case 'tanh':
      for (let i = 0; i < n; i++) v[i] = Math.tanh(v[i]);
      break;
    case 'sigmoid':
      for (let i = 0; i < n; i++) v[i] = 1 / (1 + Math.exp(-v[i]));
      break;
    case 'elu':
      for (let i = 0; i < n; i++) if (v[i] < 0) v[i] = Math.expm1(v[i]);
      break;
    case 'linear':
      break;
  }
}

/** In place: d ← d · act′, where act′ is written in terms of the activation's output y. */
export function activationBackward(d: Float32Array, y: Float32Array, n: number, act: Act): void {
  switch (act) {
    case 'relu':
      for (let i = 0; i < n; i++) if (y[i] <= 0) d[i] = 0;
      break;
    case 'tanh':
      for (let i = 0; i < n; i++) d[i] *= 1 - y[i] * y[i];
      break;
    case 'sigmoid':
      for (let i = 0; i < n; i++) d[i] *= y[i] * (1 - y[i]);
      break;
    case 'elu':
      // elu′(x) = eˣ = y + 1 for x ≤ 0
      for (let i = 0; i < n; i++) if (y[i] < 0) d[i] *= y[i] + 1;
      break;
    case 'linear':
      break;
  }
}

/**
 * Backward of a dense layer given dPre = ∂L/∂(x·W + b) [B, units]: accumulates
 * G[W] += xᵀ·dPre, G[b] += Σ_rows dPre (bOff < 0: no bias), and (when dx is given) dx += dPre·Wᵀ.
 * Four rows at a time: each weight and gradient entry is loaded once for four rows.
 */
export function denseBackward(
  x: Float32Array, B: number, fanIn: number, units: number, P: Float32Array, G: Float32Array,
  wOff: number, bOff: number, dPre: Float32Array, dx: Float32Array | null,
): void {
  if (bOff >= 0) for (let i = 0; i < B; i++) for (let j = 0; j < units; j++) G[bOff + j] += dPre[i * units + j];
  if (usesSimd(B * fanIn * units)) {
    gemm(fanIn, units, B, x, 0, true, dPre, 0, false, G, wOff, true);
    if (dx) gemm(B, fanIn, units, dPre, 0, false, P, wOff, true, dx, 0, true);
    return;
  }
  let i = 0;
  for (; i + 4 <= B; i += 4) {
    const d0 = i * units;
    const d1 = d0 + units;
    const d2 = d1 + units;
    const d3 = d2 + units;
    const x0 = i * fanIn;
    let k = 0;
    // With dx: two inputs at a time, each gradient row entry loaded once per sixteen multiply-adds.
    if (dx)
      for (; k + 2 <= fanIn; k += 2) {
        const a0 = x[x0 + k];
        const a1 = x[x0 + fanIn + k];
        const a2 = x[x0 + 2 * fanIn + k];
        const a3 = x[x0 + 3 * fanIn + k];
        const c0 = x[x0 + k + 1];
        const c1 = x[x0 + fanIn + k + 1];
        const c2 = x[x0 + 2 * fanIn + k + 1];
        const c3 = x[x0 + 3 * fanIn + k + 1];
        const w = wOff + k * units;
        const v = w + units;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let t0 = 0;
        let t1 = 0;
        let t2 = 0;
        let t3 = 0;
        for (let j = 0; j < units; j++) {
          const wv = P[w + j];
          const vv = P[v + j];
          const g0 = dPre[d0 + j];
          const g1 = dPre[d1 + j];
          const g2 = dPre[d2 + j];
          const g3 = dPre[d3 + j];
          s0 += g0 * wv;
          s1 += g1 * wv;
          s2 += g2 * wv;
          s3 += g3 * wv;
          t0 += g0 * vv;
          t1 += g1 * vv;
          t2 += g2 * vv;
          t3 += g3 * vv;
          G[w + j] += a0 * g0 + a1 * g1 + a2 * g2 + a3 * g3;
          G[v + j] += c0 * g0 + c1 * g1 + c2 * g2 + c3 * g3;
        }
        dx[x0 + k] += s0;
        dx[x0 + fanIn + k] += s1;
        dx[x0 + 2 * fanIn + k] += s2;
        dx[x0 + 3 * fanIn + k] += s3;
        dx[x0 + k + 1] += t0;
        dx[x0 + fanIn + k + 1] += t1;
        dx[x0 + 2 * fanIn + k + 1] += t2;
        dx[x0 + 3 * fanIn + k + 1] += t3;
      }
    for (; k < fanIn; k++) {
      const a0 = x[x0 + k];
      const a1 = x[x0 + fanIn + k];
      const a2 = x[x0 + 2 * fanIn + k];
      const a3 = x[x0 + 3 * fanIn + k];
      const w = wOff + k * units;
      if (dx) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0; j < units; j++) {
          const wv = P[w + j];
          const g0 = dPre[d0 + j];
          const g1 = dPre[d1 + j];
          const g2 = dPre[d2 + j];
          const g3 = dPre[d3 + j];
          s0 += g0 * wv;
          s1 += g1 * wv;
          s2 += g2 * wv;
          s3 += g3 * wv;
          G[w + j] += a0 * g0 + a1 * g1 + a2 * g2 + a3 * g3;
        }
        dx[x0 + k] += s0;
        dx[x0 + fanIn + k] += s1;
        dx[x0 + 2 * fanIn + k] += s2;
        dx[x0 + 3 * fanIn + k] += s3;
      } else if (a0 !== 0 || a1 !== 0 || a2 !== 0 || a3 !== 0) {
        for (let j = 0; j < units; j++) G[w + j] += a0 * dPre[d0 + j] + a1 * dPre[d1 + j] + a2 * dPre[d2 + j] + a3 * dPre[d3 + j];
      }
    }
  }
  for (; i < B; i++) {
    const o = i * units;
    const xo = i * fanIn;
    for (let k = 0; k < fanIn; k++) {
      const xv = x[xo + k];
      const w = wOff + k * units;
      if (dx) {
        let s = 0;
        for (let j = 0; j < units; j++) {
          const g = dPre[o + j];
          s += g * P[w + j];
          G[w + j] += xv * g;
        }
        dx[xo + k] += s;
      } else if (xv !== 0) {
        for (let j = 0; j < units; j++) G[w + j] += xv * dPre[o + j];
      }
    }
  }
}

/** Stable log(1 + eᶻ). */
export const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/**
 * Mean sigmoid cross-entropy of logits z[B] against 0/1 labels; when dz is given
 * writes dz = scale·(σ(z) − y) (scale = task weight / B for the mean). Returns the mean loss.
 */
export function binaryLoss(z: Float32Array, y: ArrayLike<number>, B: number, dz: Float32Array | null, scale: number): number {
  const n = labelledCount(y, B);
  const s = n ? (scale * B) / n : 0;
  let sum = 0;
  for (let i = 0; i < B; i++) {
    if (Number.isNaN(y[i])) {
      if (dz) dz[i] = 0;
      continue;
    }
    sum += softplus(z[i]) - z[i] * y[i];
    if (dz) dz[i] = s * (1 / (1 + Math.exp(-z[i])) - y[i]);
  }
  return n ? sum / n : 0;
}

/** Rows among the first B whose target is labelled (not NaN); unlabelled rows are left out of every loss and metric. */
export function labelledCount(y: ArrayLike<number>, B: number): number {
  let n = 0;
  for (let i = 0; i < B; i++) if (!Number.isNaN(y[i])) n++;
  return n;
}

/** Mean softmax cross-entropy of logits z[B, C] against class indices, over labelled rows; dz = scale·B/n·(softmax − onehot). Returns the mean loss. */
export function softmaxLoss(z: Float32Array, y: ArrayLike<number>, B: number, C: number, dz: Float32Array | null, scale: number): number {
  const n = labelledCount(y, B);
  const s = n ? (scale * B) / n : 0;
  let sum = 0;
  for (let i = 0; i < B; i++) {
    const o = i * C;
    const label = y[i];
    if (Number.isNaN(label)) {
      if (dz) dz.fill(0, o, o + C);
      continue;
    }
    let m = -Infinity;
    for (let c = 0; c < C; c++) if (z[o + c] > m) m = z[o + c];
    let se = 0;
    for (let c = 0; c < C; c++) se += Math.exp(z[o + c] - m);
    sum += m + Math.log(se) - z[o + label];
    if (dz) for (let c = 0; c < C; c++) dz[o + c] = s * (Math.exp(z[o + c] - m) / se - (c === label ? 1 : 0));
  }
  return n ? sum / n : 0;
}

/** Mean squared error of predictions z[B] against targets, over labelled rows; dz = scale·B/n·2(z − y). Returns the mean loss. */
export function squaredLoss(z: Float32Array, y: ArrayLike<number>, B: number, dz: Float32Array | null, scale: number): number {
  const n = labelledCount(y, B);
  const s = n ? (scale * B) / n : 0;
  let sum = 0;
  for (let i = 0; i < B; i++) {
    if (Number.isNaN(y[i])) {
      if (dz) dz[i] = 0;
      continue;
    }
    const e = z[i] - y[i];
    sum += e * e;
    if (dz) dz[i] = s * 2 * e;
  }
  return n ? sum / n : 0;
}

/** Share of rows classified right: binary (z > 0 ⇔ y = 1) when C = 1, else arg-max. */
export function accuracy(z: Float32Array, y: ArrayLike<number>, B: number, C: number): number {
  let right = 0;
  let n = 0;
  for (let i = 0; i < B; i++) {
    if (Number.isNaN(y[i])) continue;
    n++;
    let pred: number;
    if (C === 1) pred = z[i] > 0 ? 1 : 0;
    else {
      pred = 0;
      for (let c = 1; c < C; c++) if (z[i * C + c] > z[i * C + pred]) pred = c;
    }
    if (pred === y[i]) right++;
  }
  return n ? right / n : 0;
}

/**
 * One Adam step over flat arrays (tf.train.adam's maths, ε-hat form):
 * m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; P ← P − αₜ·m/(√v + ε̂), αₜ = lr·√(1−β₂ᵗ)/(1−β₁ᵗ), ε̂ = ε·√(1−β₂ᵗ).
 */
export function adamStep(P: Float32Array, G: Float32Array, m: Float32Array, v: Float32Array, t: number, lr: number, b1 = 0.9, b2 = 0.999, eps = 1e-7): void {
  const c2 = Math.sqrt(1 - b2 ** t);
  const alpha = (lr * c2) / (1 - b1 ** t);
  const epsHat = eps * c2;
  for (let i = 0; i < P.length; i++) {
    const g = G[i];
    const mi = b1 * m[i] + (1 - b1) * g;
    const vi = b2 * v[i] + (1 - b2) * g * g;
    m[i] = mi;
    v[i] = vi;
    P[i] -= (alpha * mi) / (Math.sqrt(vi) + epsHat);
  }
}

/** One SGD step with momentum (tf.train.momentum, no Nesterov): a ← μa + g; P ← P − lr·a. μ = 0 is plain SGD. */
export function momentumStep(P: Float32Array, G: Float32Array, acc: Float32Array, lr: number, mu: number): void {
  for (let i = 0; i < P.length; i++) {
    const a = mu * acc[i] + G[i];
    acc[i] = a;
    P[i] -= lr * a;
  }
}
