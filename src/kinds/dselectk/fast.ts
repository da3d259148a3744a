/**
 * DSelect-k kernel (the tfjs builder's layout and init): relu experts E = relu(x·We + be) [B, N·U]; a static
 * gate per task, a_t = Σ_i softmax(w_t)_i · Π_b (bit_b(e) ? S(z_tib) : 1 − S(z_tib)) [T, N], out_t = Σ_e a_te·E_e.
 * The gate does not depend on the input, so it is computed once per forward on small arrays made at compile time.
 */
import type { FastKernel } from '../../train/fast/kernel';
import { activationBackward, denseBackward, denseForward } from '../../train/fast/kernels';
import { softmaxRow } from '../../train/fast/moe';
import { initWeights } from '../../train/init';
import { numbered, taskRows } from '../../train/tables';
import { DSELECT_NOTE, dselectSizes } from './spec';

/** Parameters (in the tfjs builder's order and init) and the gate's small buffers, made once. */
function setup(ctx: Parameters<FastKernel>[0]) {
  const d = ctx.inShapes[0][0];
  const { n, k, units, gamma, m } = dselectSizes(ctx.params);
  const t = ctx.tasks.length;
  const nu = n * units;
  const rng = ctx.rng;
  const weOff = ctx.param([d, nu], initWeights(d * nu, d, units, 'relu', rng));
  const beOff = ctx.param([nu], 0);
  const zOff = ctx.param([t, k, m], Float32Array.from({ length: t * k * m }, () => ((rng.next() * 2 - 1) * gamma) / 100));
  const wOff = ctx.param([t, k], Float32Array.from({ length: t * k }, () => (rng.next() * 2 - 1) * 0.05));
  const half = gamma / 2;
  const a1 = 3 / (2 * gamma);
  const a3 = 2 / gamma ** 3;
  // bit b of expert e, most significant first
  const bit = Uint8Array.from({ length: n * m }, (_, i) => (Math.floor(i / m) >> (m - 1 - (i % m))) & 1);
  const s = new Float32Array(t * k * m); // smooth-step activations
  const sel = new Float32Array(t * k * n); // single-expert selector outputs
  const p = new Float32Array(t * k); // softmax(w) per task
  const a = new Float32Array(t * n); // expert weights
  const dA = new Float32Array(t * n);
  const dp = new Float32Array(k);
  return { d, n, k, units, gamma, t, m, nu, rng, weOff, beOff, zOff, wOff, half, a1, a3, bit, s, sel, p, a, dA, dp };
}

export const kernel: FastKernel = (ctx) => {
  const { d, n, k, units, t, m, nu, weOff, beOff, zOff, wOff, half, a1, a3, bit, s, sel, p, a, dA, dp } = setup(ctx);

  function gateForward(P: Float32Array): void {
    for (let i = 0; i < t * k * m; i++) {
      const c = Math.min(half, Math.max(-half, P[zOff + i]));
      s[i] = a1 * c - a3 * c * c * c + 0.5;
    }
    for (let r = 0; r < t * k; r++) {
      for (let e = 0; e < n; e++) {
        let prod = 1;
        for (let b = 0; b < m; b++) prod *= bit[e * m + b] ? s[r * m + b] : 1 - s[r * m + b];
        sel[r * n + e] = prod;
      }
      p[r] = P[wOff + r];
    }
    for (let i = 0; i < t; i++) {
      softmaxRow(p, i * k, k);
      for (let e = 0; e < n; e++) {
        let v = 0;
        for (let j = 0; j < k; j++) v += p[i * k + j] * sel[(i * k + j) * n + e];
        a[i * n + e] = v;
      }
    }
  }

  /** ∂L/∂w and ∂L/∂z into G from ∂L/∂a (dA). */
  function gateBackward(P: Float32Array, G: Float32Array): void {
    for (let i = 0; i < t; i++) {
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const r = i * k + j;
        let v = 0;
        for (let e = 0; e < n; e++) v += dA[i * n + e] * sel[r * n + e];
        dp[j] = v;
        sum += p[r] * v;
      }
      for (let j = 0; j < k; j++) {
        const r = i * k + j;
        G[wOff + r] += p[r] * (dp[j] - sum);
        for (let b = 0; b < m; b++) {
          const zv = P[zOff + r * m + b];
          if (zv <= -half || zv >= half) continue; // the step is flat there
          let ds = 0;
          for (let e = 0; e < n; e++) {
            let rest = 1; // the product over the other bits
            for (let c = 0; c < m; c++) if (c !== b) rest *= bit[e * m + c] ? s[r * m + c] : 1 - s[r * m + c];
            ds += (bit[e * m + b] ? rest : -rest) * dA[i * n + e];
          }
          G[zOff + r * m + b] += p[r] * ds * (a1 - 3 * a3 * zv * zv);
        }
      }
    }
  }

  return {
    macs: d * nu + t * nu,
    // E (kept for backward), dE
    scratch: (B) => [new Float32Array(B * nu), new Float32Array(B * nu)],
    forward(io, P) {
      const [E] = io.scratch;
      const B = io.B;
      denseForward(io.ins[0], B, d, nu, P, weOff, beOff, 'relu', E);
      gateForward(P);
      for (let i = 0; i < t; i++) {
        const out = io.outs[i];
        for (let r = 0; r < B; r++) {
          const o = r * units;
          for (let u = 0; u < units; u++) out[o + u] = 0;
          for (let e = 0; e < n; e++) {
            const av = a[i * n + e];
            const eo = r * nu + e * units;
            for (let u = 0; u < units; u++) out[o + u] += av * E[eo + u];
          }
        }
      }
    },
    backward(io, P, G) {
      const [E, dE] = io.scratch;
      const B = io.B;
      dE.fill(0);
      dA.fill(0);
      for (let i = 0; i < t; i++) {
        const dout = io.dOuts[i];
        for (let r = 0; r < B; r++) {
          const o = r * units;
          for (let e = 0; e < n; e++) {
            const av = a[i * n + e];
            const eo = r * nu + e * units;
            let acc = 0;
            for (let u = 0; u < units; u++) {
              acc += dout[o + u] * E[eo + u];
              dE[eo + u] += av * dout[o + u];
            }
            dA[i * n + e] += acc;
          }
        }
      }
      activationBackward(dE, E, B * nu, 'relu');
      denseBackward(io.ins[0], B, d, nu, P, G, weOff, beOff, dE, io.dIns[0]);
      gateBackward(P, G);
    },
    inspect: () => ({
      title: 'Expert weights per task',
      note: DSELECT_NOTE,
      rowLabels: taskRows(ctx.tasks),
      colLabels: numbered('E', n),
      rows: t,
      cols: n,
      values: Array.from(a),
    }),
  };
};
