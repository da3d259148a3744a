/**
 * MultiMNIST as in Sener & Koltun 2018: digit A at the top-left of a 36×36 canvas, digit B shifted
 * 6 px down and right, pixel-wise max, then resized to 28×28 by area averaging. Pairs come from the
 * seed; training pairs draw from 80% of each class's digits and validation pairs from the other 20%.
 */
import { deriveSeed, makeRng, permutation } from '../../data/rng';
import type { DatasetArrays, TaskSpec } from '../../model';
import type { DatasetBuilder } from '../build';
import type { MultiMnistConfig } from './schema';

export const SIDE = 28;
export const CANVAS = 36;
export const SHIFT = 6;

/** MNIST digits by class: byClass[c] holds count·784 grey levels in [0, 1], row-major. */
export interface MnistDigits {
  byClass: Float32Array[];
}

/** The 36×36 canvas: A at (0, 0), B at (SHIFT, SHIFT), pixel-wise max. Inputs are 28×28 row-major. */
export function overlayCanvas(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
  const c = new Float32Array(CANVAS * CANVAS);
  for (let r = 0; r < SIDE; r++) for (let q = 0; q < SIDE; q++) c[r * CANVAS + q] = a[r * SIDE + q];
  for (let r = 0; r < SIDE; r++)
    for (let q = 0; q < SIDE; q++) {
      const j = (r + SHIFT) * CANVAS + q + SHIFT;
      c[j] = Math.max(c[j], b[r * SIDE + q]);
    }
  return c;
}

/** 1D area-resampling weights from n source cells to m output cells (rows sum to 1). */
function areaWeights(n: number, m: number): Float64Array {
  const w = new Float64Array(m * n);
  const s = n / m;
  for (let i = 0; i < m; i++) {
    const lo = i * s;
    const hi = lo + s;
    for (let k = Math.floor(lo); k < Math.min(n, Math.ceil(hi)); k++) w[i * n + k] = (Math.min(hi, k + 1) - Math.max(lo, k)) / s;
  }
  return w;
}
const W = areaWeights(CANVAS, SIDE);
/** Per output cell, the source cells it overlaps (at most 3): [first, last] inclusive. */
const SPAN = Array.from({ length: SIDE }, (_, j) => {
  let lo = CANVAS;
  let hi = -1;
  for (let k = 0; k < CANVAS; k++) if (W[j * CANVAS + k] > 0) (lo = Math.min(lo, k)), (hi = k);
  return [lo, hi] as const;
});

/** Area-average a 36×36 image down to 28×28 (separable; preserves the mean grey level). */
export function resizeArea(c: Float32Array): Float32Array {
  const tmp = new Float64Array(CANVAS * SIDE); // rows 36 × cols 28
  for (let r = 0; r < CANVAS; r++)
    for (let j = 0; j < SIDE; j++) {
      let v = 0;
      for (let k = SPAN[j][0]; k <= SPAN[j][1]; k++) v += W[j * CANVAS + k] * c[r * CANVAS + k];
      tmp[r * SIDE + j] = v;
    }
  const out = new Float32Array(SIDE * SIDE);
  for (let i = 0; i < SIDE; i++)
    for (let j = 0; j < SIDE; j++) {
      let v = 0;
      for (let k = SPAN[i][0]; k <= SPAN[i][1]; k++) v += W[i * CANVAS + k] * tmp[k * SIDE + j];
      out[i * SIDE + j] = v;
    }
  return out;
}

/** One MultiMNIST image (28×28) from two digits. */
export function composePair(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
  return resizeArea(overlayCanvas(a, b));
}

/** Generate nTrain + nVal pairs deterministically from the seed; targets 'left' and 'right' are the digits' classes. */
export function generateMultiMnist(cfg: MultiMnistConfig, tasks: TaskSpec[], seed: number, digits: MnistDigits): DatasetArrays {
  const px = SIDE * SIDE;
  const rng = makeRng(deriveSeed(seed, 'multimnist'));
  // Per class: a seeded split of digit indices into a training pool (80%) and a validation pool.
  const pools = digits.byClass.map((imgs, c) => {
    const n = Math.floor(imgs.length / px);
    const perm = permutation(n, makeRng(deriveSeed(seed, 'mnist:split:' + c)));
    const cut = Math.max(1, Math.floor(n * 0.8));
    return { train: perm.slice(0, cut), val: perm.slice(cut).length ? perm.slice(cut) : perm.slice(0, 1) };
  });
  const make = (n: number, which: 'train' | 'val') => {
    const x = new Float32Array(n * px);
    const left = new Float32Array(n);
    const right = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const ca = rng.int(10);
      const cb = rng.int(10);
      const pa = pools[ca][which];
      const pb = pools[cb][which];
      const ia = pa[rng.int(pa.length)];
      const ib = pb[rng.int(pb.length)];
      x.set(composePair(digits.byClass[ca].subarray(ia * px, (ia + 1) * px), digits.byClass[cb].subarray(ib * px, (ib + 1) * px)), i * px);
      left[i] = ca;
      right[i] = cb;
    }
    return { x, left, right };
  };
  const nTrain = Math.max(1, Math.round(cfg.nTrain));
  const nVal = Math.max(1, Math.round(cfg.nVal));
  const tr = make(nTrain, 'train');
  const va = make(nVal, 'val');
  const pick = (id: string, d: typeof tr) => (id === 'right' ? d.right : d.left);
  const yTrain: Record<string, Float32Array> = {};
  const yVal: Record<string, Float32Array> = {};
  for (const t of tasks) {
    yTrain[t.id] = pick(t.id, tr).slice();
    yVal[t.id] = pick(t.id, va).slice();
  }
  return { inputDim: px, xTrain: tr.x, xVal: va.x, nTrain, nVal, yTrain, yVal };
}

declare module '../build' {
  interface DataSources {
    digits?: MnistDigits;
  }
  interface DatasetBuilders {
    multimnist: true;
  }
}

export const builder: DatasetBuilder<'multimnist'> = {
  kind: 'multimnist',
  async load() {
    // The digits are one app-served file, fetched on first use (never part of a bundle).
    const { loadMnistDigits } = await import('./digits');
    return { digits: await loadMnistDigits() };
  },
  generate(ds, tasks, seed, sources) {
    if (!sources.digits) throw new Error('MNIST digits are not loaded');
    return generateMultiMnist(ds, tasks, seed, sources.digits);
  },
};
