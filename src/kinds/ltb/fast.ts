/**
 * Learning-to-Branch kernel (the tfjs builder's layout, init and noise stream): every block's activations are
 * their own [B, U] array; block j of level l ≥ 1 reads mix_lj = Σ_i g_lji·h_{l−1,i} and gives
 * h_lj = relu(mix_lj·W_lj + b_lj). g_l = softmax((θ_l + Gumbel) / τ(step)) while training, one-hot argmax θ_l at evaluation.
 */
import { stepRng, type FastKernel } from '../../train/fast/kernel';
import { activationBackward, denseBackward, denseForward } from '../../train/fast/kernels';
import { softmaxRow } from '../../train/fast/moe';
import { initWeights } from '../../train/init';
import { numbered, taskRows } from '../../train/tables';
import { LTB_NOTE, blockRows, gumbel, levelSizes, temperature } from './spec';

/** Parameters (in the tfjs builder's order and init), parent weights and scratch slots, made once. */
function setup(ctx: Parameters<FastKernel>[0]) {
  const d = ctx.inShapes[0][0];
  const units = Number(ctx.params.units);
  const [tau, anneal, noise] = [Number(ctx.params.tau), Number(ctx.params.anneal), ctx.params.noise === true];
  const sizes = levelSizes(Number(ctx.params.depth), Number(ctx.params.width), ctx.tasks.length);
  const L = sizes.length;
  const t = ctx.tasks.length;
  const uu = units * units;
  const seed = ctx.seedFor('gumbel');
  const rng = ctx.rng;
  const wOff = [ctx.param([sizes[0], d, units], initWeights(sizes[0] * d * units, d, units, 'relu', rng))];
  const bOff = [ctx.param([sizes[0], units], 0)];
  const thOff = [-1];
  for (let l = 1; l < L; l++) {
    wOff.push(ctx.param([sizes[l], units, units], initWeights(sizes[l] * uu, units, units, 'relu', rng)));
    bOff.push(ctx.param([sizes[l], units], 0));
    thOff.push(ctx.param([sizes[l], sizes[l - 1]], 0));
  }
  // parent weights of each level (index 0 unused), made once
  const g = sizes.map((n, l) => new Float32Array(l === 0 ? 0 : n * sizes[l - 1]));
  const dg = new Float32Array(Math.max(...sizes));
  // scratch layout: per level l and block j, h, dh (and for l ≥ 1 mix, dmix), at slot(l, j)
  const first = sizes.map((_, l) => sizes.slice(0, l).reduce((a, n) => a + n, 0));
  const nBlocks = first[L - 1] + sizes[L - 1];
  const H = (l: number, j: number) => first[l] + j;
  const DH = (l: number, j: number) => nBlocks + first[l] + j;
  const MIX = (l: number, j: number) => 2 * nBlocks + first[l] + j;
  const DMIX = (l: number, j: number) => 3 * nBlocks + first[l] + j;
  return { d, units, sizes, L, t, uu, seed, rng, wOff, bOff, thOff, g, dg, first, nBlocks, H, DH, MIX, DMIX, tau, anneal, noise };
}

