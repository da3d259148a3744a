/**
 * PLE kernel in spec.ts's layout (gateSlots) and the tfjs builder's parameter order: per level, relu experts per group,
 * softmax gates mixing their slots; level l's gate outputs are level l+1's group inputs.
 */
import type { FastKernel } from '../../train/fast/kernel';
import { activationBackward, denseBackward, denseForward } from '../../train/fast/kernels';
import { softmaxRow } from '../../train/fast/moe';
import { initWeights } from '../../train/init';
import { taskRows } from '../../train/tables';
import { gateSlots, pleSizes, pleTable } from './spec';

/** One gate: its slots' groups and expert indices, its parameters, and where its buffers sit in the scratch list. */
interface Gate {
  k: number;
  src: Int32Array;
  idx: Int32Array;
  wOff: number;
  bOff: number;
  /** scratch indices: probabilities [B, k], ∂logits [B, k] */
  p: number;
  dl: number;
}

interface Level {
  d: number;
  /** per group: expert count, We and be offsets, scratch indices of E and dE [B, K·U] */
  ex: { k: number; wOff: number; bOff: number; e: number; de: number }[];
  gates: Gate[];
  /** scratch indices of the gate outputs [B, U] and their gradients, per gate (below the last level only) */
  out: number[];
  dout: number[];
}

/** The levels' parameters (reserved in the tfjs builder's order) and scratch slots. */
function planLevels(ctx: Parameters<FastKernel>[0]) {
  const { levels, ks, kt, units: U } = pleSizes(ctx.params);
  const t = ctx.tasks.length;
  const sizes: ((B: number) => number)[] = [];
  const buf = (perRow: number) => sizes.push((B) => B * perRow) - 1;
  let macs = 0;
  const lv: Level[] = Array.from({ length: levels }, (_, l) => {
    const d = l === 0 ? ctx.inShapes[0][0] : U;
    const last = l === levels - 1;
    const ex = Array.from({ length: t + 1 }, (_, g) => {
      const k = g === t ? ks : kt;
      macs += d * k * U;
      return { k, wOff: ctx.param([d, k * U], initWeights(d * k * U, d, U, 'relu', ctx.rng)), bOff: ctx.param([k * U], 0), e: buf(k * U), de: buf(k * U) };
    });
    const gates = gateSlots(t, ks, kt, last).map((k, g): Gate => {
      // slot j: a shared expert first, then the gate's own (task gate) or every task's (shared gate)
      const src = Int32Array.from({ length: k }, (_, j) => (j < ks ? t : g === t ? Math.floor((j - ks) / kt) : g));
      const idx = Int32Array.from({ length: k }, (_, j) => (j < ks ? j : (j - ks) % kt));
      macs += d * k + k * U;
      return { k, src, idx, wOff: ctx.param([d, k], initWeights(d * k, d, k, 'linear', ctx.rng)), bOff: ctx.param([k], 0), p: buf(k), dl: buf(k) };
    });
    const out = last ? [] : gates.map(() => buf(U));
    const dout = last ? [] : gates.map(() => buf(U));
    return { d, ex, gates, out, dout };
  });
  return { levels, ks, kt, U, t, sizes, macs, lv };
}

