/**
 * gemm on WebAssembly SIMD: packs op(A) and op(B) from the caller's Float32Arrays straight into one wasm
 * memory (panels of kernel.ts's layout, zero-padded), runs the generated micro-kernel into a C region there,
 * and copies (or adds) C back. The memory grows when a product needs more; nothing is allocated per call
 * once it is large enough.
 */
import { DEFAULT_SHAPE, gemmModule, type KernelShape } from './kernel';

export interface SimdGemm {
  /** Same signature and semantics as gemm() in ../gemm.ts. */
  run(
    M: number, N: number, K: number,
    A: Float32Array, aOff: number, transA: boolean,
    B: Float32Array, bOff: number, transB: boolean,
    C: Float32Array, cOff: number, accumulate: boolean,
  ): void;
  /** true when the kernel uses relaxed-SIMD multiply-add */
  readonly fma: boolean;
}

type KernelFn = (M: number, N: number, Kp: number, ap: number, bp: number, c: number, acc: number, scr: number) => void;

const PAGE = 65536;
const up = (n: number, m: number) => Math.ceil(n / m) * m;

/** Module bytes of the kernel, when this engine validates them (no WebAssembly or no SIMD: null). */
export function validKernel(fma: boolean, shape = DEFAULT_SHAPE): Uint8Array<ArrayBuffer> | null {
  if (typeof WebAssembly === 'undefined' || typeof WebAssembly.validate !== 'function') return null;
  const bytes = gemmModule({ ...shape, fma });
  try {
    return WebAssembly.validate(bytes) ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * A SIMD gemm, or null where WebAssembly SIMD does not validate. `fma`: 'auto' uses relaxed-SIMD multiply-add
 * when it validates, true/false force it (true and not valid: null).
 */
export function createSimdGemm(opts: { fma?: boolean | 'auto'; shape?: Omit<KernelShape, 'fma'> } = {}): SimdGemm | null {
  const shape = opts.shape ?? DEFAULT_SHAPE;
  const want = opts.fma ?? 'auto';
  const fmaBytes = want === false ? null : validKernel(true, shape);
  if (want === true && !fmaBytes) return null;
  const bytes = fmaBytes ?? validKernel(false, shape);
  if (!bytes) return null;
  const mem = new WebAssembly.Memory({ initial: 16 });
  let kernel: KernelFn;
  try {
    kernel = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { mem } }).exports.gemm as KernelFn;
  } catch {
    return null;
  }
  const { MR, NV, U } = shape;
  const NR = 4 * NV;
  let f32 = new Float32Array(mem.buffer);
  /** Float index of the scratch tile (at 0), then the panels and C. */
  const SCR = 0;
  const AP = up(MR * NR, 64);

  /** Grows the memory to hold `floats` floats (views re-made only when it grew). */
  const ensure = (floats: number) => {
    const bytesNeeded = floats * 4 + 64;
    if (bytesNeeded > mem.buffer.byteLength) {
      mem.grow(Math.ceil((bytesNeeded - mem.buffer.byteLength) / PAGE));
      f32 = new Float32Array(mem.buffer);
    }
  };

  function run(
    M: number, N: number, K: number,
    A: Float32Array, aOff: number, transA: boolean,
    B: Float32Array, bOff: number, transB: boolean,
    C: Float32Array, cOff: number, accumulate: boolean,
  ): void {
    if (M <= 0 || N <= 0) return;
    const Kp = up(Math.max(K, 1), U);
    const Mp = up(M, MR);
    const Np = up(N, NR);
    const ap = AP;
    const bp = up(ap + Mp * Kp, 16);
    const cp = up(bp + Np * Kp, 16);
    ensure(cp + M * N);
    const m = f32;
    packA(m, ap, M, K, Kp, A, aOff, transA);
    packB(m, bp, N, K, Kp, B, bOff, transB);
    kernel(M, N, Kp, ap * 4, bp * 4, cp * 4, 0, SCR * 4);
    const n = M * N;
    if (accumulate) for (let t = 0; t < n; t++) C[cOff + t] += m[cp + t];
    else for (let t = 0; t < n; t++) C[cOff + t] = m[cp + t];
  }

  /** op(A) into panels of MR rows: entry (i, k) at ap + (⌊i/MR⌋·Kp + k)·MR + i mod MR; padding zero. */
  function packA(m: Float32Array, ap: number, M: number, K: number, Kp: number, A: Float32Array, aOff: number, transA: boolean) {
    if (M % MR || Kp !== K) m.fill(0, ap, ap + up(M, MR) * Kp);
    const panel = Kp * MR;
    if (transA) {
      // A stored K×M: row k of the store is entry k of every panel.
      for (let k = 0; k < K; k++) {
        const src = aOff + k * M;
        let i = 0;
        let dst = ap + k * MR;
        for (; i + MR <= M; i += MR, dst += panel) for (let r = 0; r < MR; r++) m[dst + r] = A[src + i + r];
        for (; i < M; i++) m[dst + (i % MR)] = A[src + i];
      }
    } else {
      for (let i = 0; i < M; i++) {
        const src = aOff + i * K;
        const dst = ap + Math.floor(i / MR) * panel + (i % MR);
        for (let k = 0; k < K; k++) m[dst + k * MR] = A[src + k];
      }
    }
  }

  /** op(B) into panels of NR columns: entry (k, j) at bp + (⌊j/NR⌋·Kp + k)·NR + j mod NR; padding zero. */
  function packB(m: Float32Array, bp: number, N: number, K: number, Kp: number, B: Float32Array, bOff: number, transB: boolean) {
    if (N % NR || Kp !== K) m.fill(0, bp, bp + up(N, NR) * Kp);
    const panel = Kp * NR;
    if (transB) {
      // B stored N×K: row j of the store is column j of op(B).
      for (let j = 0; j < N; j++) {
        const src = bOff + j * K;
        const dst = bp + Math.floor(j / NR) * panel + (j % NR);
        for (let k = 0; k < K; k++) m[dst + k * NR] = B[src + k];
      }
    } else {
      for (let k = 0; k < K; k++) {
        const src = bOff + k * N;
        let j = 0;
        let dst = bp + k * NR;
        for (; j + NR <= N; j += NR, dst += panel) for (let c = 0; c < NR; c++) m[dst + c] = B[src + j + c];
        for (; j < N; j++) m[dst + (j % NR)] = B[src + j];
      }
    }
  }

  return { run, fma: bytes === fmaBytes };
}
