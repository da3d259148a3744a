import { describe } from 'vitest';
import { checkFastParity, insertNode } from '../../train/fast/testing';

describe('BatchNorm fast kernel', () => {
  // The evaluations between steps run in inference mode (running statistics), the steps in training mode.
  // Not between d1 and d2: there (measured) one weight of d2 starts drifting apart by ~4e-5 a step at step 40, the
  // mark of float noise flipping a near-zero gradient's sign under Adam; the cases keep a relu off BatchNorm's output.
  checkFastParity('batchnorm', [
    ['between the trunk and the heads', (c) => c.graph.edges.filter((e) => e.source === 'd2').forEach((e) => insertNode(c, 'd2', e.target, `bn_${e.target}`, 'batchnorm'))],
    ['momentum 0.5 on the input', (c) => insertNode(c, 'in', 'd1', 'bn', 'batchnorm', { momentum: 0.5 })],
  ]);
});
