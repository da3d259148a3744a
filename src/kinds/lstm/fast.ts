/**
 * LSTM kernel; its cell and sequence layer are shared with the Bidirectional LSTM. The tfjs builder's maths and layout:
 * W [D, 4u], U [u, 4u] (Glorot, drawn W then U from the node's stream), b [4u] (forget block 1); gates i, f, g, o;
 *   z = x_t·W + b + h·U;  c = σ(z_f) ⊙ c + σ(z_i) ⊙ tanh(z_g);  h = σ(z_o) ⊙ tanh(c);  h₀ = c₀ = 0.
 * Working arrays are time-major ([L, B, ·]) so that each step's B rows are one contiguous matrix for gemm; backward
 * runs through time over them and folds dW, dU, b and dx into one gemm each.
 */
import { initWeights } from '../../train/init';
import { gemm } from '../../train/fast/gemm';
import type { FastContext, FastKernel, FastLayer } from '../../train/fast/kernel';

/** One cell's parameters: offsets in P and sizes (input width D, units u). */
export interface FastCell {
  wOff: number;
  uOff: number;
  bOff: number;
  D: number;
  u: number;
}

/** Reserves W, U, b in that order (makeCell's draws and variable order). */
export function reserveCell(ctx: FastContext, D: number, u: number): FastCell {
  const w = initWeights(D * 4 * u, D, 4 * u, 'linear', ctx.rng);
  const uw = initWeights(u * 4 * u, u, 4 * u, 'linear', ctx.rng);
  const bias = new Float32Array(4 * u).fill(1, u, 2 * u);
  return { wOff: ctx.param([D, 4 * u], w), uOff: ctx.param([u, 4 * u], uw), bOff: ctx.param([4 * u], bias), D, u };
}

/** A cell's working arrays for B rows over L steps: gate activations, c, tanh c, h ([L, B, ·]), ∂L/∂z, and dh, dc of one step. */
interface CellBuffers {
  gates: Float32Array;
  c: Float32Array;
  tc: Float32Array;
  h: Float32Array;
  dz: Float32Array;
  dh: Float32Array;
  dc: Float32Array;
}

const CELL_ARRAYS = 7;

function cellScratch(B: number, L: number, u: number): Float32Array[] {
  const n = L * B;
  return [n * 4 * u, n * u, n * u, n * u, n * 4 * u, B * u, B * u].map((k) => new Float32Array(k));
}

