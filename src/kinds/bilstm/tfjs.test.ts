import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

// D = 1, units = 1, gates i, f, g, o. W = [0, 0, 1, 0], U = 0, b = 0, so i = f = o = σ(0) = ½ and g = tanh(x_t):
//   forward over x = (1, 2): c₁ = ½·tanh 1 = 0.380797, h₁ = ½·tanh c₁ = 0.181700;
//                            c₂ = ½·c₁ + ½·tanh 2 = 0.672412, h₂ = ½·tanh c₂ = 0.293282
//   backward (2, then 1):    c₁' = ½·tanh 2 = 0.482014, h₁' = ½·tanh c₁' = 0.223927;
//                            c₂' = ½·c₁' + ½·tanh 1 = 0.621804, h₂' = ½·tanh c₂' = 0.276191
const setCell = (vars: tf.Variable[]) =>
  tf.tidy(() => {
    vars[0].assign(tf.tensor2d([[0, 0, 1, 0]]));
    vars[1].assign(tf.zeros([1, 4]));
    vars[2].assign(tf.zeros([4]));
  });
const x = () => tf.tensor3d([1, 2], [1, 2, 1]);

describe('Bidirectional LSTM builder', () => {
  checkBuilds([
    ['bilstm', [[6, 3]], { units: 4 }, [8], 256], // 2·128
    ['bilstm', [[6, 3]], { units: 4, returnSequences: true }, [6, 8], 256],
  ]);
  const { build } = useBuilders();

  it('joins the forward last state and the backward state after reading x₁', () => {
    const n = build('bilstm', [[2, 1]], { units: 1 });
    setCell(n.built.variables.slice(0, 3));
    setCell(n.built.variables.slice(3));
    tf.tidy(() => close(values(n.built.forward([x()], false, 0)), [0.2932822, 0.2761914]));
  });

  it('in sequences aligns the backward states with their time steps', () => {
    const n = build('bilstm', [[2, 1]], { units: 1, returnSequences: true });
    setCell(n.built.variables.slice(0, 3));
    setCell(n.built.variables.slice(3));
    // t = 1: (h₁, h₂'), t = 2: (h₂, h₁')
    tf.tidy(() => close(values(n.built.forward([x()], false, 0)), [0.1816997, 0.2761914, 0.2932822, 0.2239275]));
  });
});
