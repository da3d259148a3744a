import { describe, expect, it } from 'vitest';
import { makeRng } from '../../data';
import { checkFastParity } from '../../train/fast/testing';
import { checkGradients, compileAlone, replaceNode, runForward, sequenceExperiment } from '../../train/fast/sequenceTesting';
import { kernel } from './fast';

const close = (a: ArrayLike<number>, b: number[]) => {
  expect(a.length).toBe(b.length);
  b.forEach((v, i) => expect(a[i], `entry ${i}`).toBeCloseTo(v, 6));
};

// D = 1, units = 1, both cells W = [0, 0, 1, 0], U = 0, b = 0 (set by hand), so i = f = o = ½ and g = tanh(x_t):
//   forward over x = (1, 2): h₁ = 0.181700, h₂ = 0.293282 (see the LSTM kernel's test)
//   backward (2, then 1):    c₁' = ½·tanh 2 = 0.482014, h₁' = ½·tanh c₁' = 0.223927;
//                            c₂' = ½·c₁' + ½·tanh 1 = 0.621804, h₂' = ½·tanh c₂' = 0.276191
function handCells(returnSequences: boolean) {
  const c = compileAlone(kernel, { units: 1, returnSequences }, [2, 1], returnSequences ? [2, 2] : [2]);
  expect(c.offs).toEqual([0, 4, 8, 12, 16, 20]);
  c.P.fill(0);
  c.P.set([0, 0, 1, 0], 0);
  c.P.set([0, 0, 1, 0], 12);
  return c;
}

describe('Bidirectional LSTM fast kernel', () => {
  it('joins the forward last state and the backward state after reading x₁', () => {
    close(runForward(handCells(false), Float32Array.from([1, 2]), 1).outs[0], [0.2932822, 0.2761914]);
  });

  it('in sequences aligns the backward states with their time steps', () => {
    // t = 1: (h₁, h₂'), t = 2: (h₂, h₁')
    close(runForward(handCells(true), Float32Array.from([1, 2]), 1).outs[0], [0.1816997, 0.2761914, 0.2932822, 0.2239275]);
  });

  it('backward through time in both directions agrees with finite differences', () => {
    const rng = makeRng(5);
    for (const returnSequences of [false, true]) {
      const c = compileAlone(kernel, { units: 2, returnSequences }, [3, 2], returnSequences ? [3, 4] : [4]);
      for (let i = 0; i < c.P.length; i++) c.P[i] = rng.next() * 2 - 1;
      checkGradients(c, Float32Array.from({ length: 2 * 3 * 2 }, () => rng.next() * 2 - 1), 2);
    }
  });

  checkFastParity('bilstm', [
    ['the sequences template (Embedding → BiLSTM → Dense, fixed α/β)', sequenceExperiment],
    [
      'every state, flattened, with SGD + momentum',
      (c) => {
        sequenceExperiment(c);
        c.optimizer = { ...c.optimizer, kind: 'sgd', learningRate: 0.1, momentum: 0.9 };
        replaceNode(c, 's2', [
          ['b', 'bilstm', { units: 3, returnSequences: true }],
          ['fl', 'flatten', {}],
        ]);
      },
    ],
  ]);
});
