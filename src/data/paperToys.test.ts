import { describe, expect, it } from 'vitest';
import { gradnormToy, mmoeSynthetic } from './paperToys';

const cos = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return ab / Math.sqrt(aa * bb);
};
const std = (v: Float32Array) => {
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
};
const corr = (a: Float32Array, b: Float32Array) => {
  const ma = a.reduce((s, x) => s + x, 0) / a.length;
  const mb = b.reduce((s, x) => s + x, 0) / b.length;
  return cos(a.map((v) => v - ma), b.map((v) => v - mb));
};

describe('MMoE synthetic data (Ma et al. 2018)', () => {
  it('the two weight vectors have cosine exactly p and norm c', () => {
    for (const p of [-1, -0.5, 0, 0.3, 0.9, 1]) {
      const { w } = mmoeSynthetic(10, 16, p, 7);
      expect(cos(w[0], w[1])).toBeCloseTo(p, 10);
      expect(Math.hypot(...w[0])).toBeCloseTo(1, 10);
      expect(Math.hypot(...w[1])).toBeCloseTo(1, 10);
    }
  });
  it('the labels follow the knob: correlated at p = 0.9, nearly uncorrelated at p = 0, and seeded', () => {
    const hi = mmoeSynthetic(4000, 16, 0.9, 3);
    const zero = mmoeSynthetic(4000, 16, 0, 3);
    expect(corr(hi.y[0], hi.y[1])).toBeGreaterThan(0.6);
    expect(Math.abs(corr(zero.y[0], zero.y[1]))).toBeLessThan(0.15);
    expect(mmoeSynthetic(50, 16, 0.5, 3).y[0]).toEqual(mmoeSynthetic(50, 16, 0.5, 3).y[0]);
    expect(mmoeSynthetic(50, 16, 0.5, 4).y[0]).not.toEqual(mmoeSynthetic(50, 16, 0.5, 3).y[0]);
  });
});

describe('GradNorm toy (Chen et al. 2018)', () => {
  it('each task’s spread is its σ: the scale ratio of the tasks is the ratio of their σ', () => {
    const { y } = gradnormToy(4000, 32, [1, 10, 100], 5);
    const s = y.map(std);
    expect(s[1] / s[0]).toBeGreaterThan(8);
    expect(s[1] / s[0]).toBeLessThan(12.5);
    expect(s[2] / s[0]).toBeGreaterThan(80);
    expect(s[2] / s[0]).toBeLessThan(125);
    for (let t = 0; t < 3; t++) for (const v of y[t]) expect(Math.abs(v)).toBeLessThanOrEqual([1, 10, 100][t]);
  });
  it('tasks share structure (B) but are not identical (ε_t)', () => {
    const { y } = gradnormToy(3000, 32, [1, 1], 5);
    const r = corr(y[0], y[1]);
    expect(r).toBeGreaterThan(0.5);
    expect(r).toBeLessThan(0.99);
  });
});
