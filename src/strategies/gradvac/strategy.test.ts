import { describe, expect, it } from 'vitest';
import { combine, dot, fill, gramOf } from '../_shared';
import { gradvacStep } from './strategy';

const cos = (a: number[], b: number[]) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));

describe('GradVac', () => {
  it('first step (targets 0) projects like PCGrad; the targets become β·ρ', () => {
    // g1 = (1,0), g2 = (−1,1): ρ = −1/√2 < 0. i=1: w = ‖g1‖(0 − ρ·1)/(‖g2‖·1) = (1/√2)/√2 = ½ ⇒ g1' = (½,½).
    // i=2: w = √2·(1/√2)/1 = 1 ⇒ g2' = (0,1). α = (1+1, ½+1) = (2, 1.5) (up to the 1e-8 guards).
    const g = [[1, 0], [-1, 1]];
    const rho = [fill(2, 0), fill(2, 0)];
    const a = gradvacStep(gramOf(g), [[1], [0]], rho, 0.5);
    expect(a[0]).toBeCloseTo(2, 7);
    expect(a[1]).toBeCloseTo(1.5, 7);
    expect(rho[0][1]).toBeCloseTo(-0.5 / Math.SQRT2, 7);
    expect(rho[1][0]).toBeCloseTo(-0.5 / Math.SQRT2, 7);
  });

  it('second step: g1 is pulled only up to the target cosine ρ̂ = −1/(2√2)', () => {
    // ρ̂ = −0.353553, √(1−ρ̂²) = √(7/8) = 0.935414, √(1−ρ²) = 0.707107:
    // w = 1·(−0.353553·0.707107 + 0.707107·0.935414)/(√2·0.935414) = (−0.25 + 0.661438)/1.322876 = 0.311018.
    const g = [[1, 0], [-1, 1]];
    const rho = [[0, -0.5 / Math.SQRT2], [-0.5 / Math.SQRT2, 0]];
    const a = gradvacStep(gramOf(g), [[1], [0]], rho, 0.5);
    const w1 = (-0.25 + Math.sqrt(0.5) * Math.sqrt(7 / 8)) / (Math.SQRT2 * Math.sqrt(7 / 8));
    expect(w1).toBeCloseTo(0.311018, 6);
    // g1' = g1 + w1·g2 has cosine ρ̂ with g2 (its definition); g2' = g2 + w2·g1 with w2 = ‖g2‖/‖g1‖·(same)/1 = 2·w1.
    const g1p = combine([1, w1], g);
    expect(cos(g1p, g[1])).toBeCloseTo(-0.5 / Math.SQRT2, 7);
    expect(a[0]).toBeCloseTo(1 + 2 * w1, 7);
    expect(a[1]).toBeCloseTo(w1 + 1, 7);
    // targets move halfway to the measured −1/√2: −0.53033.
    expect(rho[0][1]).toBeCloseTo(-0.75 / Math.SQRT2, 7);
  });

  it('three tasks: a pair whose cosine is above its target is left alone', () => {
    // g1 ⟂ g2 ⟂ g3 with targets 0: ρ = 0 is not < 0 ⇒ α = 1 each; targets stay 0.
    const rho = [fill(3, 0), fill(3, 0), fill(3, 0)];
    expect(gradvacStep(gramOf([[1, 0, 0], [0, 2, 0], [0, 0, 3]]), [[1, 2], [0, 2], [0, 1]], rho, 0.5)).toEqual([1, 1, 1]);
    expect(rho.flat().every((x) => x === 0)).toBe(true);
  });
});