export const kernel: FastKernel = (ctx) => {
  const { d, units, sizes, L, t, uu, seed, wOff, bOff, thOff, g, dg, nBlocks, H, DH, MIX, DMIX, tau, anneal, noise } = setup(ctx);

  function gates(training: boolean, step: number, P: Float32Array): void {
    const temp = temperature(tau, anneal, step);
    const draws = training && noise ? stepRng(seed, step) : null;
    for (let l = 1; l < L; l++) {
      const [n, p, gl] = [sizes[l], sizes[l - 1], g[l]];
      for (let j = 0; j < n; j++) {
        const o = j * p;
        if (!training) {
          let best = 0;
          for (let i = 1; i < p; i++) if (P[thOff[l] + o + i] > P[thOff[l] + o + best]) best = i;
          for (let i = 0; i < p; i++) gl[o + i] = i === best ? 1 : 0;
          continue;
        }
        for (let i = 0; i < p; i++) gl[o + i] = (P[thOff[l] + o + i] + (draws ? Math.fround(gumbel(draws.next())) : 0)) / temp;
        softmaxRow(gl, o, p);
      }
    }
  }

  return {
    macs: sizes[0] * d * units + sizes.slice(1).reduce((a, n, i) => a + n * (uu + sizes[i] * units), 0),
    scratch: (B) => Array.from({ length: 4 * nBlocks }, () => new Float32Array(B * units)),
    forward(io, P) {
      const S = io.scratch;
      const B = io.B;
      const n = B * units;
      gates(io.training, io.step, P);
      for (let j = 0; j < sizes[0]; j++) denseForward(io.ins[0], B, d, units, P, wOff[0] + j * d * units, bOff[0] + j * units, 'relu', S[H(0, j)]);
      for (let l = 1; l < L; l++) {
        const p = sizes[l - 1];
        for (let j = 0; j < sizes[l]; j++) {
          const mix = S[MIX(l, j)];
          mix.fill(0, 0, n);
          for (let i = 0; i < p; i++) {
            const gv = g[l][j * p + i];
            if (gv === 0) continue;
            const h = S[H(l - 1, i)];
            for (let k = 0; k < n; k++) mix[k] += gv * h[k];
          }
          denseForward(mix, B, units, units, P, wOff[l] + j * uu, bOff[l] + j * units, 'relu', S[H(l, j)]);
        }
      }
      for (let i = 0; i < t; i++) io.outs[i].set(S[H(L - 1, i)].subarray(0, n));
    },
    backward(io, P, G) {
      const S = io.scratch;
      const B = io.B;
      const n = B * units;
      for (let i = 0; i < t; i++) S[DH(L - 1, i)].set(io.dOuts[i].subarray(0, n));
      for (let l = 0; l < L - 1; l++) for (let j = 0; j < sizes[l]; j++) S[DH(l, j)].fill(0, 0, n);
      for (let l = L - 1; l >= 1; l--) {
        const p = sizes[l - 1];
        const temp = temperature(tau, anneal, io.step);
        for (let j = 0; j < sizes[l]; j++) {
          const dh = S[DH(l, j)];
          const dmix = S[DMIX(l, j)];
          activationBackward(dh, S[H(l, j)], n, 'relu');
          dmix.fill(0, 0, n);
          denseBackward(S[MIX(l, j)], B, units, units, P, G, wOff[l] + j * uu, bOff[l] + j * units, dh, dmix);
          // through the mix: ∂g_ji = ⟨dmix_j, h_i⟩, ∂h_i += g_ji·dmix_j
          let sum = 0;
          for (let i = 0; i < p; i++) {
            const h = S[H(l - 1, i)];
            const dhp = S[DH(l - 1, i)];
            const gv = g[l][j * p + i];
            let v = 0;
            for (let k = 0; k < n; k++) {
              v += dmix[k] * h[k];
              dhp[k] += gv * dmix[k];
            }
            dg[i] = v;
            sum += gv * v;
          }
          // softmax of (θ + noise) / τ
          for (let i = 0; i < p; i++) G[thOff[l] + j * p + i] += (g[l][j * p + i] * (dg[i] - sum)) / temp;
        }
      }
      for (let j = 0; j < sizes[0]; j++) {
        const dh = S[DH(0, j)];
        activationBackward(dh, S[H(0, j)], n, 'relu');
        denseBackward(io.ins[0], B, d, units, P, G, wOff[0] + j * d * units, bOff[0] + j * units, dh, io.dIns[0]);
      }
    },
    inspect: (_io, P) => {
      const p = sizes[0];
      const values: number[] = [];
      const row = new Float32Array(p);
      for (let l = 1; l < L; l++)
        for (let j = 0; j < sizes[l]; j++) {
          for (let i = 0; i < p; i++) row[i] = P[thOff[l] + j * p + i];
          softmaxRow(row, 0, p);
          values.push(...row);
        }
      return { title: 'Parent probabilities per block', note: LTB_NOTE, rowLabels: blockRows(sizes, taskRows(ctx.tasks)), colLabels: numbered('P', p), rows: values.length / p, cols: p, values };
    },
  };
};
