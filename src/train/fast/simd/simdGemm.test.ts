import { setFlagsFromString } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gemm, gemmBackend, gemmJs, setSimdKernel, SIMD_MIN_MACS } from '../gemm';
import { createSimdGemm, validKernel, type SimdGemm } from './simdGemm';

// Node 20's V8 has relaxed SIMD behind a flag; Chromium ships it. Turned on here so the FMA kernel is tested too.
setFlagsFromString('--experimental-wasm-relaxed-simd');

/** A seeded stream in [−1, 1). */
function stream(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

const fill = (n: number, r: () => number) => Float32Array.from({ length: n }, r);

/** Largest |a − b| / max(1, |a|). */
function worst(a: Float32Array, b: Float32Array): number {
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i])));
  return Number.isNaN(w) ? Infinity : w;
}

/** The SIMD kernel against the plain-JS loops on one shape, at offsets, overwriting then accumulating; the bytes around C stay. */
function compare(s: SimdGemm, M: number, N: number, K: number, ta: boolean, tb: boolean, seed: number) {
  const r = stream(seed);
  const [aOff, bOff, cOff] = [3, 5, 7];
  const A = fill(aOff + M * K + 2, r);
  const B = fill(bOff + K * N + 2, r);
  const C0 = fill(cOff + M * N + 4, r);
  for (const acc of [false, true]) {
    const want = C0.slice();
    const got = C0.slice();
    gemmJs(M, N, K, A, aOff, ta, B, bOff, tb, want, cOff, acc);
    s.run(M, N, K, A, aOff, ta, B, bOff, tb, got, cOff, acc);
    expect(worst(want, got), `${M}×${N}×${K} transA=${ta} transB=${tb} accumulate=${acc}`).toBeLessThan(1e-5);
    // outside C's M×N entries nothing moved
    expect(Array.from(got.subarray(0, cOff))).toEqual(Array.from(C0.subarray(0, cOff)));
    expect(Array.from(got.subarray(cOff + M * N))).toEqual(Array.from(C0.subarray(cOff + M * N)));
  }
}

// Remainders of every kind against the 4×8 tile and the k unroll of 4: M mod 4, N mod 8 (and mod 4), K mod 4, and 1s.
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [1, 9, 3],
  [3, 7, 5],
  [4, 8, 4],
  [5, 13, 17],
  [8, 16, 32],
  [17, 33, 19],
  [6, 10, 257],
  [31, 3, 64],
  [64, 72, 30],
  [128, 10, 256],
];

const kernels: [string, SimdGemm | null][] = [
  ['plain SIMD', createSimdGemm({ fma: false })],
  ['relaxed-SIMD multiply-add', createSimdGemm({ fma: true })],
];

describe('SIMD gemm against the plain-JS gemm', () => {
  it('Node validates the plain SIMD kernel (so the cases below run)', () => {
    expect(kernels[0][1]).not.toBeNull();
  });
  for (const [name, s] of kernels)
    describe(name, () => {
      it.skipIf(!s).each(SHAPES)('M=%i N=%i K=%i, all four transposes, at offsets, overwrite and accumulate', (M, N, K) => {
        let seed = M * 1000 + N * 10 + K;
        for (const ta of [false, true]) for (const tb of [false, true]) compare(s!, M, N, K, ta, tb, seed++);
      });
      it.skipIf(!s)('one kernel serves products of changing sizes (memory grows, later small products still right)', () => {
        compare(s!, 300, 260, 270, false, true, 1);
        compare(s!, 5, 3, 2, true, false, 2);
        compare(s!, 300, 260, 270, true, false, 3);
      });
    });
  it('the multiply-add kernel is what relaxed SIMD validates to', () => {
    expect(kernels[1][1]?.fma ?? false).toBe(validKernel(true) !== null);
    expect(kernels[0][1]?.fma).toBe(false);
  });
});

describe('gemm dispatch', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setSimdKernel(undefined);
  });

  /** A SIMD kernel that counts its calls. */
  function counting() {
    const real = createSimdGemm()!;
    const counter = { calls: 0 };
    const s: SimdGemm = { fma: real.fma, run: (...a) => (counter.calls++, real.run(...a)) };
    return { s, counter };
  }

  it('products of at least SIMD_MIN_MACS go to the SIMD kernel, smaller ones to the JS loops', () => {
    const { s, counter } = counting();
    setSimdKernel(s);
    const big = [32, 32, Math.ceil(SIMD_MIN_MACS / 1024)] as const;
    const small = [8, 8, Math.floor((SIMD_MIN_MACS - 1) / 64)] as const;
    for (const [M, N, K] of [big, small]) {
      const r = stream(M);
      const A = fill(M * K, r);
      const B = fill(K * N, r);
      const want = new Float32Array(M * N);
      const got = new Float32Array(M * N);
      gemmJs(M, N, K, A, 0, false, B, 0, false, want, 0, false);
      gemm(M, N, K, A, 0, false, B, 0, false, got, 0, false);
      expect(worst(want, got)).toBeLessThan(1e-5);
    }
    expect(counter.calls).toBe(1);
  });

  it('without WebAssembly SIMD (validate says no) every product runs on the JS loops, with the same results', () => {
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: () => false });
    setSimdKernel(undefined);
    expect(createSimdGemm()).toBeNull();
    expect(gemmBackend()).toBe('js');
    const [M, N, K] = [40, 24, 30];
    const r = stream(9);
    const A = fill(M * K, r);
    const B = fill(N * K, r);
    const want = new Float32Array(M * N);
    const got = new Float32Array(M * N);
    // hand-rolled reference, no gemm involved
    for (let i = 0; i < M; i++)
      for (let j = 0; j < N; j++) {
        let v = 0;
        for (let k = 0; k < K; k++) v += A[i * K + k] * B[j * K + k];
        want[i * N + j] = v;
      }
    gemm(M, N, K, A, 0, false, B, 0, true, got, 0, false);
    expect(worst(want, got)).toBeLessThan(1e-5);
  });

  it('without WebAssembly at all the JS loops run', () => {
    vi.stubGlobal('WebAssembly', undefined);
    setSimdKernel(undefined);
    expect(gemmBackend()).toBe('js');
  });

  it('where SIMD validates, large products use it', () => {
    setSimdKernel(undefined);
    expect(gemmBackend()).not.toBe('js');
  });
});
