import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultExperiment, graphTemplate } from '../../model';
import { buildModel } from '../../train/builder';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';
import { crossStitchInit } from './tfjs';

// Three tasks (side, zone, height), so the unit has three outputs. Scalar counts by hand:
describe('cross-stitch builder', () => {
  checkBuilds([
    ['crossstitch', [[4], [4], [4]], {}, [4], 9], // T×T = 3·3
    ['crossstitch', [[2, 2, 1], [2, 2, 1], [2, 2, 1]], {}, [2, 2, 1], 9],
  ]);
  const { build } = useBuilders();

  it('starts at 0.9 on the diagonal and 0.1/(T−1) elsewhere', () => {
    close(Array.from(crossStitchInit(3)), [0.9, 0.05, 0.05, 0.05, 0.9, 0.05, 0.05, 0.05, 0.9]);
    close(Array.from(crossStitchInit(2)), [0.9, 0.1, 0.1, 0.9]);
    expect(Array.from(crossStitchInit(1))).toEqual([1]);
  });

  it('computes out_i = Σ_j a_ij·x_j', () => {
    const n = build('crossstitch', [[2], [2], [2]]);
    tf.tidy(() => {
      const [a, b, c] = n.many([tf.tensor2d([[1, 2]]), tf.tensor2d([[10, 20]]), tf.tensor2d([[100, 200]])], false, 0).map(values);
      close(a, [0.9 + 0.5 + 5, 1.8 + 1 + 10]);
      close(b, [0.05 + 9 + 5, 0.1 + 18 + 10]);
      close(c, [0.05 + 0.5 + 90, 0.1 + 1 + 180], 4);
    });
  });

  it('with the identity matrix equals the separate towers', () => {
    const tasks = defaultExperiment().tasks;
    const stitched = buildModel({ graph: graphTemplate('crossstitch')!.build(tasks, 2), tasks, seed: 7 }, 2);
    const towers = buildModel({ graph: graphTemplate('single')!.build(tasks, 2), tasks, seed: 7 }, 2);
    const a = stitched.variables[stitched.variableNodes.indexOf('crossstitch')];
    expect(a.shape).toEqual([3, 3]);
    a.assign(tf.eye(3));
    tf.tidy(() => {
      const x = tf.randomUniform([5, 2], -1, 1, 'float32', 3);
      const ys = stitched.forward(x, false, 0);
      const zs = towers.forward(x, false, 0);
      ys.forEach((y, i) => expect(values(y)).toEqual(values(zs[i])));
    });
    expect(stitched.paramCount).toBe(towers.paramCount + 9);
    stitched.dispose();
    towers.dispose();
  });
});
