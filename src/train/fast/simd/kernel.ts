/**
 * The WebAssembly SIMD body of gemm, generated at run time: a register-blocked micro-kernel over packed
 * panels (GotoBLAS style). Packing is done by the caller (simdGemm.ts), so this one kernel serves all four
 * transpose combinations and every remainder:
 * - A packed in panels of MR rows: panel p at ap + p·Kp·MR·4, entry (k, r) at + (k·MR + r)·4, zero past row M;
 * - B packed in panels of NR = 4·NV columns: panel q at bp + q·Kp·NR·4, entry (k, c) at + (k·NR + c)·4, zero
 *   past column N;
 * - Kp = K rounded up to a multiple of U (the k unroll), zero-padded in both;
 * - C row-major M×N at c (byte address), overwritten or (acc ≠ 0) added to; edge tiles go through a scratch
 *   tile of MR·NR floats at scr.
 * Addresses are in bytes. Lanes: each C row of a tile is NV f32x4 accumulators.
 */
import { Body, encodeModule, F32, I32, memarg, op, simd, V128, type Local } from './wasm';

export interface KernelShape {
  /** rows per tile */
  MR: number;
  /** f32x4 vectors per tile row (NR = 4·NV columns) */
  NV: number;
  /** k unroll (the packed K is a multiple of it) */
  U: number;
  /** use relaxed-SIMD f32x4.relaxed_madd instead of mul + add */
  fma: boolean;
}

/** The default tile: 4×8 (8 accumulators, 2 B vectors, 1 A splat: 11 of x64's 16 vector registers), k unrolled by 4. */
export const DEFAULT_SHAPE: Omit<KernelShape, 'fma'> = { MR: 4, NV: 2, U: 4 };

/**
 * Module bytes exporting `gemm(M, N, Kp, ap, bp, c, acc, scr)` (all i32; see the file comment) over the
 * imported memory env.mem.
 */
export function gemmModule(shape: KernelShape): Uint8Array<ArrayBuffer> {
  const { MR, NV, U, fma } = shape;
  const NR = 4 * NV;
  const f = new Body([I32, I32, I32, I32, I32, I32, I32, I32]);
  const [M, N, Kp, ap, bp, c, acc, scr] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => f.param(i));
  const L = () => f.local(I32);
  const ldc = L();
  const pi = L();
  const pj = L();
  const aPanel = L();
  const bPanel = L();
  const a = L();
  const b = L();
  const kk = L();
  const cTile = L();
  const r = L();
  const q = L();
  const rows = L();
  const cols = L();
  const dst = L();
  const t = f.local(F32);
  const accs: Local[][] = Array.from({ length: MR }, () => Array.from({ length: NV }, () => f.local(V128)));
  const bv: Local[] = Array.from({ length: NV }, () => f.local(V128));
  const av = f.local(V128);
  const aStride = MR * 4; // bytes per k in an A panel
  const bStride = NR * 4;
  const zero = () => f.simd(simd.const, ...new Array(16).fill(0));

  const x: Ctx = { f, MR, NV, U, fma, NR, M, N, Kp, ap, bp, c, acc, scr, ldc, pi, pj, aPanel, bPanel, a, b, kk, cTile, r, q, rows, cols, dst, t, accs, bv, av, aStride, bStride, zero };
  const { microKernel, storeTile } = tileSteps(x);
  f.get(N).i32(4).op(op.i32Mul).set(ldc);
  f.get(bp).set(bPanel);
  f.i32(0).set(pj);
  f.block(() =>
    f.loop(() => {
      f.get(pj).get(N).op(op.i32GeS).brIf(1);
      f.get(ap).set(aPanel);
      f.i32(0).set(pi);
      f.block(() =>
        f.loop(() => {
          f.get(pi).get(M).op(op.i32GeS).brIf(1);
          microKernel();
          storeTile();
          f.get(aPanel).get(Kp).i32(aStride).op(op.i32Mul).op(op.i32Add).set(aPanel);
          f.get(pi).i32(MR).op(op.i32Add).set(pi);
          f.br(0);
        }),
      );
      f.get(bPanel).get(Kp).i32(bStride).op(op.i32Mul).op(op.i32Add).set(bPanel);
      f.get(pj).i32(NR).op(op.i32Add).set(pj);
      f.br(0);
    }),
  );

  return encodeModule([{ name: 'gemm', body: f }]);
}

/** What the tile steps of gemmModule share: the body, the tile shape and the locals. */
interface Ctx {
  f: Body;
  MR: number; NV: number; U: number; fma: boolean; NR: number;
  M: Local; N: Local; Kp: Local; ap: Local; bp: Local; c: Local; acc: Local; scr: Local;
  ldc: Local; pi: Local; pj: Local; aPanel: Local; bPanel: Local; a: Local; b: Local; kk: Local; cTile: Local;
  r: Local; q: Local; rows: Local; cols: Local; dst: Local; t: Local;
  accs: Local[][]; bv: Local[]; av: Local; aStride: number; bStride: number; zero: () => Body;
}