function cellView(s: Float32Array[], at: number): CellBuffers {
  const [gates, c, tc, h, dz, dh, dc] = s.slice(at, at + CELL_ARRAYS);
  return { gates, c, tc, h, dz, dh, dc };
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** One pass over xt [L, B, D] (reversed in time when `rev`): fills the cell's gates, c, tanh c and h at every step. */
function cellForward(cell: FastCell, P: Float32Array, xt: Float32Array, B: number, L: number, rev: boolean, s: CellBuffers): void {
  const { D, u } = cell;
  const g4 = 4 * u;
  const { gates: z, c, tc, h } = s;
  // Every step's input projection in one product: [L·B, D]·[D, 4u], then + b.
  gemm(L * B, g4, D, xt, 0, false, P, cell.wOff, false, z, 0, false);
  for (let r = 0; r < L * B; r++) for (let j = 0; j < g4; j++) z[r * g4 + j] += P[cell.bOff + j];
  for (let k = 0; k < L; k++) {
    const t = rev ? L - 1 - k : k;
    const tp = rev ? t + 1 : t - 1;
    const zo = t * B * g4;
    if (k > 0) gemm(B, g4, u, h, tp * B * u, false, P, cell.uOff, false, z, zo, true);
    for (let b = 0; b < B; b++) {
      const zr = zo + b * g4;
      const hr = (t * B + b) * u;
      const pr = (tp * B + b) * u;
      for (let j = 0; j < u; j++) {
        const i = sigmoid(z[zr + j]);
        const f = sigmoid(z[zr + u + j]);
        const g = Math.tanh(z[zr + 2 * u + j]);
        const o = sigmoid(z[zr + 3 * u + j]);
        z[zr + j] = i;
        z[zr + u + j] = f;
        z[zr + 2 * u + j] = g;
        z[zr + 3 * u + j] = o;
        const cv = k > 0 ? f * c[pr + j] + i * g : i * g;
        c[hr + j] = cv;
        const tcv = Math.tanh(cv);
        tc[hr + j] = tcv;
        h[hr + j] = o * tcv;
      }
    }
  }
}

/**
 * Backward through time of one pass after cellForward. `dOut` holds ∂L/∂(the layer's output) [B, L, W] (sequences)
 * or [B, W] (last state), the cell's states at columns [col, col + u). Adds ∂L/∂W, U, b into G; writes ∂L/∂xt into
 * dxt [L, B, D] (added when `accumulate`) unless dxt is null.
 */
function cellBackward(
  cell: FastCell, P: Float32Array, G: Float32Array, xt: Float32Array, B: number, L: number, rev: boolean, s: CellBuffers,
  dOut: Float32Array, W: number, col: number, sequences: boolean, dxt: Float32Array | null, accumulate: boolean,
): void {
  const { D, u } = cell;
  const g4 = 4 * u;
  const { gates: a, c, tc, h, dz, dh, dc } = s;
  dh.fill(0);
  dc.fill(0);
  for (let k = L - 1; k >= 0; k--) {
    const t = rev ? L - 1 - k : k;
    const tp = rev ? t + 1 : t - 1;
    const zo = t * B * g4;
    // dh holds the recurrent part (from step k + 1); add what the output sends to h_t.
    if (sequences) for (let b = 0; b < B; b++) for (let j = 0; j < u; j++) dh[b * u + j] += dOut[(b * L + t) * W + col + j];
    else if (k === L - 1) for (let b = 0; b < B; b++) for (let j = 0; j < u; j++) dh[b * u + j] += dOut[b * W + col + j];
    for (let b = 0; b < B; b++) {
      const zr = zo + b * g4;
      const hr = (t * B + b) * u;
      const pr = (tp * B + b) * u;
      for (let j = 0; j < u; j++) {
        const i = a[zr + j];
        const f = a[zr + u + j];
        const g = a[zr + 2 * u + j];
        const o = a[zr + 3 * u + j];
        const tcv = tc[hr + j];
        const dhv = dh[b * u + j];
        const dcv = dc[b * u + j] + dhv * o * (1 - tcv * tcv);
        dz[zr + j] = dcv * g * i * (1 - i);
        // c₀ = 0: the first step's forget gate has no gradient
        dz[zr + u + j] = k > 0 ? dcv * c[pr + j] * f * (1 - f) : 0;
        dz[zr + 2 * u + j] = dcv * i * (1 - g * g);
        dz[zr + 3 * u + j] = dhv * tcv * o * (1 - o);
        dc[b * u + j] = dcv * f;
      }
    }
    // dh_{t−1} = dz_t·Uᵀ
    if (k > 0) gemm(B, u, g4, dz, zo, false, P, cell.uOff, true, dh, 0, false);
  }
  gemm(D, g4, L * B, xt, 0, true, dz, 0, false, G, cell.wOff, true);
  // dU = Σ_t h_{t−1}ᵀ·dz_t: in time-major order the previous states of steps 1… are one block, as are their dz.
  if (L > 1) gemm(u, g4, (L - 1) * B, h, rev ? B * u : 0, true, dz, rev ? 0 : B * g4, false, G, cell.uOff, true);
  for (let r = 0; r < L * B; r++) for (let j = 0; j < g4; j++) G[cell.bOff + j] += dz[r * g4 + j];
  if (dxt) gemm(L * B, D, g4, dz, 0, false, P, cell.wOff, true, dxt, 0, accumulate);
}

/**
 * An LSTM layer over [L, D] with one cell per direction (false: forwards, true: backwards), outputs joined on the
 * last axis in that order: every state [L, F·u] with returnSequences, else each pass's last state read [F·u].
 */
export function lstmLayer(ctx: FastContext, dirs: boolean[]): FastLayer {
  const [L, D] = ctx.inShapes[0];
  const u = Number(ctx.params.units);
  const sequences = Boolean(ctx.params.returnSequences);
  const cells = dirs.map(() => reserveCell(ctx, D, u));
  const F = dirs.length;
  const W = F * u;
  return {
    macs: F * L * (D + u) * 4 * u,
    // xt and dxt [L, B, D], then each cell's arrays
    scratch: (B) => [new Float32Array(L * B * D), new Float32Array(L * B * D), ...dirs.flatMap(() => cellScratch(B, L, u))],
    forward(io, P) {
      const { B, scratch } = io;
      const x = io.ins[0];
      const xt = scratch[0];
      const out = io.outs[0];
      for (let b = 0; b < B; b++) for (let t = 0; t < L; t++) xt.set(x.subarray((b * L + t) * D, (b * L + t + 1) * D), (t * B + b) * D);
      cells.forEach((cell, f) => {
        const s = cellView(scratch, 2 + f * CELL_ARRAYS);
        cellForward(cell, P, xt, B, L, dirs[f], s);
        if (sequences) {
          for (let b = 0; b < B; b++) for (let t = 0; t < L; t++) out.set(s.h.subarray((t * B + b) * u, (t * B + b + 1) * u), (b * L + t) * W + f * u);
        } else {
          const last = dirs[f] ? 0 : L - 1;
          for (let b = 0; b < B; b++) out.set(s.h.subarray((last * B + b) * u, (last * B + b + 1) * u), b * W + f * u);
        }
      });
    },
    backward(io, P, G) {
      const { B, scratch } = io;
      const dx = io.dIns[0];
      const [xt, dxt] = scratch;
      cells.forEach((cell, f) => {
        const s = cellView(scratch, 2 + f * CELL_ARRAYS);
        cellBackward(cell, P, G, xt, B, L, dirs[f], s, io.dOuts[0], W, f * u, sequences, dx ? dxt : null, f > 0);
      });
      if (!dx) return;
      for (let b = 0; b < B; b++)
        for (let t = 0; t < L; t++) {
          const o = (b * L + t) * D;
          const r = (t * B + b) * D;
          for (let d = 0; d < D; d++) dx[o + d] += dxt[r + d];
        }
    },
  };
}

export const kernel: FastKernel = (ctx) => lstmLayer(ctx, [false]);
