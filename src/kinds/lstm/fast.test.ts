import { describe, expect, it } from 'vitest';
import { makeRng } from '../../data';
import { checkFastParity } from '../../train/fast/testing';
import { kernel } from './fast';
import { checkGradients, compileAlone, replaceNode, runForward, sequenceExperiment } from '../../train/fast/sequenceTesting';

const close = (a: ArrayLike<number>, b: number[], digits = 6) => {
  expect(a.length).toBe(b.length);
  b.forEach((v, i) => expect(a[i], `entry ${i}`).toBeCloseTo(v, digits));
};

// D = 1, units = 1, gates i, f, g, o. W = [0, 0, 1, 0], U = 0, b = 0 (set by hand), so i = f = o = σ(0) = ½, g = tanh(x_t):
//   over x = (1, 2): c₁ = ½·tanh 1 = 0.380797, h₁ = ½·tanh c₁ = 0.181700;
//                    c₂ = ½·c₁ + ½·tanh 2 = 0.672412, h₂ = ½·tanh c₂ = 0.293282
function handCell(returnSequences: boolean, L: number) {
  const c = compileAlone(kernel, { units: 1, returnSequences }, [L, 1], returnSequences ? [L, 1] : [1]);
  const [w, u, b] = c.offs;
  c.P.set([0, 0, 1, 0], w);
  c.P.fill(0, u, u + 4);
  c.P.fill(0, b, b + 4);
  return c;
}

describe('LSTM fast kernel', () => {
  it('reserves W [D, 4u], U [u, 4u] and b [4u] with forget-gate bias 1', () => {
    const c = compileAlone(kernel, { units: 2, returnSequences: false }, [2, 3], [2]);
    expect(c.offs).toEqual([0, 24, 40]);
    expect(Array.from(c.P.subarray(40))).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
  });

  it('matches the hand-computed states (last state and every state)', () => {
    close(runForward(handCell(false, 2), Float32Array.from([1, 2]), 1).outs[0], [0.2932822]);
    close(runForward(handCell(true, 2), Float32Array.from([1, 2]), 1).outs[0], [0.1816997, 0.2932822]);
    // two rows at once: each row is its own sequence
    close(runForward(handCell(true, 2), Float32Array.from([1, 2, 1, 2]), 2).outs[0], [0.1816997, 0.2932822, 0.1816997, 0.2932822]);
  });

  it('one step backward by hand', () => {
    // x = 1, dL/dh = 1: c = ½·tanh 1 = 0.380797, tanh c = 0.363399; dc = o·(1 − tanh²c) = 0.433970
    //   dz_i = dc·g·i(1 − i) = 0.082627, dz_f = 0 (c₀ = 0), dz_g = dc·i·(1 − g²) = 0.091128, dz_o = tanh c·o(1 − o) = 0.090850
    //   dW = x·dz, dU = 0 (no previous state), db = dz, dx = dz·Wᵀ = dz_g
    const c = handCell(false, 1);
    const io = runForward(c, Float32Array.from([1]), 1);
    close(io.outs[0], [0.1816997]);
    io.dOuts[0][0] = 1;
    const G = new Float32Array(c.P.length);
    c.layer.backward(io, c.P, G);
    const dz = [0.0826273, 0, 0.0911282, 0.0908499];
    close(G, [...dz, 0, 0, 0, 0, ...dz]);
    close(io.dIns[0]!, [0.0911282]);
  });

  it('backward through time agrees with finite differences', () => {
    const rng = makeRng(11);
    for (const returnSequences of [false, true]) {
      const c = compileAlone(kernel, { units: 2, returnSequences }, [3, 2], returnSequences ? [3, 2] : [2]);
      for (let i = 0; i < c.P.length; i++) c.P[i] = rng.next() * 2 - 1;
      checkGradients(c, Float32Array.from({ length: 2 * 3 * 2 }, () => rng.next() * 2 - 1), 2);
    }
  });

  checkFastParity('lstm', [
    [
      'Embedding → LSTM (every state) → LSTM (last state) on the sequences',
      (c) => {
        sequenceExperiment(c);
        replaceNode(c, 's2', [
          ['l1', 'lstm', { units: 4, returnSequences: true }],
          ['l2', 'lstm', { units: 5, returnSequences: false }],
        ]);
      },
    ],
    [
      'on the raw ids through a Reshape (no gradient into the input)',
      (c) => {
        sequenceExperiment(c);
        c.graph.nodes = c.graph.nodes.filter((n) => n.id !== 's1');
        c.graph.edges = c.graph.edges.filter((e) => e.target !== 's1' && e.source !== 's1');
        replaceNode(c, 's2', [
          ['r', 'reshape', { d1: -1, d2: 1, d3: 0 }],
          ['l1', 'lstm', { units: 3, returnSequences: false }],
        ]);
        c.graph.edges.push({ id: 'e_in_r', source: 'in', target: 'r' });
      },
    ],
  ]);
});
