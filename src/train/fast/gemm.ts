import { createSimdGemm, type SimdGemm } from './simd/simdGemm';

/**
 * General matrix product of the JS engine, the one entry point for every large product (Dense at scale,
 * conv via im2col): C[M×N] (+)= op(A)[M×K] · op(B)[K×N], row-major, with offsets into flat Float32Arrays.
 * - transA: A is stored K×M (A[k·M + i]); otherwise M×K (A[i·K + k]).
 * - transB: B is stored N×K (B[j·K + k]); otherwise K×N (B[k·N + j]).
 * - accumulate: add into C; otherwise overwrite it.
 * Products of at least SIMD_MIN_MACS multiply-adds run on the WebAssembly SIMD kernel (simd/) where it
 * validates; the rest, and every product where it does not, on the plain-JS loops (gemmJs).
 */
export function gemm(
  M: number, N: number, K: number,
  A: Float32Array, aOff: number, transA: boolean,
  B: Float32Array, bOff: number, transB: boolean,
  C: Float32Array, cOff: number, accumulate: boolean,
): void {
  if (M * N * K >= SIMD_MIN_MACS) {
    const s = simdKernel();
    if (s) return s.run(M, N, K, A, aOff, transA, B, bOff, transB, C, cOff, accumulate);
  }
  gemmJs(M, N, K, A, aOff, transA, B, bOff, transB, C, cOff, accumulate);
}

/**
 * Smallest product (M·N·K multiply-adds) sent to the SIMD kernel. Below it the kernel's packing and copies
 * cost more than they save (measured: simd/README figures in the project README).
 */
export const SIMD_MIN_MACS = 16_384;

/** undefined: not yet detected; null: no SIMD here (or switched off). */
let simd: SimdGemm | null | undefined;

/** The SIMD kernel large products use, detected on first use (null where WebAssembly SIMD does not validate). */
export function simdKernel(): SimdGemm | null {
  if (simd === undefined) simd = createSimdGemm();
  return simd;
}

/** What large products run on: relaxed-SIMD multiply-add, plain SIMD, or the JS loops. */
export function gemmBackend(): 'simd-fma' | 'simd' | 'js' {
  const s = simdKernel();
  return !s ? 'js' : s.fma ? 'simd-fma' : 'simd';
}

/** Tests and benchmarks: force a kernel (null: the JS loops everywhere), or undefined to detect again. */
export function setSimdKernel(s: SimdGemm | null | undefined): void {
  simd = s;
}

/** Whether a product of `macs` multiply-adds runs on the SIMD kernel (callers with faster JS loops of their own keep those otherwise). */
export function usesSimd(macs: number): boolean {
  return macs >= SIMD_MIN_MACS && simdKernel() !== null;
}

/** gemm on plain-JS loops (any size; the reference the SIMD kernel is tested against). */
export function gemmJs(
  M: number, N: number, K: number,
  A: Float32Array, aOff: number, transA: boolean,
  B: Float32Array, bOff: number, transB: boolean,
  C: Float32Array, cOff: number, accumulate: boolean,
): void {
  if (!accumulate) C.fill(0, cOff, cOff + M * N);
  if (!transB) {
    // C row i += a(i,k) · B row k: the inner loop runs along contiguous rows of B and C.
    for (let i = 0; i < M; i++) {
      const c = cOff + i * N;
      for (let k = 0; k < K; k++) {
        const a = transA ? A[aOff + k * M + i] : A[aOff + i * K + k];
        if (a === 0) continue;
        const b = bOff + k * N;
        for (let j = 0; j < N; j++) C[c + j] += a * B[b + j];
      }
    }
    return;
  }
  // B stored N×K: each C entry is a dot product of an A row (or column) with a B row.
  for (let i = 0; i < M; i++) {
    const c = cOff + i * N;
    for (let j = 0; j < N; j++) {
      const b = bOff + j * K;
      let s = 0;
      if (transA) for (let k = 0; k < K; k++) s += A[aOff + k * M + i] * B[b + k];
      else {
        const a = aOff + i * K;
        for (let k = 0; k < K; k++) s += A[a + k] * B[b + k];
      }
      C[c + j] += s;
    }
  }
}
