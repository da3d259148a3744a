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
    pack(m, ap, M, K, Kp, MR, A, aOff, transA);
  }

  /** op(B) into panels of NR columns: entry (k, j) at bp + (⌊j/NR⌋·Kp + k)·NR + j mod NR; padding zero. */
  function packB(m: Float32Array, bp: number, N: number, K: number, Kp: number, B: Float32Array, bOff: number, transB: boolean) {
    // Columns of op(B) are what rows of op(A) are to packA: B stored N×K (transB) reads like A stored M×K.
    pack(m, bp, N, K, Kp, NR, B, bOff, !transB);
  }

  /**
   * `rows` vectors of length K into panels of `w`: entry (r, k) at dst + (⌊r/w⌋·Kp + k)·w + r mod w; padding zero.
   * kMajor: the source is stored K×rows (src[k·rows + r]); otherwise rows×K (src[r·K + k]).
   */
  function pack(m: Float32Array, dst0: number, rows: number, K: number, Kp: number, w: number, src: Float32Array, off: number, kMajor: boolean) {
    if (rows % w || Kp !== K) m.fill(0, dst0, dst0 + up(rows, w) * Kp);
    const panel = Kp * w;
    if (kMajor) {
      // Row k of the store is entry k of every panel.
      for (let k = 0; k < K; k++) {
        const s0 = off + k * rows;
        let r = 0;
        let dst = dst0 + k * w;
        for (; r + w <= rows; r += w, dst += panel) for (let c = 0; c < w; c++) m[dst + c] = src[s0 + r + c];
        for (; r < rows; r++) m[dst + (r % w)] = src[s0 + r];
      }
    } else {
      for (let r = 0; r < rows; r++) {
        const s0 = off + r * K;
        const dst = dst0 + Math.floor(r / w) * panel + (r % w);
        for (let k = 0; k < K; k++) m[dst + k * w] = src[s0 + k];
      }
    }
  }

  return { run, fma: bytes === fmaBytes };
}
