import { afterEach, describe, expect, it } from 'vitest';
import { setSimdKernel, usesSimd } from './gemm';
import { accuracy, activationBackward, adamStep, binaryLoss, denseBackward, denseForward, momentumStep, softmaxLoss, softplus, squaredLoss } from './kernels';

const f32 = (xs: number[]) => Float32Array.from(xs);

describe('JS engine kernels (hand-worked values)', () => {
  // x = [[1, 2]], W = [[1, -1], [0.5, 2]], b = [0.5, -4]
  // x·W + b = [1 + 1 + 0.5, −1 + 4 − 4] = [2.5, −1] → relu [2.5, 0]
  const P = f32([1, -1, 0.5, 2, 0.5, -4]);
  it('dense forward with bias and relu', () => {
    const out = new Float32Array(2);
    denseForward(f32([1, 2]), 1, 2, 2, P, 0, 4, 'relu', out);
    expect(Array.from(out)).toEqual([2.5, 0]);
  });

  it('dense backward: dW = xᵀ·d, db = Σd, dx = d·Wᵀ', () => {
    const G = new Float32Array(6);
    const dx = new Float32Array(2);
    // d = [3, 1]: dW = [[3, 1], [6, 2]], db = [3, 1], dx = [3·1 + 1·(−1), 3·0.5 + 1·2] = [2, 3.5]
    denseBackward(f32([1, 2]), 1, 2, 2, P, G, 0, 4, f32([3, 1]), dx);
    expect(Array.from(G)).toEqual([3, 1, 6, 2, 3, 1]);
    expect(Array.from(dx)).toEqual([2, 3.5]);
  });

  it('activation derivatives from outputs', () => {
    const d = f32([1, 1, 1, 1]);
    activationBackward(d, f32([0.5, 0, -0.2, 2]), 4, 'relu');
    expect(Array.from(d)).toEqual([1, 0, 0, 1]);
    const t = f32([2]);
    activationBackward(t, f32([0.5]), 1, 'tanh'); // 2·(1 − 0.25)
    expect(t[0]).toBeCloseTo(1.5, 6);
    const s = f32([1]);
    activationBackward(s, f32([0.25]), 1, 'sigmoid'); // 0.25·0.75
    expect(s[0]).toBeCloseTo(0.1875, 6);
    const e = f32([1]);
    activationBackward(e, f32([-0.5]), 1, 'elu'); // y + 1
    expect(e[0]).toBeCloseTo(0.5, 6);
  });

  it('binary cross-entropy and its gradient', () => {
    // z = 0: loss = ln 2 for either label; z = 2, y = 1: softplus(2) − 2 = ln(1 + e⁻²) = 0.126928
    const dz = new Float32Array(2);
    const l = binaryLoss(f32([0, 2]), [0, 1], 2, dz, 0.5);
    expect(l).toBeCloseTo((Math.LN2 + 0.126928) / 2, 5);
    expect(dz[0]).toBeCloseTo(0.5 * 0.5, 6); // 0.5·(σ(0) − 0)
    expect(dz[1]).toBeCloseTo(0.5 * (1 / (1 + Math.exp(-2)) - 1), 6);
    expect(softplus(800)).toBe(800);
    expect(softplus(-800)).toBe(0);
  });

  it('softmax cross-entropy and its gradient', () => {
    // z = [0, ln 3], label 1: p = [1/4, 3/4], loss = −ln(3/4) = 0.287682
    const dz = new Float32Array(2);
    const l = softmaxLoss(f32([0, Math.log(3)]), [1], 1, 2, dz, 1);
    expect(l).toBeCloseTo(0.287682, 5);
    expect(dz[0]).toBeCloseTo(0.25, 6);
    expect(dz[1]).toBeCloseTo(-0.25, 6);
  });

  it('squared error and accuracy', () => {
    const dz = new Float32Array(2);
    // errors 1 and −2: mean (1 + 4)/2 = 2.5; dz = scale·2e = [0.5, −1] at scale 0.25
    expect(squaredLoss(f32([1, 0]), [0, 2], 2, dz, 0.25)).toBe(2.5);
    expect(Array.from(dz)).toEqual([0.5, -1]);
    expect(accuracy(f32([1, -1, 2]), [1, 1, 1], 3, 1)).toBeCloseTo(2 / 3, 6);
    expect(accuracy(f32([0, 1, 5, 2]), [1, 1], 2, 2)).toBe(0.5);
  });

  it('Adam first step moves each weight by about lr against its gradient sign', () => {
    // t = 1: m = 0.1g, v = 0.001g², αₜ = lr·√0.001/0.1 → step = lr·g/(|g| + ε) ≈ lr·sign(g)
    const p = f32([1, 1]);
    adamStep(p, f32([4, -0.5]), new Float32Array(2), new Float32Array(2), 1, 0.01);
    expect(p[0]).toBeCloseTo(0.99, 6);
    expect(p[1]).toBeCloseTo(1.01, 6);
  });

  it('momentum accumulates velocity', () => {
    const p = f32([1]);
    const acc = new Float32Array(1);
    momentumStep(p, f32([1]), acc, 0.1, 0.9); // a = 1, p = 0.9
    momentumStep(p, f32([1]), acc, 0.1, 0.9); // a = 1.9, p = 0.71
    expect(acc[0]).toBeCloseTo(1.9, 6);
    expect(p[0]).toBeCloseTo(0.71, 6);
  });
});

