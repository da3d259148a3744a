import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

// D = 1, units = 1, gates i, f, g, o. W = [0, 0, 1, 0], U = 0, b = 0, so i = f = o = σ(0) = ½ and g = tanh(x_t):
//   forward over x = (1, 2): c₁ = ½·tanh 1 = 0.380797, h₁ = ½·tanh c₁ = 0.181700;
//                            c₂ = ½·c₁ + ½·tanh 2 = 0.672412, h₂ = ½·tanh c₂ = 0.293282
const setCell = (vars: tf.Variable[]) =>
  tf.tidy(() => {
    vars[0].assign(tf.tensor2d([[0, 0, 1, 0]]));
    vars[1].assign(tf.zeros([1, 4]));
    vars[2].assign(tf.zeros([4]));
  });
const x = () => tf.tensor3d([1, 2], [1, 2, 1]);

describe('LSTM builder', () => {
  checkBuilds([
    ['lstm', [[6, 3]], { units: 4 }, [4], 128], // 4·4·(3 + 4) + 4·4
    ['lstm', [[6, 3]], { units: 4, returnSequences: true }, [6, 4], 128],
  ]);
  const { build } = useBuilders();

  it('starts with forget-gate bias 1 and other biases 0', () => {
    const n = build('lstm', [[2, 3]], { units: 2 });
    expect(values(n.built.variables[2])).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
  });

  it('matches the hand-computed states', () => {
    const n = build('lstm', [[2, 1]], { units: 1 });
    setCell(n.built.variables);
    tf.tidy(() => close(values(n.built.forward([x()], false, 0)), [0.2932822]));
  });

  it('returns every state with returnSequences', () => {
    const n = build('lstm', [[2, 1]], { units: 1, returnSequences: true });
    setCell(n.built.variables);
    tf.tidy(() => close(values(n.built.forward([x()], false, 0)), [0.1816997, 0.2932822]));
  });
});
