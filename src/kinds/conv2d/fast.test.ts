import { beforeAll, describe, expect, it } from 'vitest';
import { datasetTasks, datasetTemplate, defaultExperiment, type DatasetConfig, type RandomDatasetConfig } from '../../model';
import { useCpuBackend } from '../../train/testing';
import { checkFastParity, compileKernel, expectParity, imageChain, runKernel } from '../../train/fast/testing';

describe('Conv2D fast kernel', () => {
  it('stride 2, same padding on a 3×3 map: window sums, and their gradients by hand', () => {
    // same: ⌈3 / 2⌉ = 2 outputs per axis; total padding (2 − 1)·2 + 2 − 3 = 1, all of it after (bottom / right).
    const k = compileKernel('conv2d', { filters: 1, kernel: 2, stride: 2, padding: 'same', activation: 'linear' }, [3, 3, 1], [2, 2, 1]);
    k.P.set([1, 1, 1, 1, 0.5]); // W [2, 2, 1, 1] all ones, b = 0.5
    const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const { y, dx, G } = runKernel(k, 1, x, 4, Float32Array.from([1, 2, 3, 4]));
    // windows {1,2,4,5} {3,6} {7,8} {9}
    expect(y).toEqual([12.5, 9.5, 15.5, 9.5]);
    // each input gets the dY of the one window that covers it
    expect(dx).toEqual([1, 1, 2, 1, 1, 2, 3, 3, 4]);
    // dW(ky, kx) = Σ over windows x(2oy + ky, 2ox + kx)·dY: (1·1 + 3·2 + 7·3 + 9·4, 2·1 + 8·3, 4·1 + 6·2, 5·1); db = Σ dY
    expect(G).toEqual([64, 26, 16, 5, 10]);
  });

  it('valid padding, two channels in and two filters out, relu, two rows: NHWC and W [k, k, C, F] as tfjs', () => {
    const k = compileKernel('conv2d', { filters: 2, kernel: 1, stride: 1, padding: 'valid', activation: 'relu' }, [1, 2, 2], [1, 2, 2]);
    // W[c, f]: f0 = x_c0 − x_c1, f1 = 2·x_c1; b = (0, −1)
    k.P.set([1, 0, -1, 2, 0, -1]);
    const x = Float32Array.from([3, 1, 1, 2, /* row 2 */ 0, 0, 5, -1]);
    const { y, dx, G } = runKernel(k, 2, x, 4, Float32Array.from([1, 1, 1, 1, 1, 1, 1, 1]));
    // pixel (3, 1) → (2, 1); (1, 2) → (−1 → 0, 3); (0, 0) → (0, −1 → 0); (5, −1) → (6, −3 → 0)
    expect(y).toEqual([2, 1, 0, 3, 0, 0, 6, 0]);
    // relu passes dY where the output is > 0: dx_c = Σ over live filters W[c, f]; pixel 1 both (1 + 0, −1 + 2), pixel 2 f1, pixel 3 none, pixel 4 f0
    expect(dx).toEqual([1, 1, 0, 2, 0, 0, 1, -1]);
    // dW[c, f] = Σ x_c where output f > 0: f0 at pixels (3,1), (5,−1); f1 at (3,1), (1,2)
    expect(G).toEqual([8, 4, 0, 3, 2, 2]);
  });

  checkFastParity('conv2d', [
    [
      'stride 2, same padding, relu, 6×6×2 → 3×3×3 → Flatten',
      (c) => imageChain(c, [6, 6, 2], [['conv2d', { filters: 3, kernel: 3, stride: 2, padding: 'same', activation: 'relu' }], ['flatten', {}]]),
    ],
    [
      'two valid convs (tanh, then linear), stride 1 and 2, with SGD + momentum',
      (c) => {
        c.optimizer = { ...c.optimizer, kind: 'sgd', learningRate: 0.05, momentum: 0.9 };
        imageChain(c, [7, 7, 1], [
          ['conv2d', { filters: 4, kernel: 3, stride: 1, padding: 'valid', activation: 'tanh' }],
          ['conv2d', { filters: 2, kernel: 2, stride: 2, padding: 'valid', activation: 'linear' }],
          ['flatten', {}],
        ]);
      },
    ],
  ]);
});

describe('the MultiMNIST LeNet on the JS engine', () => {
  beforeAll(useCpuBackend);

  it('trains like the tfjs engine (the template graph, random 28×28 inputs, batch 16, 10 steps)', async () => {
    const c = defaultExperiment();
    const mnist: DatasetConfig = { kind: 'multimnist', nTrain: 30, nVal: 10 };
    c.tasks = datasetTasks(mnist);
    c.graph = datasetTemplate(mnist, c.tasks).graph;
    (c as { dataset: unknown }).dataset = { kind: 'random', nPoints: 48, inputDim: 784, valFraction: 0.25 } satisfies RandomDatasetConfig;
    c.optimizer = { ...c.optimizer, kind: 'adam', learningRate: 1e-3, batchSize: 16, steps: 10 };
    expect(c.graph.nodes.filter((n) => n.kind === 'conv2d' || n.kind === 'maxpool2d')).toHaveLength(4);
    await expectParity(c, 10);
  }, 180_000);
});