describe('dense kernels against the textbook loops (the blocked paths: 4 rows, 2 inputs, and their tails)', () => {
  it.each([
    [5, 3, 4],
    [8, 2, 7],
    [9, 5, 1],
  ])('B = %i, fanIn = %i, units = %i', (B, fanIn, units) => {
    const r = (i: number) => Math.sin(i * 12.9898) * 0.5;
    const x = Float32Array.from({ length: B * fanIn }, (_, i) => (i % 5 === 0 ? 0 : r(i)));
    const P = Float32Array.from({ length: fanIn * units + units }, (_, i) => r(i + 100));
    const d = Float32Array.from({ length: B * units }, (_, i) => r(i + 300));
    const bOff = fanIn * units;
    const out = new Float32Array(B * units);
    denseForward(x, B, fanIn, units, P, 0, bOff, 'linear', out);
    const G = new Float32Array(P.length);
    const dx = new Float32Array(B * fanIn);
    denseBackward(x, B, fanIn, units, P, G, 0, bOff, d, dx);
    for (let i = 0; i < B; i++)
      for (let j = 0; j < units; j++) {
        let v = P[bOff + j];
        for (let k = 0; k < fanIn; k++) v += x[i * fanIn + k] * P[k * units + j];
        expect(out[i * units + j]).toBeCloseTo(v, 5);
      }
    for (let k = 0; k < fanIn; k++)
      for (let j = 0; j < units; j++) {
        let g = 0;
        for (let i = 0; i < B; i++) g += x[i * fanIn + k] * d[i * units + j];
        expect(G[k * units + j]).toBeCloseTo(g, 5);
      }
    for (let j = 0; j < units; j++) expect(G[bOff + j]).toBeCloseTo(Array.from({ length: B }, (_, i) => d[i * units + j]).reduce((a, b) => a + b, 0), 5);
    for (let i = 0; i < B; i++)
      for (let k = 0; k < fanIn; k++) {
        let s = 0;
        for (let j = 0; j < units; j++) s += d[i * units + j] * P[k * units + j];
        expect(dx[i * fanIn + k]).toBeCloseTo(s, 5);
      }
  });
});

describe('dense kernels: the SIMD gemm path against the JS loops (within 1e-5)', () => {
  afterEach(() => setSimdKernel(undefined));
  it.each([
    [128, 784, 256, true, 'relu'],
    [33, 70, 21, true, 'tanh'],
    [7, 300, 10, false, 'linear'],
  ] as const)('B = %i, fanIn = %i, units = %i, dx: %s, %s', (B, fanIn, units, withDx, act) => {
    const r = (i: number) => Math.sin(i * 12.9898) * 0.5;
    const x = Float32Array.from({ length: B * fanIn }, (_, i) => r(i));
    const P = Float32Array.from({ length: 3 + fanIn * units + units }, (_, i) => r(i + 100));
    const d0 = Float32Array.from({ length: B * units }, (_, i) => r(i + 300));
    const [wOff, bOff] = [3, 3 + fanIn * units];
    const run = () => {
      const out = new Float32Array(B * units);
      denseForward(x, B, fanIn, units, P, wOff, bOff, act, out);
      const G = Float32Array.from(P, (_, i) => r(i + 900)); // gradients accumulate into what is there
      const dx = withDx ? Float32Array.from(x, (_, i) => r(i + 700)) : null;
      const d = d0.slice();
      activationBackward(d, out, B * units, act);
      denseBackward(x, B, fanIn, units, P, G, wOff, bOff, d, dx);
      return [out, G, dx ?? new Float32Array(0)];
    };
    setSimdKernel(undefined);
    expect(usesSimd(B * fanIn * units)).toBe(true);
    const simd = run();
    setSimdKernel(null);
    expect(usesSimd(B * fanIn * units)).toBe(false);
    const js = run();
    for (let t = 0; t < 3; t++) {
      expect(simd[t].length).toBe(js[t].length);
      let w = 0;
      for (let i = 0; i < js[t].length; i++) w = Math.max(w, Math.abs(js[t][i] - simd[t][i]) / Math.max(1, Math.abs(js[t][i])));
      expect(w, ['out', 'G', 'dx'][t]).toBeLessThan(1e-5);
    }
  });
});