/** The micro-kernel and the tile store of gemmModule, emitted into x.f. */
function tileSteps(x: Ctx) {
  const { f, MR, NV, U, fma, NR, M, N, Kp, c, acc, scr, ldc, pi, pj, aPanel, bPanel, a, b, kk, cTile, r, q, rows, cols, dst, t, accs, bv, av, aStride, bStride, zero } = x;
  /** accs ← Σ_k A panel (k, ·) ⊗ B panel (k, ·), U values of k per pass. */
  function microKernel() {
    for (const row of accs) for (const x of row) zero().set(x);
    f.get(aPanel).set(a);
    f.get(bPanel).set(b);
    f.get(Kp).set(kk);
    f.block(() =>
      f.loop(() => {
        f.get(kk).op(op.i32Eqz).brIf(1);
        for (let u = 0; u < U; u++) {
          for (let v = 0; v < NV; v++) f.get(b).simd(simd.load, ...memarg(2, (u * NR + 4 * v) * 4)).set(bv[v]);
          for (let i = 0; i < MR; i++) {
            f.get(a).simd(simd.load32Splat, ...memarg(2, (u * MR + i) * 4)).set(av);
            for (let v = 0; v < NV; v++) {
              if (fma) f.get(av).get(bv[v]).get(accs[i][v]).simd(simd.f32x4RelaxedMadd);
              else f.get(accs[i][v]).get(av).get(bv[v]).simd(simd.f32x4Mul).simd(simd.f32x4Add);
              f.set(accs[i][v]);
            }
          }
        }
        f.get(a).i32(U * aStride).op(op.i32Add).set(a);
        f.get(b).i32(U * bStride).op(op.i32Add).set(b);
        f.get(kk).i32(U).op(op.i32Sub).set(kk);
        f.br(0);
      }),
    );
  }

  /** The tile into C: whole when it lies inside, else through the scratch tile, entry by entry. */
  function storeTile() {
    f.get(c).get(pi).get(ldc).op(op.i32Mul).op(op.i32Add).get(pj).i32(4).op(op.i32Mul).op(op.i32Add).set(cTile);
    f.get(pi).i32(MR).op(op.i32Add).get(M).op(op.i32LeS);
    f.get(pj).i32(NR).op(op.i32Add).get(N).op(op.i32LeS);
    f.op(op.i32And);
    f.ifElse(
      () => {
        // Inside: row i's address is cTile + i·ldc, vector v at the static offset 16·v.
        const rowAddr = (i: number) => {
          f.get(cTile);
          if (i > 0) f.get(ldc).i32(i).op(op.i32Mul).op(op.i32Add);
        };
        f.get(acc).ifElse(
          () => {
            for (let i = 0; i < MR; i++)
              for (let v = 0; v < NV; v++) {
                rowAddr(i);
                rowAddr(i);
                f.simd(simd.load, ...memarg(2, 16 * v)).get(accs[i][v]).simd(simd.f32x4Add).simd(simd.store, ...memarg(2, 16 * v));
              }
          },
          () => {
            for (let i = 0; i < MR; i++)
              for (let v = 0; v < NV; v++) {
                rowAddr(i);
                f.get(accs[i][v]).simd(simd.store, ...memarg(2, 16 * v));
              }
          },
        );
      },
      () => edgeTile(),
    );
  }

  /** An edge tile: accumulators to the scratch tile, then the entries with row < M and column < N into C. */
  function edgeTile() {
    for (let i = 0; i < MR; i++) for (let v = 0; v < NV; v++) f.get(scr).get(accs[i][v]).simd(simd.store, ...memarg(2, (i * NR + 4 * v) * 4));
    minInto(rows, () => f.get(M).get(pi).op(op.i32Sub), MR);
    minInto(cols, () => f.get(N).get(pj).op(op.i32Sub), NR);
    f.i32(0).set(r);
    f.block(() =>
      f.loop(() => {
        f.get(r).get(rows).op(op.i32GeS).brIf(1);
        f.i32(0).set(q);
        f.block(() =>
          f.loop(() => {
            f.get(q).get(cols).op(op.i32GeS).brIf(1);
            // dst = cTile + r·ldc + q·4 ← scr[r·NR + q] (+ dst when accumulating)
            f.get(cTile).get(r).get(ldc).op(op.i32Mul).op(op.i32Add).get(q).i32(4).op(op.i32Mul).op(op.i32Add).set(dst);
            f.get(dst);
            f.get(scr).get(r).i32(NR).op(op.i32Mul).get(q).op(op.i32Add).i32(4).op(op.i32Mul).op(op.i32Add).op(op.f32Load, ...memarg(2, 0));
            f.set(t);
            f.get(acc).if_(() => f.get(t).get(dst).op(op.f32Load, ...memarg(2, 0)).op(op.f32Add).set(t));
            f.get(t).op(op.f32Store, ...memarg(2, 0));
            f.get(q).i32(1).op(op.i32Add).set(q);
            f.br(0);
          }),
        );
        f.get(r).i32(1).op(op.i32Add).set(r);
        f.br(0);
      }),
    );
  }

  /** dst ← min(value(), cap). */
  function minInto(dst: Local, value: () => void, cap: number) {
    value();
    f.set(dst);
    f.get(dst).i32(cap).op(op.i32GtS).if_(() => f.i32(cap).set(dst));
  }
  return { microKernel, storeTile };
}


