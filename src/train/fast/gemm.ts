/**
 * General matrix product of the JS engine, the one entry point for every large product (Dense at scale,
 * conv via im2col): C[M×N] (+)= op(A)[M×K] · op(B)[K×N], row-major, with offsets into flat Float32Arrays.
 * - transA: A is stored K×M (A[k·M + i]); otherwise M×K (A[i·K + k]).
 * - transB: B is stored N×K (B[j·K + k]); otherwise K×N (B[k·N + j]).
 * - accumulate: add into C; otherwise overwrite it.
 * This is the plain-JS version; a WebAssembly SIMD version may replace the body behind the same signature.
 */
export function gemm(
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