export const kernel: FastKernel = (ctx) => {
  const { levels, ks, kt, U, t, sizes, macs, lv } = planLevels(ctx);
  return {
    macs,
    scratch: (B) => sizes.map((s) => new Float32Array(s(B))),
    forward(io, P) {
      const S = io.scratch;
      const B = io.B;
      for (let l = 0; l < levels; l++) {
        const L = lv[l];
        const last = l === levels - 1;
        for (let g = 0; g <= t; g++) {
          const x = l === 0 ? io.ins[0] : S[lv[l - 1].out[g]];
          const e = L.ex[g];
          denseForward(x, B, L.d, e.k * U, P, e.wOff, e.bOff, 'relu', S[e.e]);
        }
        for (let g = 0; g < L.gates.length; g++) {
          const x = l === 0 ? io.ins[0] : S[lv[l - 1].out[g]];
          const G = L.gates[g];
          const p = S[G.p];
          denseForward(x, B, L.d, G.k, P, G.wOff, G.bOff, 'linear', p);
          for (let b = 0; b < B; b++) softmaxRow(p, b * G.k, G.k);
          const out = last ? io.outs[g] : S[L.out[g]];
          out.fill(0, 0, B * U);
          for (let j = 0; j < G.k; j++) {
            const ex = L.ex[G.src[j]];
            const E = S[ex.e];
            const ew = ex.k * U;
            const eo = G.idx[j] * U;
            for (let b = 0; b < B; b++) {
              const gv = p[b * G.k + j];
              const o = b * U;
              const r = b * ew + eo;
              for (let u = 0; u < U; u++) out[o + u] += gv * E[r + u];
            }
          }
        }
      }
    },
    backward(io, P, Gr) {
      const S = io.scratch;
      const B = io.B;
      for (let l = 0; l < levels - 1; l++) for (const i of lv[l].dout) S[i].fill(0);
      for (let l = levels - 1; l >= 0; l--) {
        const L = lv[l];
        const last = l === levels - 1;
        for (let g = 0; g <= t; g++) S[L.ex[g].de].fill(0);
        for (let g = 0; g < L.gates.length; g++) {
          const G = L.gates[g];
          const p = S[G.p];
          const dl = S[G.dl];
          const dout = last ? io.dOuts[g] : S[L.dout[g]];
          for (let j = 0; j < G.k; j++) {
            const ex = L.ex[G.src[j]];
            const E = S[ex.e];
            const dE = S[ex.de];
            const ew = ex.k * U;
            const eo = G.idx[j] * U;
            for (let b = 0; b < B; b++) {
              const gv = p[b * G.k + j];
              const o = b * U;
              const r = b * ew + eo;
              let dg = 0;
              for (let u = 0; u < U; u++) {
                dg += dout[o + u] * E[r + u];
                dE[r + u] += gv * dout[o + u];
              }
              dl[b * G.k + j] = dg;
            }
          }
          // softmax backward: ∂l_j = g_j·(∂g_j − Σ_k g_k·∂g_k)
          for (let b = 0; b < B; b++) {
            const o = b * G.k;
            let s = 0;
            for (let j = 0; j < G.k; j++) s += p[o + j] * dl[o + j];
            for (let j = 0; j < G.k; j++) dl[o + j] = p[o + j] * (dl[o + j] - s);
          }
        }
        for (let g = 0; g <= t; g++) {
          const x = l === 0 ? io.ins[0] : S[lv[l - 1].out[g]];
          const dx = l === 0 ? io.dIns[0] : S[lv[l - 1].dout[g]];
          const e = L.ex[g];
          activationBackward(S[e.de], S[e.e], B * e.k * U, 'relu');
          denseBackward(x, B, L.d, e.k * U, P, Gr, e.wOff, e.bOff, S[e.de], dx);
        }
        for (let g = 0; g < L.gates.length; g++) {
          const x = l === 0 ? io.ins[0] : S[lv[l - 1].out[g]];
          const dx = l === 0 ? io.dIns[0] : S[lv[l - 1].dout[g]];
          const G = L.gates[g];
          denseBackward(x, B, L.d, G.k, P, Gr, G.wOff, G.bOff, S[G.dl], dx);
        }
      }
    },
    inspect: (io) => {
      const means = lv.map((L) =>
        L.gates.map((G) => {
          const p = io.scratch[G.p];
          const m = new Array<number>(G.k).fill(0);
          for (let b = 0; b < io.B; b++) for (let j = 0; j < G.k; j++) m[j] += p[b * G.k + j];
          return m.map((v) => v / io.B);
        }),
      );
      return pleTable(taskRows(ctx.tasks), ks, kt, means);
    },
  };
};
