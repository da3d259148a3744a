import { describe, expect, it } from 'vitest';
import { combine, dot, gramOf } from '../_shared';
import { configWeights } from './strategy';

const close = (got: number[], want: number[], digits = 12) => want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, digits));
const cos = (a: number[], b: number[]) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));

describe('ConFIG', () => {
  it('two orthogonal gradients of norms 2 and 1', () => {
    // units (1,0), (0,1): C = I, β = (1,1), d = (1,1), d̂ = (1,1)/√2; L = g1·d̂ + g2·d̂ = 3/√2;
    // update = L·d̂ = (3/2, 3/2) = ¾·g1 + 3/2·g2.
    close(configWeights(gramOf([[2, 0], [0, 1]])), [0.75, 1.5]);
  });

  it('two gradients at cos 0.6: g1 = (1,0), g2 = (3,4)', () => {
    // C = [[1,.6],[.6,1]], β = C⁻¹·1 = (1,1)/1.6 = (0.625, 0.625), d = 0.625·((1,0)+(0.6,0.8)) = (1, 0.5);
    // ‖d‖² = 1.25, L = (g1 + g2)·d/‖d‖ = 6/√1.25, update = L·d/‖d‖ = 4.8·(1, 0.5) = (4.8, 2.4) = 3·g1 + 0.6·g2.
    const g = [[1, 0], [3, 4]];
    const a = configWeights(gramOf(g));
    close(a, [3, 0.6]);
    const u = combine(a, g);
    expect(cos(u, g[0])).toBeCloseTo(cos(u, g[1]), 12); // equal angles
  });

  it('three tasks: the update makes equal cosines with every task gradient', () => {
    const g = [[1, 0, 0], [-0.5, 1, 0], [0.2, -0.3, 2]];
    const u = combine(configWeights(gramOf(g)), g);
    expect(cos(u, g[0])).toBeCloseTo(cos(u, g[1]), 10);
    expect(cos(u, g[1])).toBeCloseTo(cos(u, g[2]), 10);
    // and its length is Σ_i g_i·û
    expect(Math.sqrt(dot(u, u))).toBeCloseTo(g.reduce((s, gi) => s + dot(gi, u) / Math.sqrt(dot(u, u)), 0), 10);
  });

  it('a zero gradient contributes nothing; all zero gives zeros', () => {
    close(configWeights(gramOf([[2, 0], [0, 0]])), [1, 0]);
    expect(configWeights([[0, 0], [0, 0]])).toEqual([0, 0]);
  });
});
